// Wildcard terms: `*` any run of characters (at least three literal characters before the
// first one), `?` exactly one. A pattern is folded like the text it runs against and matched
// against the distinct tokens of a document field, never against the text.
import { foldWord, foldWordCased } from '../text/fold.js';
import { ELISIONS } from './normalize.js';

export interface WildcardPattern {
  /** Folded pattern with `*` and `?` kept (case kept for cs). */
  pattern: string;
  /** Literal characters before the first wildcard: the sorted-key range to scan. */
  prefix: string;
  /** null when the pattern is `prefix*` (every key in the prefix range matches). */
  regex: RegExp | null;
}

const ELISION_RE = /^(\p{L}+)['\u2019\u02bc\u2018\u00b4`\u2032](?=\P{Z})/u;

export function wildcardPattern(text: string, caseSensitive: boolean): WildcardPattern {
  let word = text;
  const elided = ELISION_RE.exec(word);
  if (elided && ELISIONS.has(foldWord(elided[1] ?? ''))) word = word.slice(elided[0].length);
  const pattern = caseSensitive ? foldWordCased(word) : foldWord(word);
  const firstWild = pattern.search(/[*?]/);
  const prefix = firstWild < 0 ? pattern : pattern.slice(0, firstWild);
  const simple = firstWild === pattern.length - 1 && pattern.endsWith('*');
  const regex = simple
    ? null
    : new RegExp(
        `^${pattern
          .split('')
          .map((ch) => (ch === '*' ? '.*' : ch === '?' ? '.' : escapeChar(ch)))
          .join('')}$`,
        'su',
      );
  return { pattern, prefix, regex };
}

/** Literal characters before the first `*` (`?` does not count); Infinity without `*`. */
export function literalsBeforeStar(pattern: string): number {
  const star = pattern.indexOf('*');
  if (star < 0) return Infinity;
  return pattern.slice(0, star).replace(/\?/g, '').length;
}

function escapeChar(ch: string): string {
  return /[.*+?^${}()|[\]\\/]/.test(ch) ? `\\${ch}` : ch;
}
