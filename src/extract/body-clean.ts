// Decisions the renderer takes per element inside the chosen content: drop a container that
// looks like furniture (Readability's "clean conditionally": link-dense blocks, image galleries,
// forms, embeds; never one that holds a data table), drop blocks whose text is a "Lire aussi /
// Lees ook" pointer, a cookie or newsletter prompt, an advertising label, a byline or a date
// line, and tell data tables from layout tables.
import { attr, findByTag, hintString, isElement, textOf } from './dom.js';
import type { Element } from './dom.js';
import { brParagraphs, keptText, linkDensity } from './content-stats.js';
import type { ContentStats, NodeStats } from './content-stats.js';
import { classWeight } from './content-select.js';
import { isDateLine } from './date-line.js';
import {
  AD_LABEL_TEXT,
  AFFILIATE_TEXT,
  CREDIT_TEXT,
  META_LINE_HINT,
  META_LINE_TEXT,
  PROMPT_TEXT,
  READ_ALSO_TEXT,
  SUBSCRIBE_PROMPT,
  SUBSCRIBER_ONLY,
} from './hints.js';

const CONDITIONAL_TAGS = new Set([
  'form',
  'fieldset',
  'table',
  'ul',
  'ol',
  'div',
  'section',
  'header',
  'dl',
]);
const TABLE_PARTS = new Set(['thead', 'tfoot', 'colgroup', 'col', 'th']);
const TABLE_TAG = new Set(['table']);
const SUBHEADINGS = new Set(['h2', 'h3', 'h4', 'h5', 'h6']);
const ROW_TAG = new Set(['tr']);
const CELL_TAGS = new Set(['td', 'th']);
const TABLE_SCAN = new Set([...TABLE_PARTS, 'table', 'tr', 'caption']);
/** Prompts and pointers are short; a long block that mentions cookies is article text. */
const SHORT_BLOCK = 300;
const KICKER_MAX = 50;
const SHORT_PROMPT = 100;
const META_LINE_MAX = 200;
const SENTENCE_END = /\p{L}.*[.!?…]["'”’»)]*$/u;
const LOADING = /\bloading\b|chargement|laden\b/i;

/** Text of the measured part of `el` (the subtrees the first pass kept), white space folded. */
export function measuredText(el: Element, cs: ContentStats): string {
  return cs.stats.get(el)?.flat === true ? textOf(el) : keptText(el, cs.stats);
}

/** Whether the element holds a table of data (not one of layout). */
export function holdsDataTable(el: Element, s: NodeStats): boolean {
  return s.tables > 0 && findByTag(el, TABLE_TAG).some(isDataTable);
}

/** Whether a container inside the article should be dropped as furniture. */
export function isFurniture(el: Element, s: NodeStats, score: number, inFigure: boolean): boolean {
  if (!CONDITIONAL_TAGS.has(el.name)) return false;
  if (el.name === 'table' && isDataTable(el)) return false;
  // A block that holds a data table is kept with it (Readability's rule): a table of figures
  // reads as link-dense or short when its cells are links or numbers.
  if (holdsDataTable(el, s)) return false;
  const weight = classWeight(el);
  if (weight + score < 0) return true;
  // A definition list of text (a glossary, questions and answers, displayed formulas) is
  // article text; one of links is furniture. Readability does not clean <dl> at all.
  if (el.name === 'dl') return linkDensity(s) > 0.5;
  const isList =
    el.name === 'ul' || el.name === 'ol' || (s.chars > 0 && s.listChars / s.chars > 0.9);
  const ld = linkDensity(s);
  // Lists of links (related articles, tags) are furniture; Readability keeps them.
  if (isList && s.listItems >= 2 && ld > 0.7) return true;
  if (s.commas >= 10) return false;
  const p = s.paragraphs + brParagraphs(s);
  const headingDensity = s.chars === 0 ? 0 : s.headingChars / s.chars;
  return (
    (s.images > 1 && p / s.images < 0.5 && !inFigure) ||
    (!isList && s.listItems - 100 > p) ||
    s.inputs > Math.floor(p / 3) ||
    (!isList &&
      headingDensity < 0.9 &&
      s.chars < 25 &&
      (s.images === 0 || s.images > 2) &&
      !inFigure &&
      !(ld === 0 && readsAsSentence(el))) ||
    (!isList && weight < 25 && ld > 0.2 && !textWithOutboundLinks(s, ld)) ||
    (weight >= 25 && ld > 0.5) ||
    (s.embeds === 1 && s.chars < 75) ||
    s.embeds > 1
  );
}

/** Unlinked text a block needs for its outbound links to be the article's (a deal's shop). */
const OUTBOUND_TEXT = 150;

/**
 * A block of text whose links lead away from the site (a deal's shop, a source), with a
 * paragraph's worth of text of its own: content. A block whose links lead around the site (a
 * teaser), or that is mostly links, is furniture.
 */
function textWithOutboundLinks(s: NodeStats, ld: number): boolean {
  return ld <= 0.5 && s.siteLinkChars * 2 < s.linkChars && s.chars - s.linkChars >= OUTBOUND_TEXT;
}

/**
 * A short block without links that ends like a sentence ("“Gotcha.”", "He stood firm."): a line
 * of dialogue or a one-line paragraph, kept. Player controls, buttons and labels ("Play Video",
 * "EXCLUSIVE", "Save") end without punctuation and stay out.
 */
function readsAsSentence(el: Element): boolean {
  const text = textOf(el);
  return SENTENCE_END.test(text) && !LOADING.test(text);
}

/** Readability's data-table test: structure says data, layout tables hold page blocks. */
export function isDataTable(table: Element): boolean {
  if (attr(table, 'role') === 'presentation' || attr(table, 'datatable') === '0') return false;
  if (attr(table, 'summary') !== '') return true;
  let rows = 0;
  let columns = 0;
  let hasParts = false;
  let nested = false;
  for (const el of findByTag(table, TABLE_SCAN)) {
    if (el.name === 'table') nested = true;
    else if (el.name === 'caption') hasParts = true;
    else if (el.name === 'tr') {
      rows++;
      let cols = 0;
      for (const c of el.children)
        if (isElement(c) && CELL_TAGS.has(c.name)) cols += Number(attr(c, 'colspan')) || 1;
      columns = Math.max(columns, cols);
    } else hasParts = true;
  }
  if (nested) return false;
  if (hasParts) return true;
  if (rows >= 10 || columns > 4) return true;
  return rows * columns > 10;
}

export type BlockVerdict = 'keep' | 'drop' | 'drop-with-next';

/**
 * Text tests on a short block: a "Lire aussi" pointer (dropped; a bare "Lire aussi" heading
 * takes the list after it along), a cookie or newsletter prompt, an advertising label. `text` is
 * the block's measured text (measuredText): what was left out (a paywall prompt, a cookie box,
 * buttons, icon titles) is not the block's own. `measured` is called only for a short block:
 * the text of every long container on the page would cost a walk of its whole subtree.
 */
export function judgeBlockText(
  el: Element,
  s: NodeStats,
  inline: boolean,
  measured: () => string,
): BlockVerdict {
  if (s.chars === 0 || s.chars > SHORT_BLOCK) return 'keep';
  const text = measured();
  if (AD_LABEL_TEXT.test(text)) return 'drop';
  if (s.chars < 120 && CREDIT_TEXT.test(text)) return 'drop';
  // Inside a sentence only labels and credits are dropped; the rest needs a block of its own.
  if (inline) return 'keep';
  // A short block that is one link: a kicker, a tag, a "more" link. A subheading inside the
  // article stays even when it is a link (an anchor to itself, the product it names).
  if (
    s.linkChars >= s.chars &&
    s.chars < KICKER_MAX &&
    el.name !== 'li' &&
    !SUBHEADINGS.has(el.name)
  )
    return 'drop';
  // A byline or date line that the article's container holds: marked by its class or its
  // tag (<address> is the author's contact, a <time> outside a sentence is a date line), or
  // written like one.
  if (el.name === 'address' || el.name === 'time') return s.chars < META_LINE_MAX ? 'drop' : 'keep';
  if (
    s.chars < META_LINE_MAX &&
    (META_LINE_HINT.test(hintString(el)) || META_LINE_TEXT.test(text) || isDateLine(text))
  ) {
    return 'drop';
  }
  const readAlso = READ_ALSO_TEXT.exec(text);
  if (readAlso !== null) {
    const rest = text.slice(readAlso[0].length).trim();
    if (rest.length < 3) return 'drop-with-next';
    if (s.chars < 200 || linkDensity(s) > 0.3) return 'drop';
  }
  if (PROMPT_TEXT.test(text) || SUBSCRIBER_ONLY.test(text) || AFFILIATE_TEXT.test(text))
    return 'drop';
  // "Abonnez-vous", "Word abonnee", "Premium": a button or a badge, not a sentence.
  if (s.chars < SHORT_PROMPT && SUBSCRIBE_PROMPT.test(text)) return 'drop';
  return 'keep';
}

/** Words of a button's label at most ("View deal", "Buy now", "€199 at Voltmart"). */
const BUTTON_WORDS = 3;

/**
 * A link standing alone between blocks, a few words and not a sentence: a button ("View deal",
 * "Buy now", "Lire la suite"). `parent` holds the stats of its parent element.
 */
export function isButtonLink(el: Element, s: NodeStats, parent: NodeStats | undefined): boolean {
  if (el.name !== 'a' || parent === undefined || !parent.hasBlockChild) return false;
  if (s.chars === 0 || s.chars > KICKER_MAX || parent.ownChars > s.chars + 2) return false;
  const text = textOf(el);
  return text.split(' ').length <= BUTTON_WORDS && !SENTENCE_END.test(text);
}

/** Rows of a data table as lines, cells joined by " | ". */
export function tableRows(table: Element, cellText: (cell: Element) => string): string[] {
  const lines: string[] = [];
  for (const row of findByTag(table, ROW_TAG)) {
    if (findParentTable(row) !== table) continue;
    const cells: string[] = [];
    for (const c of row.children) {
      if (isElement(c) && CELL_TAGS.has(c.name)) cells.push(cellText(c));
    }
    if (cells.some((c) => c !== '')) lines.push(cells.join(' | '));
  }
  return lines;
}

function findParentTable(row: Element): Element | null {
  let cur = row.parent;
  while (cur !== null && isElement(cur)) {
    if (TABLE_TAG.has(cur.name)) return cur;
    cur = cur.parent;
  }
  return null;
}
