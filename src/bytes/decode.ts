// Bytes to text, for HTML pages and for XML (sitemaps, feeds): one decoder, one order. A byte
// order mark wins, then the HTTP Content-Type charset (RFC 7303 §3: for XML it wins over the
// declaration), then the document's own declaration in its first 4 KiB (HTML: <meta charset> or
// an http-equiv Content-Type; XML: <?xml … encoding="…"?>), else UTF-8. When nothing declares a
// charset and the bytes are not valid UTF-8, windows-1252 is used: old Belgian pages and feeds
// without a declaration are in it. Bytes 0x80-0x9F of windows-1252 (and of ISO-8859-1, which
// WHATWG reads as windows-1252) become ’ “ ” € …, never C1 control characters.
// https://html.spec.whatwg.org/multipage/parsing.html#determining-the-character-encoding
// https://encoding.spec.whatwg.org/#names-and-labels
//
// A page can also be decoded in chunks (decodeHtmlChunks), for the parser to read piece by
// piece: a 170 KB page decoded whole is one string too large for V8's young generation,
// allocated in its large-object space and freed only by a full GC; in 16 KB pieces the strings
// die young. Measured on the 130 Readability test pages: 1.3 ms a page whole, 0.15 ms in 16 KB
// pieces (docs/benchmarks.md).
import { isUtf8 } from 'node:buffer';

export interface DecodedHtml {
  html: string;
  /** The WHATWG name of the encoding used, e.g. "utf-8", "windows-1252". */
  charset: string;
}

export interface DecodedText {
  text: string;
  /** The WHATWG name of the encoding used, e.g. "utf-8", "windows-1252". */
  charset: string;
}

/** Where the document declares its own charset. */
export type Declaration = 'html' | 'xml';

const PRESCAN_BYTES = 4096;
const HEADER_CHARSET = /charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)/i;
const META_CHARSET = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)/i;
const XML_ENCODING = /^\s*<\?xml\b[^>]*\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/;

/** An HTML page's bytes to text (see the top of this file). */
export function decodeHtmlBytes(bytes: Uint8Array, contentTypeHeader?: string | null): DecodedHtml {
  const { text, charset } = decodeBytes(bytes, contentTypeHeader, 'html');
  return { html: text, charset };
}

/** An XML document's bytes (sitemap, RSS, Atom) to text (see the top of this file). */
export function decodeXmlBytes(bytes: Uint8Array, contentTypeHeader?: string | null): DecodedText {
  return decodeBytes(bytes, contentTypeHeader, 'xml');
}

/** Bytes to text: BOM, Content-Type charset, the declaration of `kind`, else UTF-8/windows-1252. */
export function decodeBytes(
  bytes: Uint8Array,
  contentTypeHeader: string | null | undefined,
  kind: Declaration,
): DecodedText {
  const { skip, charset } = charsetOf(bytes, contentTypeHeader, kind);
  return decodeWith(skip > 0 ? bytes.subarray(skip) : bytes, charset);
}

/** The encoding of a document's bytes, and the length of its byte order mark (0 without one). */
function charsetOf(
  bytes: Uint8Array,
  contentTypeHeader: string | null | undefined,
  kind: Declaration,
): { charset: string; skip: number } {
  const bom = bomCharset(bytes);
  if (bom !== null) return { charset: bom.charset, skip: bom.length };

  const fromHeader = labelFrom(contentTypeHeader ?? '', HEADER_CHARSET);
  if (fromHeader !== null) return { charset: fromHeader, skip: 0 };

  const declared = labelFrom(prescanText(bytes), kind === 'html' ? META_CHARSET : XML_ENCODING);
  if (declared !== null) {
    // A document that declares UTF-16 cannot be UTF-16 (the declaration was readable as ASCII).
    return { charset: declared.startsWith('utf-16') ? 'utf-8' : declared, skip: 0 };
  }
  return { charset: isUtf8(bytes) ? 'utf-8' : 'windows-1252', skip: 0 };
}

/** Bytes decoded per piece by decodeHtmlChunks: small enough for V8's young generation. */
export const DECODE_CHUNK_BYTES = 16 * 1024;

