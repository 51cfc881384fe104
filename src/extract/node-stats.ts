// What the first pass measures per element, and how a parent's numbers are summed from its
// children's. Kept apart from the walk (content-stats) and the skip rules (skip-rules).
import { isElement, isText } from './dom.js';
import type { AnyNode, Element } from './dom.js';
import { SKIP_TAGS } from './hints.js';

export interface NodeStats {
  /** Characters of text, white space folded. */
  chars: number;
  /** Characters inside links. */
  linkChars: number;
  /** Characters inside links to the site's own pages (relative, anchors, the page's hosts). */
  siteLinkChars: number;
  commas: number;
  /** Text directly inside the element or its inline children (not inside block children). */
  ownChars: number;
  ownCommas: number;
  /** <p> descendants, and paragraphs written as text split by "<br><br>" in descendants. */
  paragraphs: number;
  images: number;
  listItems: number;
  inputs: number;
  embeds: number;
  headingChars: number;
  /** Characters inside <li> descendants. */
  listChars: number;
  hasBlockChild: boolean;
  /** Headings that are links to the site's own pages: the mark of a list of teasers. */
  linkedHeadings: number;
  articles: number;
  /** <table> descendants (data or layout: body-clean tells them apart when it matters). */
  tables: number;
  /** Measured as one block of text (the element sits too deep to walk recursively). */
  flat: boolean;
  /** Paragraph breaks written as two or more <br> in a row among the element's own children. */
  brBreaks: number;
}

// prettier-ignore
export const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'caption', 'center', 'dd', 'details', 'div', 'dl',
  'dt', 'fieldset', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header',
  'hgroup', 'hr', 'img', 'li', 'main', 'nav', 'ol', 'p', 'picture', 'pre', 'section', 'summary',
  'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
]);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const VIDEO_SRC =
  /\/\/(?:[\w-]+\.)*(?:youtube(?:-nocookie)?\.com|youtu\.be|vimeo\.com|dailymotion\.com|twitch\.tv|kaltura\.com|brightcove\.net|jwplayer\.com|jwplatform\.com|vrt\.be|rtbf\.be|rtl\.be|dpgmedia\.net)/i;

export function emptyStats(flat = false): NodeStats {
  return {
    chars: 0,
    linkChars: 0,
    siteLinkChars: 0,
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
    tables: 0,
    flat,
    brBreaks: 0,
  };
}

/** Adds a text node directly inside the element. */
export function addText(s: NodeStats, data: string, inLink: boolean, inSiteLink = inLink): void {
  const n = foldedLength(data);
  const c = countCommas(data);
  s.chars += n;
  s.ownChars += n;
  s.commas += c;
  s.ownCommas += c;
  if (inLink) s.linkChars += n;
  if (inSiteLink) s.siteLinkChars += n;
}

/** Counts an image, form control or video player child (these are skipped, not measured). */
export function countLeaf(child: Element, s: NodeStats): void {
  switch (child.name) {
    case 'img':
    case 'picture':
      s.images += 1;
      break;
    // Fields of a form. Buttons are not: pages put share, copy-link and play buttons inside
    // the article's own blocks (a live blog's entries), and Readability does not count them.
    case 'input':
    case 'select':
    case 'textarea':
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

/** Adds a measured child element's numbers to its parent's. */
export function addChild(s: NodeStats, cs: NodeStats, child: Element): void {
  s.chars += cs.chars;
  s.linkChars += cs.linkChars;
  s.siteLinkChars += cs.siteLinkChars;
  s.commas += cs.commas;
  s.paragraphs += cs.paragraphs + (child.name === 'p' ? 1 : brParagraphs(cs));
  s.images += cs.images;
  s.listItems += cs.listItems + (child.name === 'li' ? 1 : 0);
  s.inputs += cs.inputs;
  s.embeds += cs.embeds;
  s.headingChars += HEADINGS.has(child.name) ? cs.chars : cs.headingChars;
  s.listChars += child.name === 'li' ? cs.chars : cs.listChars;
  s.articles += cs.articles + (child.name === 'article' ? 1 : 0);
  s.tables += cs.tables + (child.name === 'table' ? 1 : 0);
  const linked = HEADINGS.has(child.name) && cs.chars > 0 && cs.siteLinkChars * 2 > cs.chars;
  s.linkedHeadings += cs.linkedHeadings + (linked ? 1 : 0);
  if (BLOCK_TAGS.has(child.name)) {
    s.hasBlockChild = true;
  } else {
    s.ownChars += cs.ownChars;
    s.ownCommas += cs.ownCommas;
  }
}

/** Stats of a whole subtree read as one block of text, without recursion. */
export function flatStats(
  root: Element,
  inLink: boolean,
  skip: (el: Element) => boolean,
): NodeStats {
  const s = emptyStats(true);
  const stack: Array<[AnyNode, boolean]> = [[root, inLink]];
  while (stack.length > 0) {
    const [node, link] = stack.pop() as [AnyNode, boolean];
    if (isText(node)) {
      addText(s, node.data, link);
    } else if (isElement(node)) {
      if (node !== root && (SKIP_TAGS.has(node.name) || skip(node))) continue;
      if (node.name === 'p') s.paragraphs++;
      const inner = link || node.name === 'a';
      for (const child of node.children) stack.push([child, inner]);
    }
  }
  return s;
}

/**
 * Paragraphs an element writes itself as text split by "<br><br>" (Readability turns them into
 * <p>s before it counts paragraphs): a blog post's text between its photos is that many
 * paragraphs, not none.
 */
export function brParagraphs(s: NodeStats): number {
  return s.brBreaks > 0 ? s.brBreaks + 1 : 0;
}

export function linkDensity(s: NodeStats): number {
  return s.chars === 0 ? 0 : s.linkChars / s.chars;
}

/**
 * Length of the text with each run of white space (JavaScript's \s, no-break and zero-width
 * spaces) counted as one character; 0 when it is only white space. Counted, not built: this
 * runs on every text node of the page.
 */
export function foldedLength(data: string): number {
  let n = 0;
  let inSpace = false;
  let text = false;
  for (let i = 0; i < data.length; i++) {
    if (isFoldedSpace(data.charCodeAt(i))) {
      if (!inSpace) n++;
      inSpace = true;
    } else {
      n++;
      inSpace = false;
      text = true;
    }
  }
  return text ? n : 0;
}

/** Whether a UTF-16 code unit is white space for foldedLength: JavaScript's \s, U+00A0, U+200B. */
function isFoldedSpace(c: number): boolean {
  if (c === 32 || (c >= 9 && c <= 13)) return true;
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200b) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

function countCommas(data: string): number {
  let n = 0;
  for (let i = data.indexOf(','); i !== -1; i = data.indexOf(',', i + 1)) n++;
  return n;
}
