// First pass of body extraction: one bottom-up walk that leaves out the subtrees that can never
// be article text (skip-rules) and measures every other element (node-stats): text length,
// link text, commas, paragraphs, images, list items. The scorer and the renderer read these
// numbers instead of walking subtrees again, so extraction stays linear in the page size.
import { attr, boundedText, foldSpace, isElement, isText } from './dom.js';
import { opensThread } from './body-tail.js';
import type { AnyNode, Document, Element } from './dom.js';
import { addChild, addText, BLOCK_TAGS, countLeaf, emptyStats, flatStats } from './node-stats.js';
import type { NodeStats } from './node-stats.js';
import { isFurnitureBox, isHidden, isPromptBox, skipVerdict } from './skip-rules.js';

export type { NodeStats } from './node-stats.js';
export { BLOCK_TAGS, brParagraphs, linkDensity } from './node-stats.js';

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
  /**
   * Host names of the page (its URL, its canonical URL): links to them, relative links and
   * anchors lead around the site (siteLinkChars); others lead away from it.
   */
  hosts?: readonly string[];
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

  const sameSite = siteTest(opts.hosts ?? []);
  const visit = (
    el: Element,
    inLink: boolean,
    inSiteLink: boolean,
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
    const siteLink = inLink ? inSiteLink : el.name === 'a' && sameSite(attr(el, 'href'));
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
          addText(s, child.data, link, siteLink);
        } else if (isElement(child)) {
          if (child.name === 'br') {
            brs++;
            continue;
          }
          if (brs >= 2) s.brBreaks++;
          brs = 0;
          countLeaf(child, s);
          const cs = visit(child, link, siteLink, table, depth + 1);
          if (cs !== null) addChild(s, cs, child);
        }
      }
    }
    if (
      (verdict === 'skip-if-furniture' && isFurnitureBox(s)) ||
      (verdict === 'skip-if-prompt' && isPromptBox(s, () => keptText(el, stats))) ||
      (s.hasBlockChild && !holdsHeadline.has(el) && isThread(el))
    ) {
      for (let i = start; i < order.length; i++) stats.delete(order[i] as Element);
      order.length = start;
      return null;
    }
    stats.set(el, s);
    order.push(el);
    return s;
  };

  for (const child of doc.children) if (isElement(child)) visit(child, false, false, false, 0);
  return { stats };
}

const THREAD_HEADINGS = new Set(['h2', 'h3', 'h4', 'h5', 'h6']);
const THREAD_TEXT_MAX = 120;

/**
 * A block that opens with a comment thread's heading ("7 replies on “…”", "Leave a Reply"),
 * itself or wrapped once: the thread, whatever its class says (a short post's thread outweighs
 * the post).
 */
function isThread(el: Element): boolean {
  if (PROTECTED_FROM_THREAD.has(el.name)) return false;
  let first = firstElementChild(el);
  if (first !== null && !THREAD_HEADINGS.has(first.name)) {
    const only = firstElementChild(first);
    first = only !== null && THREAD_HEADINGS.has(only.name) ? only : null;
  }
  if (first === null) return false;
  const text = boundedText(first, THREAD_TEXT_MAX);
  return text !== null && opensThread(text);
}
const PROTECTED_FROM_THREAD = new Set(['html', 'body', 'main']);

/** The first element child, when no text comes before it. */
function firstElementChild(el: Element): Element | null {
  for (const c of el.children) {
    if (isText(c)) {
      if (c.data.trim() !== '') return null;
    } else if (isElement(c)) return c;
  }
  return null;
}

const HREF_HOST = /^(?:[a-z][a-z0-9+.-]*:)?\/\/(?:[^@/?#]*@)?([^/:?#]+)/i;
const OTHER_SCHEME = /^(?:mailto|tel|sms|whatsapp|fb-messenger):/i;

/** Whether an href leads to a page of the site (relative, an anchor, or one of `hosts`). */
function siteTest(hosts: readonly string[]): (href: string) => boolean {
  const own = new Set(hosts.map(bareHost));
  return (href) => {
    const h = href.trim();
    if (OTHER_SCHEME.test(h)) return false;
    const m = HREF_HOST.exec(h);
    if (m === null) return true;
    return own.has(bareHost(m[1] ?? ''));
  };
}

function bareHost(host: string): string {
  return host.toLowerCase().replace(/^www\d*\./, '');
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
