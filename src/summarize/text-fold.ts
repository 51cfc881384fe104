// Text helpers the summarising stage shares: accent and case folding, folded word lists, white
// space, wire datelines. The matcher has its own folding (src/match/normalize.ts); these are kept
// here so that summarising never reaches into another stage's internals, and follow the same
// rules (NFKD, combining marks removed, ligatures expanded, lower-cased).

import { LATIN_SPECIAL, LATIN_SPECIAL_RE } from '../text/latin-letters.js';
const MARKS_RE = /\p{M}+/gu;
const WORD_RE = /[\p{L}\p{N}]+/gu;

/** Accent-folded text with case kept: "Téhéran" -> "Teheran". */
export function foldAccents(text: string): string {
  // Plain ASCII needs no work; most of a Dutch or English text is.
  // eslint-disable-next-line no-control-regex
  if (/^[\u0000-\u007f]*$/.test(text)) return text;
  return text
    .replace(LATIN_SPECIAL_RE, (ch) => LATIN_SPECIAL[ch] ?? ch)
    .normalize('NFKD')
    .replace(MARKS_RE, '');
}

/** Accent- and case-folded text: "Résistance" -> "resistance". */
export function fold(text: string): string {
  return foldAccents(text).toLowerCase();
}

/** Folded words (letters and digits) of a text, in order: "L'hôtel de ville" -> l, hotel, de, ville. */
export function foldedWords(text: string): string[] {
  return fold(text).match(WORD_RE) ?? [];
}

/** White space folded to single spaces, trimmed. */
export function squash(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

/** Upper-case first letter (any script): "Vilvorde", "ÉTAT", "NCRI". */
export function isCapitalised(word: string): boolean {
  const first = word.charAt(0);
  return first !== first.toLowerCase() && first === first.toUpperCase();
}

const AGENCIES = 'belga|afp|reuters|ap|anp|dpa|efe|ansa|bloomberg';
/** "BRUXELLES (BELGA) - ", "BRUSSEL/ANTWERPEN (BELGA) – ", "PARIS (AFP) : " at a paragraph start. */
// Not case-insensitive: the place is in capitals; the agency in capitals or capitalised.
const AGENCY_CASES = AGENCIES.split('|')
  .flatMap((a) => [a.toUpperCase(), `${a.charAt(0).toUpperCase()}${a.slice(1)}`])
  .join('|');
const DATELINE = new RegExp(
  `^\\s*\\p{Lu}[\\p{Lu}\\p{M}'’ .-]*(?:/\\p{Lu}[\\p{Lu}\\p{M}'’ .-]*)*\\s*\\((?:${AGENCY_CASES})\\)\\s*[-–—:]\\s*`,
  'u',
);

/** The text without a wire dateline at its start. */
export function stripDateline(text: string): string {
  return text.replace(DATELINE, '');
}

/** Folded agency names: a credit or dateline, not a proper name of the story. */
export const AGENCY_WORDS: ReadonlySet<string> = new Set(AGENCIES.split('|'));
