// The query tree. parseQuery builds it, formatQuery prints it back, compileQuery turns it into
// a matcher. Aliases are expanded in place (the tree never holds `@name`), so a tree prints to
// text that parses back without the alias definitions.
import type { MatchField } from './types.js';

/** A word as written: letters, digits, `'`, `-`, and `*` / `?` wildcards. */
export interface TermNode {
  kind: 'term';
  text: string;
  /** cs(...): case must match too (accents are still folded). */
  caseSensitive: boolean;
}

/** "an exact phrase": its words in order, punctuation between them ignored. */
export interface PhraseNode {
  kind: 'phrase';
  text: string;
  caseSensitive: boolean;
}

export interface AndNode {
  kind: 'and';
  /** Two or more. */
  children: QueryNode[];
}

export interface OrNode {
  kind: 'or';
  /** Two or more. */
  children: QueryNode[];
}

export interface NotNode {
  kind: 'not';
  child: QueryNode;
}

/** `left NEAR/n right` (any order) or `left ONEAR/n right` (left first): at most n words between. */
export interface NearNode {
  kind: 'near';
  left: QueryNode;
  right: QueryNode;
  distance: number;
  ordered: boolean;
}

/** `field:child`. */
export interface FieldNode {
  kind: 'field';
  field: MatchField;
  child: QueryNode;
}

export type QueryNode = TermNode | PhraseNode | AndNode | OrNode | NotNode | NearNode | FieldNode;

export const MATCH_FIELDS: readonly MatchField[] = [
  'title',
  'lead',
  'body',
  'url',
  'outlet',
  'lang',
  'author',
];

/** Fields searched when a term names none. */
export const DEFAULT_FIELDS: readonly MatchField[] = ['title', 'lead', 'body'];

export function isMatchField(name: string): name is MatchField {
  return (MATCH_FIELDS as readonly string[]).includes(name);
}

/** Whether a node can be an operand of NEAR/ONEAR (it yields positions, not just true/false). */
export function isSpanNode(node: QueryNode): boolean {
  switch (node.kind) {
    case 'term':
    case 'phrase':
      return true;
    case 'or':
      return node.children.every(isSpanNode);
    case 'near':
      return true;
    case 'field':
      return isSpanNode(node.child);
    default:
      return false;
  }
}

/** True when the term holds a wildcard (`*` any run of characters, `?` exactly one). */
export function isWildcard(text: string): boolean {
  return text.includes('*') || text.includes('?');
}
