// Second pass: score text blocks and choose the element(s) that hold the article. The method is
// Readability's (each paragraph gives points for its length and commas to its parent and, with
// decay, to further ancestors; candidates are discounted by link density; siblings of the winner
// are kept by content-siblings) over the measurements of content-stats, without touching the DOM.
import { hintString, isElement } from './dom.js';
import type { Element } from './dom.js';
import { linkDensity } from './content-stats.js';
import type { ContentStats, NodeStats } from './content-stats.js';
import { NEGATIVE_HINT, POSITIVE_HINT } from './hints.js';
import { MIN_PARAGRAPH, parentElement, siblingsToKeep } from './content-siblings.js';

export interface Selection {
  /** The winning element and the siblings kept with it, in document order. */
  roots: Element[];
  top: Element;
  topScore: number;
  /** Final (link-discounted) score of every candidate. */
  scores: Map<Element, number>;
}

const PARAGRAPH_TAGS = new Set(['p', 'pre', 'td']);
const INLINE_HOLDERS = new Set([
  'div',
  'section',
  'article',
  'main',
  'td',
  'blockquote',
  'span',
  'font',
  'center',
]);
const ANCESTOR_LEVELS = 5;

export function selectContent(cs: ContentStats, weighClasses: boolean): Selection | null {
  const raw = new Map<Element, number>();
  for (const [el, s] of cs.stats) {
    const unit = unitOf(el, s);
    if (unit === null) continue;
    // Readability's points per paragraph; text split by "<br><br>" counts as that many.
    const perRun = unit.chars / unit.runs;
    const points = unit.runs * (1 + Math.min(Math.floor(perRun / 100), 3)) + unit.commas;
    let level = 0;
    // A block of inline text scores for itself first (a <div> standing in for a <p>).
    let cur: Element | null = unit.self ? el : parentElement(el);
    while (cur !== null && level < ANCESTOR_LEVELS && cur.name !== 'html') {
      if (!raw.has(cur)) raw.set(cur, initialScore(cur, weighClasses));
      const divider = level === 0 ? 1 : level === 1 ? 2 : level * 3;
      raw.set(cur, (raw.get(cur) ?? 0) + points / divider);
      cur = parentElement(cur);
      level++;
    }
  }
  if (raw.size === 0) return null;

  const scores = new Map<Element, number>();
  let top: Element | null = null;
  let topScore = -Infinity;
  for (const [el, score] of raw) {
    const s = cs.stats.get(el);
    const final = score * (1 - (s === undefined ? 0 : linkDensity(s)));
    scores.set(el, final);
    if (final > topScore) {
      top = el;
      topScore = final;
    }
  }
  if (top === null) return null;
  top = climb(top, topScore, scores, cs);
  topScore = scores.get(top) ?? topScore;
  return { roots: siblingsToKeep(top, topScore, scores, cs), top, topScore, scores };
}

interface Unit {
  chars: number;
  commas: number;
  /** True when the unit is inline text held by the element itself rather than a paragraph. */
  self: boolean;
  /** Paragraphs in it: 1, or more when "<br><br>" splits it. */
  runs: number;
}

function unitOf(el: Element, s: NodeStats): Unit | null {
  if (PARAGRAPH_TAGS.has(el.name)) {
    return s.chars < MIN_PARAGRAPH
      ? null
      : { chars: s.chars, commas: s.commas, self: false, runs: s.brBreaks + 1 };
  }
  if (INLINE_HOLDERS.has(el.name) && s.ownChars >= MIN_PARAGRAPH) {
    // A <div> without block children is a paragraph; one with mixed content holds paragraphs.
    // Several paragraphs split by "<br><br>" make the element their container, as
    // Readability's <br> replacement does.
    if (!s.hasBlockChild && el.name !== 'span' && el.name !== 'font' && s.brBreaks === 0) {
      return { chars: s.chars, commas: s.commas, self: false, runs: 1 };
    }
    return { chars: s.ownChars, commas: s.ownCommas, self: true, runs: s.brBreaks + 1 };
  }
  return null;
}

function initialScore(el: Element, weighClasses: boolean): number {
  let score = weighClasses ? classWeight(el) : 0;
  switch (el.name) {
    case 'div':
    case 'article':
      score += 5;
      break;
    case 'pre':
    case 'td':
    case 'blockquote':
      score += 3;
      break;
    case 'address':
    case 'ol':
    case 'ul':
    case 'dl':
    case 'dd':
    case 'dt':
    case 'li':
    case 'form':
      score -= 3;
      break;
    case 'h1':
    case 'h2':
    case 'h3':
    case 'h4':
    case 'h5':
    case 'h6':
    case 'th':
      score -= 5;
      break;
  }
  return score;
}

/** +25 for a class/id that suggests content, -25 for one that suggests furniture. */
export function classWeight(el: Element): number {
  const hint = hintString(el);
  if (hint === '') return 0;
  let w = 0;
  if (NEGATIVE_HINT.test(hint)) w -= 25;
  if (POSITIVE_HINT.test(hint)) w += 25;
  return w;
}

/**
 * Moves up from the best-scoring element when its ancestors hold the article together: when
 * several of the best candidates share an ancestor, when a parent scores better, or when the
 * winner is an only child.
 */
function climb(top: Element, topScore: number, scores: Map<Element, number>, cs: ContentStats) {
  let best = top;
  const ranked = [...scores.entries()].sort((a, b) => b[1] - a[1]).slice(1, 6);
  const alternatives = ranked.filter(([, s]) => s / topScore >= 0.75).map(([el]) => el);
  if (alternatives.length >= 3) {
    let cur = parentElement(best);
    while (cur !== null && cur.name !== 'body') {
      const holding = alternatives.filter((a) => contains(cur as Element, a)).length;
      if (holding >= 3) {
        best = cur;
        break;
      }
      cur = parentElement(cur);
    }
  }
  let lastScore = scores.get(best) ?? topScore;
  const threshold = lastScore / 3;
  let parent = parentElement(best);
  while (parent !== null && parent.name !== 'body') {
    const ps = scores.get(parent);
    if (ps === undefined) {
      parent = parentElement(parent);
      continue;
    }
    if (ps < threshold) break;
    if (ps > lastScore) {
      best = parent;
      break;
    }
    lastScore = ps;
    parent = parentElement(parent);
  }
  for (let p = parentElement(best); p !== null && p.name !== 'body'; p = parentElement(p)) {
    if (elementChildCount(p, cs) !== 1) break;
    best = p;
  }
  return best;
}

function contains(ancestor: Element, el: Element): boolean {
  for (let cur: Element | null = el; cur !== null; cur = parentElement(cur)) {
    if (cur === ancestor) return true;
  }
  return false;
}

function elementChildCount(el: Element, cs: ContentStats): number {
  let n = 0;
  for (const child of el.children) if (isElement(child) && cs.stats.has(child)) n++;
  return n;
}
