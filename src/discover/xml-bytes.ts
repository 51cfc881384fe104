// Bytes of a sitemap or feed to text. A gzip body (sitemap.xml.gz served as application/gzip,
// or a gzip file sent again with Content-Encoding: gzip) is recognised by its magic bytes and
// decompressed up to a limit, so a gzip bomb stops there. The charset is the byte order mark,
// else the Content-Type charset (RFC 7303 §3: it wins over the XML declaration), else the XML
// declaration, else UTF-8. Pure.
import { gunzipLimited, isGzip } from '../fetch/gzip.js';

export interface XmlBytesOptions {
  url: string;
  contentType?: string | null;
  /** Limit on decompressed bytes. */
  maxBytes: number;
}

const HEADER_CHARSET = /charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)/i;
const XML_DECL = /^<\?xml\b[^>]*\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/;

function decoderFor(label: string | undefined): TextDecoder | null {
  if (!label) return null;
  try {
    return new TextDecoder(label.toLowerCase());
  } catch {
    return null;
  }
}

function bom(bytes: Uint8Array): { label: string; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { label: 'utf-8', length: 3 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { label: 'utf-16be', length: 2 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { label: 'utf-16le', length: 2 };
  return null;
}

export function xmlText(body: Uint8Array, opts: XmlBytesOptions): string {
  const bytes = isGzip(body) ? gunzipLimited(body, opts.url, opts.maxBytes) : body;
  const mark = bom(bytes);
  if (mark) return new TextDecoder(mark.label).decode(bytes.subarray(mark.length));
  const fromHeader = decoderFor(HEADER_CHARSET.exec(opts.contentType ?? '')?.[1]);
  if (fromHeader) return fromHeader.decode(bytes);
  const head = String.fromCharCode(...bytes.subarray(0, 256));
  const fromDecl = decoderFor(XML_DECL.exec(head.trimStart())?.[1]);
  return (fromDecl ?? new TextDecoder('utf-8')).decode(bytes);
}
