// Text helpers the summarising stage shares: folded word lists, white space, capitals, wire
// datelines. Folding itself (foldText, foldAccents) is in src/text/fold.ts.

import { foldText } from '../text/fold.js';

const WORD_RE = /[\p{L}\p{N}]+/gu;

/** Folded words (letters and digits) of a text, in order: "L'hôtel de ville" -> l, hotel, de, ville. */
export function foldedWords(text: string): string[] {
  return foldText(text).match(WORD_RE) ?? [];
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
