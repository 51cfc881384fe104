// Gzip files recognised by their magic bytes (a sitemap.xml.gz, a saved page.html.gz) and
// decompressed up to a limit, so that a gzip bomb stops there. HTTP Content-Encoding is handled
// as a stream in src/fetch/http.ts; this is for bytes already read. Pure.
import { gunzipSync } from 'node:zlib';
import { MwError } from '../errors.js';

export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

export function gunzipLimited(bytes: Uint8Array, url: string, maxBytes: number): Buffer {
  try {
    return gunzipSync(bytes, { maxOutputLength: maxBytes });
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    if (err instanceof RangeError || code === 'ERR_BUFFER_TOO_LARGE') {
      throw new MwError('MW_ERR_TOO_LARGE', `${url} is larger than ${maxBytes} bytes decompressed`);
    }
    const message = err instanceof Error ? err.message : String(err);
    throw new MwError('MW_ERR_BAD_GZIP', `${url} is not a valid gzip file: ${message}`);
  }
}
