// Read-only helpers over the htmlparser2 DOM. The Document is shared with other stages (link
// discovery, canonical URL), so nothing here mutates it. Node kinds are told apart by their
// `type` string rather than `instanceof`: htmlparser2 builds nodes with its own copy of
// domhandler, whose classes are not the ones this package imports.
import type { AnyNode, Element, ParentNode, Text } from 'domhandler';

export type { AnyNode, Document, Element, ParentNode, Text } from 'domhandler';

export function isElement(node: AnyNode): node is Element {
  const t: string = node.type;
  return t === 'tag' || t === 'script' || t === 'style';
}

export function isText(node: AnyNode): node is Text {
  const t: string = node.type;
  return t === 'text';
}

export function hasChildNodes(node: AnyNode): node is ParentNode {
  return 'children' in node && Array.isArray(node.children);
}

/** Attribute value, or '' when absent. Attribute names are lower-cased by the parser. */
/** Whether `node` is `ancestor` or sits inside it. */
export function contains(ancestor: AnyNode, node: AnyNode): boolean {
  for (let cur: AnyNode | null = node; cur !== null; cur = cur.parent) {
    if (cur === ancestor) return true;
  }
  return false;
}

export function attr(el: Element, name: string): string {
  return el.attribs[name] ?? '';
}

/** Calls `visit` for every element below `root` in document order (iterative, no recursion). */
export function forEachElement(root: AnyNode, visit: (el: Element) => boolean | void): void {
  // `visit` returning false skips the element's subtree.
  const stack: AnyNode[] = [];
  if (hasChildNodes(root)) pushChildren(stack, root);
  while (stack.length > 0) {
    const node = stack.pop() as AnyNode;
    if (!isElement(node)) continue;
    if (visit(node) === false) continue;
    pushChildren(stack, node);
  }
}

function pushChildren(stack: AnyNode[], node: ParentNode): void {
  const kids = node.children;
  for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i] as AnyNode);
}

/** All elements below `root` whose tag name is in `names`, in document order. */
export function findByTag(root: AnyNode, names: ReadonlySet<string>): Element[] {
  const out: Element[] = [];
  forEachElement(root, (el) => {
    if (names.has(el.name)) out.push(el);
  });
  return out;
}

/**
 * Raw text of a subtree (scripts and styles excluded), white space left as is. Iterative: pages
 * with thousands of unclosed tags nest deeper than the call stack allows.
 */
export function rawText(root: AnyNode): string {
  const parts: string[] = [];
  const stack: AnyNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as AnyNode;
    if (isText(node)) {
      parts.push(node.data);
    } else if (hasChildNodes(node) && !(isElement(node) && (node.type as string) !== 'tag')) {
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as AnyNode);
    }
  }
  return parts.join('');
}

/** Text of a subtree with white space folded to single spaces, trimmed. */
export function textOf(root: AnyNode): string {
  return foldSpace(rawText(root));
}

// A run of white space (including no-break and zero-width spaces) that is not already a single
// plain space: a space followed by more, or any other white-space character and what follows.
// A lone ' ' is left alone, so most text has no match and replace() makes no new string.
const SPACE_RUN_TO_FOLD = / [\s\u200b]+|[^\S ]+[\s\u200b]*|\u200b[\s\u200b]*/g;

/** Folds runs of white space (including no-break and zero-width spaces) to one space. */
export function foldSpace(s: string): string {
  return s.replace(SPACE_RUN_TO_FOLD, ' ').trim();
}

/** The class and id of an element joined, lower-cased: what class/id hints are tested against. */
export function hintString(el: Element): string {
  const cls = el.attribs['class'];
  const id = el.attribs['id'];
  if (cls === undefined && id === undefined) return '';
  return `${cls ?? ''} ${id ?? ''}`.toLowerCase();
}

const NO_TEXT = new Set(['script', 'style', 'noscript', 'template', 'head']);

/**
 * Folded text of `el`, or null when it is empty or longer than `max` characters. Stops reading
 * early, so testing many nested containers stays linear in practice.
 */
export function boundedText(el: AnyNode, max: number): string | null {
  const parts: string[] = [];
  let total = 0;
  const stack: AnyNode[] = [el];
  while (stack.length > 0) {
    const node = stack.pop() as AnyNode;
    if (isText(node)) {
      parts.push(node.data);
      total += node.data.length;
      if (total > max * 4 + 200) return null;
    } else if (isElement(node)) {
      if (NO_TEXT.has(node.name)) continue;
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as AnyNode);
    } else if (hasChildNodes(node)) {
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as AnyNode);
    }
  }
  const text = foldSpace(parts.join(''));
  return text === '' || text.length > max ? null : text;
}
