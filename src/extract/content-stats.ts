// First pass of body extraction: one bottom-up walk that decides which subtrees can never be
// article text (scripts, navigation, hidden nodes, boilerplate by class/id) and measures every
// other element: text length, link text, commas, paragraphs, images, list items. The scorer and
// the renderer read these numbers instead of walking subtrees again, so extraction stays linear.
import { attr, hintString, isElement, isText } from './dom.js';
import type { AnyNode, Document, Element } from './dom.js';
import {
  AD_TOKEN,
  BOILERPLATE_HINT,
  FURNITURE_ROLES,
  POSITIVE_HINT,
  POINTER_HINT,
  SHARE_HINT,
  SHORT_FURNITURE,
  SKIP_TAGS,
  UNLIKELY_HINT,
} from './hints.js';

export interface NodeStats {
  /** Characters of text, white space folded. */
  chars: number;
  /** Characters inside links. */
  linkChars: number;
  commas: number;
  /** Text directly inside the element or its inline children (not inside block children). */
  ownChars: number;
  ownCommas: number;
  paragraphs: number;
  images: number;
  listItems: number;
  inputs: number;
  embeds: number;
  headingChars: number;
  /** Characters inside <li> descendants. */
  listChars: number;
  hasBlockChild: boolean;
  /** Headings that are links: the mark of a list of teasers. */
  linkedHeadings: number;
  articles: number;
}

export interface ContentStats {
  /** Stats of every element that may hold article text; skipped subtrees are absent. */
  stats: Map<Element, NodeStats>;
  body: Element | null;
}

export interface MeasureOptions {
  /** Skip subtrees by Readability's "unlikely candidate" class/id hints. */
  unlikelyHints: boolean;
}

export const BLOCK_TAGS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'dd',
  'details',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'tbody',
  'thead',
  'tfoot',
  'tr',
  'td',
  'th',
  'ul',
  'img',
  'picture',
  'center',
  'caption',
  'summary',
  'hgroup',
]);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const PROTECTED = new Set(['html', 'body', 'main', 'a']);
const HIDDEN_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden/i;
const SPACE_RUN = /[\s\u00a0\u200b]+/g;
const VIDEO_SRC =
  /\/\/(?:[\w-]+\.)*(?:youtube(?:-nocookie)?\.com|youtu\.be|vimeo\.com|dailymotion\.com|twitch\.tv|kaltura\.com|brightcove\.net|jwplayer\.com|jwplatform\.com|vrt\.be|rtbf\.be|rtl\.be|dpgmedia\.net)/i;

export function measureContent(doc: Document, opts: MeasureOptions): ContentStats {
  const stats = new Map<Element, NodeStats>();
  // Elements in the order their stats were stored (post-order: a subtree is contiguous).
  const order: Element[] = [];
  let body: Element | null = null;

  const visit = (el: Element, inLink: boolean, inTable: boolean): NodeStats | null => {
    const verdict = skipVerdict(el, opts, inTable);
    if (verdict === 'skip') return null;
    const start = order.length;
    if (el.name === 'body') body = el;
    const s: NodeStats = {
      chars: 0,
      linkChars: 0,
      commas: 0,
      ownChars: 0,
      ownCommas: 0,
      paragraphs: 0,
      images: 0,
      listItems: 0,
      inputs: 0,
      embeds: 0,
      headingChars: 0,
      listChars: 0,
      hasBlockChild: false,
      linkedHeadings: 0,
      articles: 0,
    };
    const link = inLink || el.name === 'a';
    const table = inTable || el.name === 'table' || el.name === 'code' || el.name === 'pre';
    for (const child of el.children) {
      if (isText(child)) {
        const n = foldedLength(child.data);
        const c = countCommas(child.data);
        s.chars += n;
        s.ownChars += n;
        s.commas += c;
        s.ownCommas += c;
        if (link) s.linkChars += n;
      } else if (isElement(child)) {
        countLeaf(child, s);
        const cs = visit(child, link, table);
        if (cs === null) continue;
        addChild(s, cs, child);
      }
    }
    if (verdict === 'skip-if-furniture' && isFurnitureBox(s)) {
      for (let i = start; i < order.length; i++) stats.delete(order[i] as Element);
      order.length = start;
      return null;
    }
    stats.set(el, s);
    order.push(el);
    return s;
  };

  for (const child of doc.children) if (isElement(child)) visit(child, false, false);
  return { stats, body };
}

