// Character classes shared by the document tokenizer and the query compiler, so a query word
// and the text it should match are split by the same rules. Folding itself (foldWord,
// foldWordCased) and the word-character class (isWordCode) are in src/text/fold.ts.

/** Apostrophes: ' ’ ʼ ‘ ´ ` ′. */
const APOSTROPHES = new Set([0x27, 0x2019, 0x02bc, 0x2018, 0x00b4, 0x60, 0x2032]);
/** Hyphens and dashes between two word characters join a compound: - ‐ ‑ ‒ – — ― −. */
const HYPHENS = new Set([0x2d, 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212]);
/** Ignored inside a word: soft hyphen, zero-width space/joiners, word joiner, BOM. */
const IGNORABLE = new Set([0xad, 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff]);
/** Spaces that group digits in French typography ("1 600"): no-break, narrow no-break, thin. */
const DIGIT_GROUP_SPACES = new Set([0xa0, 0x202f, 0x2009]);

export function isDigitCode(cp: number): boolean {
  return cp >= 0x30 && cp <= 0x39;
}

export function isApostrophe(cp: number): boolean {
  return APOSTROPHES.has(cp);
}

export function isHyphen(cp: number): boolean {
  return HYPHENS.has(cp);
}

export function isIgnorable(cp: number): boolean {
  return IGNORABLE.has(cp);
}

export function isDigitGroupSpace(cp: number): boolean {
  return DIGIT_GROUP_SPACES.has(cp);
}

/** French elided words: l'opposition -> opposition, qu'il -> il, jusqu'à -> à. */
export const ELISIONS: ReadonlySet<string> = new Set([
  'l',
  'd',
  'qu',
  'j',
  'n',
  's',
  'c',
  'm',
  't',
  'jusqu',
  'lorsqu',
  'puisqu',
  'quoiqu',
  'presqu',
]);
