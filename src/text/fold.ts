// Text folding: the one place where text is made accent- and case-insensitive. Each variant is a
// different contract; pick by what the caller needs to keep (case, punctuation, offsets):
//
//   foldAccents    accents off, ligatures expanded, case kept, everything else kept
//   foldText       foldAccents, lower-cased (summarising: word lists, names, quotes)
//   foldWordCased  foldAccents, then only letters, digits and . , * ? kept (query words, cs())
//   foldWord       foldWordCased, lower-cased (the matcher's tokens and query words)
//   foldAligned    lower-cased, accents off, SAME length: offsets hold for the original
//   foldKey        lower-cased, accents off, only a-z and 0-9 kept: a compact comparison key
//
// "Accents off" means two slightly different things: the first four decompose with NFKD (so
// compatibility forms fold too: "ﬁ" -> "fi", "²" -> "2"), drop every combining mark (\p{M}) and
// expand the Latin letters NFKD leaves alone (ß -> ss, œ -> oe, ø -> o, ł -> l; see
// latin-letters.ts); foldAligned and foldKey decompose with NFD and drop only the combining
// diacritical marks U+0300-U+036F, without expanding ligatures.
import { LATIN_SPECIAL, LATIN_SPECIAL_RE } from './latin-letters.js';

const MARKS_RE = /\p{M}+/gu;
const DIACRITICS_RE = /[\u0300-\u036f]/g;
// eslint-disable-next-line no-control-regex
const ASCII_RE = /^[\u0000-\u007f]*$/;

/**
 * A test of one code point against a one-character class: ASCII by `ascii`, the rest of the BMP
 * by `re` once per code point (then from a cache: 0 = not yet known, 1 = in, 2 = not), astral
 * code points by `re` each time.
 */
function codeClass(re: RegExp, ascii: (cp: number) => boolean): (cp: number) => boolean {
  const cache = new Uint8Array(0x10000);
  return (cp) => {
    if (cp < 0x80) return ascii(cp);
    if (cp < 0x10000) {
      let known = cache[cp];
      if (known === 0) {
        known = re.test(String.fromCharCode(cp)) ? 1 : 2;
        cache[cp] = known;
      }
      return known === 1;
    }
    return re.test(String.fromCodePoint(cp));
  };
}

const isAsciiLetter = (cp: number): boolean =>
  (cp >= 0x61 && cp <= 0x7a) || (cp >= 0x41 && cp <= 0x5a);

/** Letter, digit or combining mark (by code point): the matcher's word characters. */
export const isWordCode = codeClass(
  /^[\p{L}\p{N}\p{M}]$/u,
  (cp) => (cp >= 0x30 && cp <= 0x39) || isAsciiLetter(cp),
);

/** Letter (\p{L}, by code point). */
export const isLetterCode = codeClass(/^\p{L}$/u, isAsciiLetter);

/**
 * Accents removed, case kept: NFKD, every combining mark dropped, ß æ œ ø đ ł þ ı (and capitals)
 * expanded to plain Latin letters. Everything else (spaces, punctuation, digits) is kept. The
 * length may change ("ß" -> "ss", "ﬁ" -> "fi"), so offsets do not hold. "Téhéran" -> "Teheran".
 */
export function foldAccents(text: string): string {
  // Plain ASCII needs no work; most of a Dutch or English text is.
  if (ASCII_RE.test(text)) return text;
  return text
    .replace(LATIN_SPECIAL_RE, (ch) => LATIN_SPECIAL[ch] ?? ch)
    .normalize('NFKD')
    .replace(MARKS_RE, '');
}

/**
 * foldAccents, then lower-cased (whole-string toLowerCase). Keeps everything foldAccents keeps;
 * length may change. "L'Hôtel de Ville" -> "l'hotel de ville".
 */
export function foldText(text: string): string {
  return foldAccents(text).toLowerCase();
}

/**
 * A word's folded form with case kept: foldAccents, then only letters, digits, the `.` and `,`
 * of numbers and the `*` and `?` of wildcards are kept; everything else (hyphens, apostrophes,
 * spaces) is dropped. "Saint-Gilles" -> "SaintGilles", "1.600" -> "1.600".
 */
export function foldWordCased(word: string): string {
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
  for (const ch of foldAccents(word)) {
    const cp = ch.codePointAt(0) ?? 0;
    if (isWordCode(cp)) out += ch;
    else if (ch === '*' || ch === '?' || ch === '.' || ch === ',') out += ch;
  }
  return out;
}

/** foldWordCased, then lower-cased: "Résistance" -> "resistance", "Saint-Gilles" -> "saintgilles". */
export function foldWord(word: string): string {
  return foldWordCased(word).toLowerCase();
}

/**
 * Lower-cased, accents removed, ONE UTF-16 unit for one: the result has the length of `text` and
 * index i of it stands for index i of `text`, so a match found in the folded copy can be cut
 * from the original. Each character is NFD-decomposed, the diacritics U+0300-U+036F dropped and
 * the rest lower-cased; when that would change its length ("ß", "İ", "ﬁ") the character is only
 * lower-cased and cut to its own length. Nothing is removed or expanded. "Été" -> "ete".
 */
export function foldAligned(text: string): string {
  // ASCII: per-character lower-casing is the whole-string lower-casing.
  if (ASCII_RE.test(text)) return text.toLowerCase();
  let out = '';
  for (const ch of text) {
    const base = ch.normalize('NFD').replace(DIACRITICS_RE, '').toLowerCase();
    out += base.length === ch.length ? base : ch.toLowerCase().slice(0, ch.length);
  }
  return out;
}

/**
 * A compact key for comparing names: NFD, diacritics U+0300-U+036F dropped, lower-cased, then
 * everything but a-z and 0-9 removed (spaces, punctuation, and letters outside ASCII such as
 * "ß" or "ø"). "Le Soir - Édition" -> "lesoiredition", "www.rtbf.be" -> "wwwrtbfbe".
 */
export function foldKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(DIACRITICS_RE, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}
