// How the extraction evaluation (scripts/eval-extract.ts) compares an extractor's output with
// a reference. Text: bags of lower-cased word tokens (each Han, Hiragana or Katakana character
// is a token of its own: Chinese and Japanese write no spaces between words), precision /
// recall / F1. Titles: exact
// after folding white space, "lenient" when the reference is ours plus a site suffix. Dates: the
// same instant. Authors: the same set of names, ignoring case, "By / Par / Door" and order.
// Pure; tested in test/unit/scripts/eval-score.test.ts.
import { foldSpace, hasChildNodes, isElement, isText } from '../../src/extract/dom.js';
import type { AnyNode } from '../../src/extract/dom.js';
import { BLOCK_TAGS } from '../../src/extract/content-stats.js';
import { parseHtml } from '../../src/html/parse.js';

export interface Scores {
  p: number;
  r: number;
  f1: number;
}

export type TitleMatch = 'exact' | 'lenient' | 'no';

const WORD = /[\p{L}\p{N}]+/gu;
/** Scripts written without spaces between words: one token per character. */
const TOKEN =
  /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]|(?:(?![\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}])[\p{L}\p{N}])+/gu;

export type Bag = Map<string, number>;

export function bag(text: string): Bag {
  const m: Bag = new Map();
  for (const w of text.toLowerCase().match(TOKEN) ?? []) m.set(w, (m.get(w) ?? 0) + 1);
  return m;
}

function size(b: Bag): number {
  let n = 0;
  for (const c of b.values()) n += c;
  return n;
}

/** Token-bag precision, recall and F1; an empty output scores 0. */
export function score(got: Bag, expected: Bag): Scores {
  let overlap = 0;
  for (const [w, c] of got) overlap += Math.min(c, expected.get(w) ?? 0);
  const g = size(got);
  const e = size(expected);
  const p = g === 0 ? 0 : overlap / g;
  const r = e === 0 ? 0 : overlap / e;
  return { p, r, f1: p + r === 0 ? 0 : (2 * p * r) / (p + r) };
}

/**
 * Body scores when the reference may say "no article" (null): answering null there is right
 * (1), any text is wrong (0); answering null to an article scores 0.
 */
export function scoreBody(got: string | null, expected: string | null): Scores {
  if (expected === null) return got === null ? { p: 1, r: 1, f1: 1 } : { p: 0, r: 0, f1: 0 };
  return score(bag(got ?? ''), bag(expected));
}

/** Text of an HTML fragment: tags stripped (blocks separated), entities decoded, space folded. */
export function htmlToText(html: string): string {
  const parts: string[] = [];
  const walk = (node: AnyNode): void => {
    if (isText(node)) {
      parts.push(node.data);
      return;
    }
    if (isElement(node) && (node.type as string) !== 'tag') return;
    const block = isElement(node) && (BLOCK_TAGS.has(node.name) || node.name === 'br');
    if (block) parts.push(' ');
    if (hasChildNodes(node)) for (const c of node.children) walk(c);
    if (block) parts.push(' ');
  };
  walk(parseHtml(html));
  return foldSpace(parts.join(''));
}

export function matchTitle(got: string | null, expected: string | null): TitleMatch {
  if (expected === null || got === null) return expected === got ? 'exact' : 'no';
  const g = foldSpace(got);
  const e = foldSpace(expected);
  if (g === e) return 'exact';
  if (g.length > 0 && e.startsWith(g) && /^\s*[|\-–—:·•»]/.test(e.slice(g.length)))
    return 'lenient';
  if (g.length > 0 && e.endsWith(g) && /[|\-–—:·•«]\s*$/.test(e.slice(0, e.length - g.length)))
    return 'lenient';
  return 'no';
}

const OFFSET = /(?:Z|[+-]\d{2}:?\d{2})$/i;
const WALL_CLOCK = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2})(:\d{2})?)?/;

/**
 * The same date. A reference with an offset is an instant: equal to the second (fractions are
 * not kept). A reference without one ("2018-04-05T06:00", "2020-09-21") is wall-clock time:
 * equal in the fields it gives, read from our value's own wall clock. Two missing dates agree.
 */
export function sameInstant(got: string | null, expected: string | null): boolean {
  if (got === null || expected === null) return got === expected;
  const e = expected.trim();
  if (OFFSET.test(e)) {
    const a = Date.parse(got);
    const b = Date.parse(e);
    return !Number.isNaN(a) && Math.floor(a / 1000) === Math.floor(b / 1000);
  }
  const want = WALL_CLOCK.exec(e);
  const have = WALL_CLOCK.exec(got);
  if (!want || !have) return false;
  return (
    want[1] === have[1] &&
    (want[2] === undefined || want[2] === have[2]) &&
    (want[3] === undefined || want[3] === (have[3] ?? ':00'))
  );
}

const BYLINE_WORDS = new Set([
  'by',
  'par',
  'door',
  'avec',
  'with',
  'met',
  'and',
  'et',
  'en',
  'und',
]);

/** The words of a byline or a list of names, without "By" and conjunctions, sorted. */
function nameWords(names: readonly string[]): string[] {
  return names
    .map((n) => n.replace(/\(([^)]*)\)/g, ' $1 '))
    .flatMap((n) => n.toLowerCase().match(WORD) ?? [])
    .filter((w) => !BYLINE_WORDS.has(w))
    .sort();
}

/**
 * Authors agree when they are the same names, in any order and form of byline
 * ("By Ann Smith and Bo Li" = ["Bo Li", "Ann Smith"]); none expected and none found agree.
 */
export function sameAuthors(got: readonly string[], expected: readonly string[]): boolean {
  return nameWords(got).join(' ') === nameWords(expected).join(' ');
}

/**
 * A byline as a reference for authors: its first line (with the next when the first is only
 * "By"), up to the first digit ("By Nathan Willis\n March 25, 2015" → "By Nathan Willis").
 */
export function bylineReference(byline: string): string {
  const lines = byline
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  // "By" alone on its line goes with the next one.
  const first = /^(?:by|par|door)$/i.test(lines[0] ?? '') ? lines.slice(0, 2).join(' ') : lines[0];
  return (first ?? '').replace(/\d.*$/, '').trim();
}

export function mean<T>(rows: readonly T[], pick: (r: T) => number): number {
  return rows.length === 0 ? 0 : rows.reduce((n, r) => n + pick(r), 0) / rows.length;
}

export function percent(rows: readonly unknown[], ok: number): string {
  return rows.length === 0 ? '–' : `${((100 * ok) / rows.length).toFixed(1)}%`;
}
