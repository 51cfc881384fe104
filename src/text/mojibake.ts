// Mojibake: UTF-8 text that was decoded as windows-1252 (or ISO-8859-1), so that "é" reads "Ã©"
// and "’" reads "â€™". It happens upstream of us (a CMS that stored it so, a feed that was
// converted twice) or when a page declares the wrong charset. Detected, repaired where the
// repair is unambiguous, and reported where it is not.
//
// A repair maps each character of a suspect run back to its windows-1252 byte and reads the
// bytes as UTF-8. Only sequences that decode to a Latin letter or sign (U+00A0–U+017F) or to
// punctuation, €, ™ (U+2000–U+2122) are replaced; uppercase accented letters followed by
// punctuation ("CAFÉ…" is C9 85, which UTF-8 reads as "Ʌ") decode outside those ranges and are
// left alone. Nothing is repaired in a text unless it holds one of the unmistakable sequences
// (Ã or Â followed by a Latin-1 sign, â€ / â‚ / â„ followed by one): a text that only might be
// mojibake is left as it is. Text encoded twice ("ÃƒÂ©") is repaired twice.

/** windows-1252 characters of bytes 0x80–0x9F (WHATWG; the five undefined bytes map to C1). */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039,
  0x0152, 0x8d, 0x017d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc,
  0x2122, 0x0161, 0x203a, 0x0153, 0x9d, 0x017e, 0x0178,
];
const BYTE_OF = new Map<number, number>();
for (let b = 0x80; b <= 0xff; b++) BYTE_OF.set(b, b); // ISO-8859-1 reading, C1 included
CP1252_HIGH.forEach((cp, i) => BYTE_OF.set(cp, 0x80 + i));

const SPECIAL = CP1252_HIGH.map((cp) => `\\u${cp.toString(16).padStart(4, '0')}`).join('');
const HIGH = `\\u0080-\\u00ff${SPECIAL}`;
/** A run of characters that are windows-1252 bytes 0x80–0xFF: where mojibake can be. */
const RUN_RE = new RegExp(`[${HIGH}]{2,}`, 'g');
/** Unmistakable mojibake: a UTF-8 lead byte read as Ã, Â or â€ / â‚ / â„, then a continuation. */
const SURE_RE = new RegExp(`[ÃÂ][\\u0080-\\u00bf${SPECIAL}]|â[€‚„][${HIGH}]`);
/** What is left of mojibake when a byte was lost on the way (â€ then a space; Ã then a space). */
const LEFTOVER_RE = /â€|Ã[\s\u0080-\u00bf]|Â[\u00a0-\u00bf]/;

export type MojibakeVerdict = 'none' | 'repaired' | 'suspect';

export interface MojibakeResult {
  text: string;
  /** none: nothing seen; repaired: repaired, nothing left; suspect: some left as it was. */
  verdict: MojibakeVerdict;
}

/** Whether the text holds mojibake that repairMojibake would repair or report. */
export function looksLikeMojibake(s: string): boolean {
  return SURE_RE.test(s) || LEFTOVER_RE.test(s);
}

/** The text with its mojibake repaired where unambiguous, and what was found. */
export function repairMojibake(s: string): MojibakeResult {
  if (!looksLikeMojibake(s)) return { text: s, verdict: 'none' };
  let text = s;
  let repaired = false;
  for (let pass = 0; pass < 3 && SURE_RE.test(text); pass++) {
    // A no-break space folded into a space on the way: "Ã " was "à", "Â " a no-break space.
    const next = text
      .replace(RUN_RE, repairRun)
      .replace(/Ã[ \u00a0]+(?=\p{L})/gu, 'à ')
      .replace(/Â /g, ' ');
    if (next === text) break;
    text = next;
    repaired = true;
  }
  const left = LEFTOVER_RE.test(text) || SURE_RE.test(text);
  return { text, verdict: left ? 'suspect' : repaired ? 'repaired' : 'none' };
}

/** One run of windows-1252 high characters: each UTF-8 sequence in it decoded, if plausible. */
function repairRun(run: string): string {
  const bytes: number[] = [];
  for (const ch of run) bytes.push(BYTE_OF.get(ch.codePointAt(0)!)!);
  let out = '';
  let i = 0;
  while (i < bytes.length) {
    const cp = decodeAt(bytes, i);
    if (cp !== null && plausible(cp.value)) {
      out += String.fromCodePoint(cp.value);
      i += cp.length;
    } else {
      out += run[i];
      i++;
    }
  }
  return out;
}

const isCont = (b: number | undefined): b is number => b !== undefined && b >= 0x80 && b <= 0xbf;

/** The UTF-8 sequence starting at bytes[i] (2 or 3 bytes, shortest form), or null. */
function decodeAt(bytes: number[], i: number): { value: number; length: number } | null {
  const b0 = bytes[i]!;
  const b1 = bytes[i + 1];
  if (b0 >= 0xc2 && b0 <= 0xdf && isCont(b1)) {
    return { value: ((b0 & 0x1f) << 6) | (b1 & 0x3f), length: 2 };
  }
  const b2 = bytes[i + 2];
  if (b0 >= 0xe0 && b0 <= 0xef && isCont(b1) && isCont(b2)) {
    const value = ((b0 & 0x0f) << 12) | ((b1 & 0x3f) << 6) | (b2 & 0x3f);
    if (value >= 0x800 && (value < 0xd800 || value > 0xdfff)) return { value, length: 3 };
  }
  return null;
}

/** Letters and signs of Latin-1 and Latin Extended-A; punctuation, €, ™. */
function plausible(cp: number): boolean {
  return (
    (cp >= 0xa0 && cp <= 0x17f) || (cp >= 0x2000 && cp <= 0x206f) || cp === 0x20ac || cp === 0x2122
  );
}
