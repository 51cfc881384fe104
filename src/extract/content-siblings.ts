// Which siblings of the winning element are kept with it: those that score close to it, those
// built like it (an article split in several blocks of the same make), paragraphs that read as
// text, the next <section> of a sectioned article, and the subheadings, lists, tables and quotes
// that sit between kept blocks.
import { hintString, isElement } from './dom.js';
import type { Element } from './dom.js';
import { linkDensity } from './content-stats.js';
import type { ContentStats, NodeStats } from './content-stats.js';
import { NEGATIVE_HINT } from './hints.js';

/** Characters below which a block of text is not a paragraph (Readability's 25). */
export const MIN_PARAGRAPH = 25;
const CHAPTER_MIN = 200;
const LAYOUT_CLASS =
  /^(?:row|col|column|container|wrapper|wrap|inner|clearfix|cf|grid|flex|layout|section)(?:$|[-_])/i;
const SUBHEADINGS = new Set(['h2', 'h3', 'h4', 'h5', 'h6']);
const ENCLOSED_BLOCKS = new Set(['ul', 'ol', 'dl', 'table', 'blockquote', 'pre']);

export function parentElement(el: Element): Element | null {
  const p = el.parent;
  return p !== null && isElement(p) ? p : null;
}

export function siblingsToKeep(
  top: Element,
  topScore: number,
  scores: Map<Element, number>,
  cs: ContentStats,
): Element[] {
  const parent = parentElement(top);
  if (parent === null) return [top];
  const threshold = Math.max(10, topScore * 0.2);
  const topClass = firstClass(top);
  const inside = topClass === '' ? null : bestScoreInside(parent, scores);
  const kept: Element[] = [];
  for (const sib of parent.children) {
    if (!isElement(sib)) continue;
    const s = cs.stats.get(sib);
    if (s === undefined) continue;
    if (sib === top) {
      kept.push(sib);
      continue;
    }
    let score = scores.get(sib);
    let bonus = 0;
    const alike = topClass !== '' && sib.name === top.name && firstClass(sib) === topClass;
    if (alike) {
      // A sibling built like the winner (an article split in several blocks) is judged by
      // its best part when it is too far from its paragraphs to have a score of its own.
      bonus = topScore * 0.2;
      score = Math.max(score ?? 0, inside?.get(sib) ?? 0);
    }
    const ld = linkDensity(s);
    if (score !== undefined && score + bonus >= threshold) {
      kept.push(sib);
    } else if (alike && s.chars >= MIN_PARAGRAPH && ld < 0.25) {
      // A block of the same make with text of its own (a subheading and a photo, a quote)
      // scores too little to pass, but it is a part of the same article.
      kept.push(sib);
    } else if (isChapter(sib, top, s)) {
      kept.push(sib);
    } else if (sib.name === 'p' || (sib.name === 'div' && !s.hasBlockChild)) {
      if (s.chars > 80 && ld < 0.25) kept.push(sib);
      else if (s.chars > 0 && s.chars < 80 && ld === 0 && endsSentence(sib)) kept.push(sib);
    }
  }
  return withEnclosed(parent, kept, cs);
}

/**
 * Adds the subheadings, lists, tables and quotes that sit between two kept siblings: they are
 * part of the article's run of blocks, but hold no paragraph to score with.
 */
function withEnclosed(parent: Element, kept: Element[], cs: ContentStats): Element[] {
  if (kept.length < 2) return kept;
  const keptSet = new Set(kept);
  const out: Element[] = [];
  let pending: Element[] = [];
  let started = false;
  for (const sib of parent.children) {
    if (!isElement(sib)) continue;
    const s = cs.stats.get(sib);
    if (s === undefined) continue;
    if (keptSet.has(sib)) {
      out.push(...pending, sib);
      pending = [];
      started = true;
    } else if (started && s.chars > 0 && isEnclosable(sib, s)) {
      pending.push(sib);
    } else if (s.chars > 0) {
      // Text that is neither kept nor enclosed breaks the run.
      pending = [];
    }
  }
  return out;
}

/**
 * The first class token: blocks of one article share it ("block block--text", "block
 * block--image") while their modifiers differ.
 */
function firstClass(el: Element): string {
  const cls = el.attribs['class'];
  if (cls === undefined) return '';
  const m = /\S+/.exec(cls);
  if (m === null) return '';
  // Grid and layout tokens say nothing about what a block holds: the whole class must match.
  return LAYOUT_CLASS.test(m[0]) ? cls.trim() : m[0];
}

/** For each child of `parent`, the best candidate score found inside it. */
function bestScoreInside(parent: Element, scores: Map<Element, number>): Map<Element, number> {
  const best = new Map<Element, number>();
  for (const [el, score] of scores) {
    let cur: Element | null = el;
    while (cur !== null && cur.parent !== parent) cur = parentElement(cur);
    if (cur === null) continue;
    if (score > (best.get(cur) ?? -Infinity)) best.set(cur, score);
  }
  return best;
}

function endsSentence(el: Element): boolean {
  const last = el.children[el.children.length - 1];
  return last !== undefined && 'data' in last && /\.(\s|$)/.test(String(last.data));
}

/** A subheading (even one that is a link to its own anchor), or a list, table or quote of text. */
function isEnclosable(el: Element, s: NodeStats): boolean {
  if (SUBHEADINGS.has(el.name)) return true;
  return ENCLOSED_BLOCKS.has(el.name) && linkDensity(s) < 0.5;
}

/**
 * A <section> next to a winning <section>, with paragraphs of text and no class that says
 * furniture: the next chapter of the same article. (Related lists, comments and newsletter
 * boxes are left out by their class before this.)
 */
function isChapter(sib: Element, top: Element, s: NodeStats): boolean {
  if (sib.name !== 'section' || top.name !== 'section') return false;
  if (s.paragraphs < 2 || s.chars < CHAPTER_MIN || linkDensity(s) >= 0.25) return false;
  return !NEGATIVE_HINT.test(hintString(sib));
}