/**
 * An HTML page's bytes to text in pieces of about DECODE_CHUNK_BYTES, in order; joined they are
 * decodeHtmlBytes's text. A character split between two pieces of bytes comes out whole.
 */
export function decodeHtmlChunks(
  bytes: Uint8Array,
  contentTypeHeader?: string | null,
): { chunks: Iterable<string>; charset: string } {
  const { charset, skip } = charsetOf(bytes, contentTypeHeader, 'html');
  // A streaming decoder keeps state between pieces: one per call, not shared.
  const decoder = new TextDecoder(charset);
  const fix =
    decoder.encoding === 'windows-1252'
      ? (t: string): string => fixWindows1252(t)
      : (t: string): string => t;
  function* chunks(): Generator<string> {
    for (let i = skip; i < bytes.length; i += DECODE_CHUNK_BYTES) {
      const piece = decoder.decode(bytes.subarray(i, i + DECODE_CHUNK_BYTES), { stream: true });
      if (piece.length > 0) yield fix(piece);
    }
    const rest = decoder.decode();
    if (rest.length > 0) yield fix(rest);
  }
  return { chunks: chunks(), charset: decoder.encoding };
}

function bomCharset(bytes: Uint8Array): { charset: string; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { charset: 'utf-8', length: 3 };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { charset: 'utf-16be', length: 2 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { charset: 'utf-16le', length: 2 };
  return null;
}

/** The first bytes as Latin-1 text: enough to read ASCII tags whatever the real encoding. */
function prescanText(bytes: Uint8Array): string {
  const length = Math.min(bytes.length, PRESCAN_BYTES);
  return Buffer.from(bytes.buffer, bytes.byteOffset, length).toString('latin1');
}

/** A charset label found by `re` that TextDecoder knows, normalised to its WHATWG name. */
function labelFrom(text: string, re: RegExp): string | null {
  const m = re.exec(text);
  if (m === null || m[1] === undefined) return null;
  return encodingName(m[1]);
}

function encodingName(label: string): string | null {
  const l = label.toLowerCase();
  if (l === 'x-user-defined') return 'windows-1252';
  try {
    return new TextDecoder(l).encoding;
  } catch {
    return null;
  }
}

// Decoders are reused: decode() without { stream: true } starts afresh each call, after an
// error too. One per encoding name (a few dozen WHATWG names at most).
const DECODERS = new Map<string, TextDecoder>();

function decodeWith(bytes: Uint8Array, charset: string): DecodedText {
  let decoder = DECODERS.get(charset);
  if (decoder === undefined) {
    decoder = new TextDecoder(charset);
    DECODERS.set(charset, decoder);
  }
  const text = decoder.decode(bytes);
  if (decoder.encoding !== 'windows-1252') return { text, charset: decoder.encoding };
  return { text: fixWindows1252(text), charset: 'windows-1252' };
}

/**
 * Node 20 decodes windows-1252 as ISO-8859-1: bytes 0x80-0x9F come out as C1 controls instead
 * of ’ “ ” € … (nodejs/node#56542). Maps them as the WHATWG index says (one byte, one character:
 * a piece of text can be fixed on its own).
 */
function fixWindows1252(text: string): string {
  return text.replace(C1_CONTROLS, (c) => WINDOWS_1252_C1[c.charCodeAt(0) - 0x80] ?? c);
}

const C1_CONTROLS = /[\u0080-\u009f]/g;
// https://encoding.spec.whatwg.org/index-windows-1252.txt, pointers 0-31 (bytes 0x80-0x9F).
const WINDOWS_1252_C1 = [
  '\u20ac',
  '\u0081',
  '\u201a',
  '\u0192',
  '\u201e',
  '\u2026',
  '\u2020',
  '\u2021',
  '\u02c6',
  '\u2030',
  '\u0160',
  '\u2039',
  '\u0152',
  '\u008d',
  '\u017d',
  '\u008f',
  '\u0090',
  '\u2018',
  '\u2019',
  '\u201c',
  '\u201d',
  '\u2022',
  '\u2013',
  '\u2014',
  '\u02dc',
  '\u2122',
  '\u0161',
  '\u203a',
  '\u0153',
  '\u009d',
  '\u017e',
  '\u0178',
];
