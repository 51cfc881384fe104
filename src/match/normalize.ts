// Character classes and folding shared by the document tokenizer and the query compiler, so a
// query word and the text it should match are normalised by the same code.
//   fold:     accents stripped (NFKD, combining marks removed), ligatures expanded, lower-cased
//   foldCase: the same but case kept (for cs(...))

import { LATIN_SPECIAL, LATIN_SPECIAL_RE } from '../text/latin-letters.js';
/** Apostrophes: ' ’ ʼ ‘ ´ ` ′. */
const APOSTROPHES = new Set([0x27, 0x2019, 0x02bc, 0x2018, 0x00b4, 0x60, 0x2032]);
/** Hyphens and dashes between two word characters join a compound: - ‐ ‑ ‒ – — ― −. */
const HYPHENS = new Set([0x2d, 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212]);
/** Ignored inside a word: soft hyphen, zero-width space/joiners, word joiner, BOM. */
const IGNORABLE = new Set([0xad, 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff]);
/** Spaces that group digits in French typography ("1 600"): no-break, narrow no-break, thin. */
const DIGIT_GROUP_SPACES = new Set([0xa0, 0x202f, 0x2009]);

const MARKS_RE = /\p{M}+/gu;
const WORD_RE = /^[\p{L}\p{N}\p{M}]$/u;

// 0 = not yet known, 1 = word character, 2 = not. BMP only; astral code points use the regex.
const wordCache = new Uint8Array(0x10000);

/** Letter, digit or combining mark (by code point). */
export function isWordCode(cp: number): boolean {
  if (cp < 0x80) {
    return (cp >= 0x30 && cp <= 0x39) || (cp >= 0x61 && cp <= 0x7a) || (cp >= 0x41 && cp <= 0x5a);
  }
  if (cp < 0x10000) {
    let known = wordCache[cp];
    if (known === 0) {
      known = WORD_RE.test(String.fromCharCode(cp)) ? 1 : 2;
      wordCache[cp] = known;
    }
    return known === 1;
  }
  return WORD_RE.test(String.fromCodePoint(cp));
}

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

/** Accent- and case-folded form of a word (no separators expected). */
export function fold(word: string): string {
  return foldCase(word).toLowerCase();
}

/** Accent-folded form with case kept. Keeps letters, digits, the `.` and `,` of numbers and the
 * `*` and `?` of wildcards; drops everything else (hyphens, apostrophes, spaces). */
export function foldCase(word: string): string {
  let ascii = true;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= 0x80 || !(isWordCode(c) || c === 0x2e || c === 0x2c)) {
      ascii = false;
      break;
    }
  }
  if (ascii) return word;
  let out = '';
  const decomposed = word
    .replace(LATIN_SPECIAL_RE, (ch) => LATIN_SPECIAL[ch] ?? ch)
    .normalize('NFKD')
    .replace(MARKS_RE, '');
  for (const ch of decomposed) {
    const cp = ch.codePointAt(0) ?? 0;
    if (isWordCode(cp)) out += ch;
    else if (ch === '*' || ch === '?' || ch === '.' || ch === ',') out += ch;
  }
  return out;
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