function countLeaf(child: Element, s: NodeStats): void {
  switch (child.name) {
    case 'img':
    case 'picture':
      s.images += 1;
      break;
    case 'input':
    case 'select':
    case 'textarea':
    case 'button':
      s.inputs += 1;
      break;
    case 'video':
      s.embeds += 1;
      break;
    case 'iframe':
    case 'embed':
    case 'object':
      // Readability drops other embeds first; only video players count against a block.
      if (VIDEO_SRC.test(child.attribs['src'] ?? child.attribs['data'] ?? '')) s.embeds += 1;
      break;
  }
}

function addChild(s: NodeStats, cs: NodeStats, child: Element): void {
  s.chars += cs.chars;
  s.linkChars += cs.linkChars;
  s.commas += cs.commas;
  s.paragraphs += cs.paragraphs + (child.name === 'p' ? 1 : 0);
  s.images += cs.images;
  s.listItems += cs.listItems + (child.name === 'li' ? 1 : 0);
  s.inputs += cs.inputs;
  s.embeds += cs.embeds;
  s.headingChars += HEADINGS.has(child.name) ? cs.chars : cs.headingChars;
  s.listChars += child.name === 'li' ? cs.chars : cs.listChars;
  s.articles += cs.articles + (child.name === 'article' ? 1 : 0);
  const linked = HEADINGS.has(child.name) && cs.chars > 0 && cs.linkChars * 2 > cs.chars;
  s.linkedHeadings += cs.linkedHeadings + (linked ? 1 : 0);
  if (BLOCK_TAGS.has(child.name)) {
    s.hasBlockChild = true;
  } else {
    s.ownChars += cs.ownChars;
    s.ownCommas += cs.ownCommas;
  }
}

type Verdict = 'keep' | 'skip' | 'skip-if-furniture';

/** A share bar or pointer box that is short, made of links or of linked headlines. */
function isFurnitureBox(s: NodeStats): boolean {
  if (s.linkChars > 0.25 * s.chars) return true;
  // Linked headlines with a line each: a list of teasers.
  if (s.linkedHeadings >= 2 && (s.chars - s.linkChars) / s.linkedHeadings < 300) return true;
  // Short, unless it holds a real paragraph (an id that is a heading's slug: "sharing-with-…").
  return s.chars < SHORT_FURNITURE && !(s.paragraphs > 0 && s.chars >= 150);
}

function skipVerdict(el: Element, opts: MeasureOptions, inTable: boolean): Verdict {
  if (SKIP_TAGS.has(el.name) || (el.type as string) !== 'tag') return 'skip';
  if (isHidden(el)) return 'skip';
  if (PROTECTED.has(el.name)) return 'keep';
  const role = attr(el, 'role');
  if (role !== '' && FURNITURE_ROLES.has(role)) return 'skip';
  const hint = hintString(el);
  if (hint === '' || /articlebody/i.test(attr(el, 'itemprop'))) return 'keep';
  if (el.name !== 'article' && (BOILERPLATE_HINT.test(hint) || AD_TOKEN.test(hint))) return 'skip';
  if (SHARE_HINT.test(hint) || POINTER_HINT.test(hint)) return 'skip-if-furniture';
  const unlikely =
    opts.unlikelyHints && !inTable && UNLIKELY_HINT.test(hint) && !POSITIVE_HINT.test(hint);
  return unlikely ? 'skip' : 'keep';
}

export function isHidden(el: Element): boolean {
  const a = el.attribs;
  if (a['hidden'] !== undefined) return true;
  if (a['aria-hidden'] === 'true' && !(a['class'] ?? '').includes('fallback-image')) return true;
  const style = a['style'];
  return style !== undefined && HIDDEN_STYLE.test(style);
}

function foldedLength(data: string): number {
  if (data.length === 0) return 0;
  const folded = data.replace(SPACE_RUN, ' ');
  return folded === ' ' ? 0 : folded.length;
}

function countCommas(data: string): number {
  let n = 0;
  for (let i = data.indexOf(','); i !== -1; i = data.indexOf(',', i + 1)) n++;
  return n;
}

export function linkDensity(s: NodeStats): number {
  return s.chars === 0 ? 0 : s.linkChars / s.chars;
}

/** Reads the stats of a child node, whatever its kind (null for text and skipped nodes). */
export function statsOf(cs: ContentStats, node: AnyNode): NodeStats | null {
  return isElement(node) ? (cs.stats.get(node) ?? null) : null;
}
