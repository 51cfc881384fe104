// Bytes of a sitemap or feed to text. A gzip body (sitemap.xml.gz served as application/gzip,
// or a gzip file sent again with Content-Encoding: gzip) is recognised by its magic bytes and
// decompressed up to a limit, so a gzip bomb stops there. The charset is read as for HTML pages
// (src/bytes/decode.ts): the byte order mark, else the Content-Type charset (RFC 7303 §3: it
// wins over the XML declaration), else the XML declaration, else UTF-8, or windows-1252 when the
// bytes are not valid UTF-8. Pure.
import { decodeXmlBytes } from '../bytes/decode.js';
import { gunzipLimited, isGzip } from '../bytes/gzip.js';

export interface XmlBytesOptions {
  url: string;
  contentType?: string | null;
  /** Limit on decompressed bytes. */
  maxBytes: number;
}

export function xmlText(body: Uint8Array, opts: XmlBytesOptions): string {
  const bytes = isGzip(body) ? gunzipLimited(body, opts.url, opts.maxBytes) : body;
  return decodeXmlBytes(bytes, opts.contentType).text;
}
