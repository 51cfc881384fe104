// First pass of body extraction: one bottom-up walk that leaves out the subtrees that can never
// be article text (skip-rules) and measures every other element (node-stats): text length,
// link text, commas, paragraphs, images, list items. The scorer and the renderer read these
// numbers instead of walking subtrees again, so extraction stays linear in the page size.
import { foldSpace, isElement, isText } from './dom.js';
import type { AnyNode, Document, Element } from './dom.js';
import { addChild, addText, BLOCK_TAGS, countLeaf, emptyStats, flatStats } from './node-stats.js';
import type { NodeStats } from './node-stats.js';
import { isFurnitureBox, isHidden, isPromptBox, skipVerdict } from './skip-rules.js';

export type { NodeStats } from './node-stats.js';
export { BLOCK_TAGS, linkDensity } from './node-stats.js';

export interface ContentStats {
  /** Stats of every element that may hold article text; skipped subtrees are absent. */
  stats: Map<Element, NodeStats>;
}

export interface MeasureOptions {
  /** Skip subtrees by Readability's "unlikely candidate" class/id hints. */
  unlikelyHints: boolean;
  /** Skip subtrees by any class/id hint (boilerplate, prompts, share bars); default true. */
  classHints?: boolean;
  /**
   * The article's headline: its containers are never left out for their class or id ("story
   * sponsored", "article has-related"), only for their tag or for being hidden.
   */
  headline?: Element | null;
}

/**
 * Nesting below which a subtree is measured (and rendered) as one block of text, iteratively:
 * pages with thousands of unclosed tags would otherwise overflow the call stack.
 */
export const MAX_DEPTH = 400;

export function measureContent(doc: Document, opts: MeasureOptions): ContentStats {
  const stats = new Map<Element, NodeStats>();
  const holdsHeadline = new Set<AnyNode>();
  for (let n: AnyNode | null = opts.headline ?? null; n !== null; n = n.parent)
    holdsHeadline.add(n);
  // Elements in the order their stats were stored (post-order: a subtree is contiguous).
  const order: Element[] = [];

  const visit = (
    el: Element,
    inLink: boolean,
    inTable: boolean,
    depth: number,
  ): NodeStats | null => {
    const verdict = skipVerdict(
      el,
      opts.unlikelyHints,
      inTable,
      holdsHeadline.has(el) || opts.classHints === false,
    );
    if (verdict === 'skip') return null;
    const start = order.length;
    const link = inLink || el.name === 'a';
    let s: NodeStats;
    if (depth >= MAX_DEPTH) {
      s = flatStats(el, link, isHidden);
    } else {
      s = emptyStats();
      const table = inTable || el.name === 'table' || el.name === 'code' || el.name === 'pre';
      // Old CMSs write paragraphs as text between "<br><br>": each such break starts one.
      let brs = 0;
      for (const child of el.children) {
        if (isText(child)) {
          if (brs >= 2 && child.data.trim() !== '') s.brBreaks++;
          if (child.data.trim() !== '') brs = 0;
          addText(s, child.data, link);
        } else if (isElement(child)) {
          if (child.name === 'br') {
            brs++;
            continue;
          }
          if (brs >= 2) s.brBreaks++;
          brs = 0;
          countLeaf(child, s);
          const cs = visit(child, link, table, depth + 1);
          if (cs !== null) addChild(s, cs, child);
        }
      }
    }
    if (
      (verdict === 'skip-if-furniture' && isFurnitureBox(s)) ||
      (verdict === 'skip-if-prompt' && isPromptBox(s, () => keptText(el, stats)))
    ) {
      for (let i = start; i < order.length; i++) stats.delete(order[i] as Element);
      order.length = start;
      return null;
    }
    stats.set(el, s);
    order.push(el);
    return s;
  };

  for (const child of doc.children) if (isElement(child)) visit(child, false, false, 0);
  return { stats };
}

/**
 * Text of `el` without the children the walk left out (their stats are not in `stats`), white
 * space folded: what a block says on its own.
 */
export function keptText(el: Element, stats: ReadonlyMap<Element, NodeStats>): string {
  const parts: string[] = [];
  const walk = (node: Element): void => {
    for (const c of node.children) {
      if (isText(c)) parts.push(c.data);
      else if (isElement(c) && stats.has(c)) {
        const block = BLOCK_TAGS.has(c.name) || c.name === 'br';
        if (block) parts.push(' ');
        walk(c);
        if (block) parts.push(' ');
      }
    }
  };
  walk(el);
  return foldSpace(parts.join(''));
}
