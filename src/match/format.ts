// QueryNode -> text. formatQuery prints the normalised query (explicit AND, upper-case
// operators, parentheses where precedence or readability needs them) such that
// parseQuery(formatQuery(n)) deep-equals n. formatTree prints an indented view for the CLI.
import type { QueryNode } from './ast.js';

export function formatQuery(node: QueryNode): string {
  switch (node.kind) {
    case 'term':
      return node.caseSensitive ? `cs(${node.text})` : node.text;
    case 'phrase':
      return node.caseSensitive ? `cs("${node.text}")` : `"${node.text}"`;
    case 'and':
      return node.children.map((c) => wrap(c, c.kind === 'and' || c.kind === 'or')).join(' AND ');
    case 'or':
      return node.children.map((c) => wrap(c, c.kind === 'and' || c.kind === 'or')).join(' OR ');
    case 'not':
      return `NOT ${wrap(node.child, !isAtom(node.child) && node.child.kind !== 'not')}`;
    case 'near': {
      const op = `${node.ordered ? 'ONEAR' : 'NEAR'}/${node.distance}`;
      const left = wrap(node.left, node.left.kind === 'or');
      const right = wrap(node.right, node.right.kind === 'or' || node.right.kind === 'near');
      return `${left} ${op} ${right}`;
    }
    case 'field': {
      const child = node.child;
      const bare = child.kind === 'term' || child.kind === 'phrase';
      return `${node.field}:${bare ? formatQuery(child) : `(${formatQuery(child)})`}`;
    }
  }
}

function isAtom(node: QueryNode): boolean {
  return node.kind === 'term' || node.kind === 'phrase' || node.kind === 'field';
}

function wrap(node: QueryNode, parens: boolean): string {
  return parens ? `(${formatQuery(node)})` : formatQuery(node);
}

/** Indented tree, two spaces a level: one line per node. */
export function formatTree(node: QueryNode): string {
  const lines: string[] = [];
  walk(node, 0, lines);
  return lines.join('\n');
}

function walk(node: QueryNode, depth: number, lines: string[]): void {
  const pad = '  '.repeat(depth);
  const cs = (on: boolean): string => (on ? ' (case-sensitive)' : '');
  switch (node.kind) {
    case 'term': {
      const what = /[*?]/.test(node.text) ? 'wildcard' : 'term';
      lines.push(`${pad}${what} ${node.text}${cs(node.caseSensitive)}`);
      return;
    }
    case 'phrase':
      lines.push(`${pad}phrase "${node.text}"${cs(node.caseSensitive)}`);
      return;
    case 'and':
    case 'or':
      lines.push(`${pad}${node.kind.toUpperCase()}`);
      for (const child of node.children) walk(child, depth + 1, lines);
      return;
    case 'not':
      lines.push(`${pad}NOT`);
      walk(node.child, depth + 1, lines);
      return;
    case 'near':
      lines.push(
        `${pad}${node.ordered ? 'ONEAR' : 'NEAR'}/${node.distance} ` +
          `(at most ${node.distance} words between, ${node.ordered ? 'in this order' : 'any order'})`,
      );
      walk(node.left, depth + 1, lines);
      walk(node.right, depth + 1, lines);
      return;
    case 'field':
      lines.push(`${pad}field ${node.field}:`);
      walk(node.child, depth + 1, lines);
      return;
  }
}
