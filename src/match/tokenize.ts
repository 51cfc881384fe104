// Text -> tokens with positions and UTF-16 offsets into the original string. One pass, no
// regex per character; ASCII words take a fast path. Rules (docs/query-language.md, "Text"):
// - a token is a run of letters, digits and combining marks; `.` and `,` between two digits stay
//   inside a number ("5.1", "1.600"); a no-break or thin space before exactly three digits groups
//   them ("1 600" -> "1600");
// - soft hyphens and zero-width characters inside a word are ignored;
// - French elisions are dropped: l'opposition -> opposition (the elided word takes no position);
// - an English possessive 's is dropped: Rajavi's -> rajavi;
// - hyphens (- ‐ – —) and other apostrophes join compounds: "ten-point" gives the parts "ten"
//   and "point" at consecutive positions, and the joined form "tenpoint" spanning both;
// - a blank line (paragraph break) skips PARAGRAPH_GAP positions.
import { PARAGRAPH_GAP } from './limits.js';
import { foldWord, isWordCode } from '../text/fold.js';
import {
  ELISIONS,
  isApostrophe,
  isDigitCode,
  isDigitGroupSpace,
  isHyphen,
  isIgnorable,
} from './normalize.js';

export interface TokenStream {
  /** Folded form (lower case, no accents). */
  norm: string[];
  /** UTF-16 offsets of the token in the text: [start, end). */
  start: number[];
  end: number[];
  /** Word position; tokens at one position are consecutive, a joined compound first. */
  pos: number[];
  /** Positions covered: 1, or the number of parts of a joined compound. */
  span: number[];
}

export interface TokenizeOptions {
  /** Emit the joined form of compounds (documents: yes; query phrases: no). Default true. */
  joined?: boolean;
}

function isLineSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0d || c === 0xa0 || c === 0x202f || c === 0x2009;
}

function codeAt(text: string, i: number): number {
  return i < text.length ? (text.codePointAt(i) ?? -1) : -1;
}

function width(cp: number): number {
  return cp > 0xffff ? 2 : 1;
}

export function tokenize(text: string, opts: TokenizeOptions = {}): TokenStream {
  const joined = opts.joined ?? true;
  const out: TokenStream = { norm: [], start: [], end: [], pos: [], span: [] };
  const n = text.length;
  let i = 0;
  let pos = 0;
  let newlines = 0;
  // Part boundaries and norms of the current word, reused across words.
  const partStart: number[] = [];
  const partEnd: number[] = [];
  const partNorm: string[] = [];
  while (i < n) {
    const cp = codeAt(text, i);
    if (!isWordCode(cp)) {
      if (cp === 0x0a) newlines++;
      else if (!isLineSpace(cp)) newlines = 0;
      i += width(cp);
      continue;
    }
    partStart.length = 0;
    partEnd.length = 0;
    partNorm.length = 0;
    for (;;) {
      const s = i;
      let dirty = false;
      for (;;) {
        const c = codeAt(text, i);
        if (c < 0) break;
        if (isWordCode(c)) {
          if (c >= 0x80) dirty = true;
          i += width(c);
        } else if (isIgnorable(c) && isWordCode(codeAt(text, i + 1))) {
          dirty = true;
          i++;
        } else if ((c === 0x2e || c === 0x2c) && digitAround(text, i)) {
          i++;
        } else if (isDigitGroupSpace(c) && digitGroupFollows(text, i)) {
          dirty = true;
          i++;
        } else {
          break;
        }
      }
      const raw = text.slice(s, i);
      const norm = dirty ? foldWord(raw) : raw.toLowerCase();
      partStart.push(s);
      partEnd.push(i);
      partNorm.push(norm);
      const c = codeAt(text, i);
      const next = codeAt(text, i + 1);
      if (isApostrophe(c) && isWordCode(next)) {
        if (partNorm.length === 1 && ELISIONS.has(norm)) {
          partStart.length = 0;
          partEnd.length = 0;
          partNorm.length = 0;
          i++;
          continue;
        }
        if ((next === 0x73 || next === 0x53) && !isWordCode(codeAt(text, i + 2))) {
          i += 2; // possessive 's: not part of the word
          break;
        }
        i++;
        continue;
      }
      if (isHyphen(c) && isWordCode(next)) {
        i++;
        continue;
      }
      break;
    }
    if (newlines >= 2 && out.norm.length > 0) pos += PARAGRAPH_GAP;
    newlines = 0;
    const parts = partNorm.length;
    if (parts > 1 && joined) {
      push(out, partNorm.join(''), partStart[0] ?? 0, partEnd[parts - 1] ?? 0, pos, parts);
    }
    for (let k = 0; k < parts; k++) {
      push(out, partNorm[k] ?? '', partStart[k] ?? 0, partEnd[k] ?? 0, pos + k, 1);
    }
    pos += parts;
  }
  return out;
}

function push(
  out: TokenStream,
  norm: string,
  start: number,
  end: number,
  pos: number,
  span: number,
): void {
  out.norm.push(norm);
  out.start.push(start);
  out.end.push(end);
  out.pos.push(pos);
  out.span.push(span);
}

/** `.` or `,` at i sits between two digits. */
function digitAround(text: string, i: number): boolean {
  return isDigitCode(text.charCodeAt(i - 1)) && isDigitCode(text.charCodeAt(i + 1));
}

/** A grouping space at i: a digit before, exactly three digits after. */
function digitGroupFollows(text: string, i: number): boolean {
  if (!isDigitCode(text.charCodeAt(i - 1))) return false;
  for (let k = 1; k <= 3; k++) if (!isDigitCode(text.charCodeAt(i + k))) return false;
  return !isWordCode(codeAt(text, i + 4));
}
