// Percent-encoding normal form (RFC 3986 §6.2.2): an encoded unreserved character is decoded,
// every other escape gets upper-case hex, and characters that may not appear raw in a URI
// (non-ASCII, space, quotes, angle brackets …) are encoded as their UTF-8 octets. Two spellings
// of one path compare equal once normalised: /caf%c3%a9, /café and /caf%C3%A9; /%7Ea and /~a.
// Reserved characters keep their form: %2F is not "/". Used for robots.txt matching (RFC 9309
// §2.2.2) and for URL keys.

const UNRESERVED = /[A-Za-z0-9\-._~]/;
/** ASCII that may appear raw in a URI: unreserved, gen-delims and sub-delims (RFC 3986 §2.2). */
const URI_CHAR = /[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=]/;
const HEX = /^[0-9A-Fa-f]{2}$/;
const UTF8 = new TextEncoder();

const hex = (byte: number): string => '%' + byte.toString(16).toUpperCase().padStart(2, '0');

export function normalizePercent(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === '%') {
      const pair = s.slice(i + 1, i + 3);
      if (HEX.test(pair)) {
        const ch = String.fromCharCode(parseInt(pair, 16));
        out += UNRESERVED.test(ch) ? ch : '%' + pair.toUpperCase();
        i += 2;
      } else out += '%25'; // a lone "%" is a literal percent sign
      continue;
    }
    const code = s.codePointAt(i)!;
    if (code < 0x80) {
      out += URI_CHAR.test(c) ? c : hex(code);
      continue;
    }
    const char = String.fromCodePoint(code);
    for (const byte of UTF8.encode(char)) out += hex(byte);
    i += char.length - 1;
  }
  return out;
}
