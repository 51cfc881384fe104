// The one HTML parser of mediawatch: htmlparser2 (about 4x faster than parse5 on real news
// pages, see ../../docs/benchmarks.md). Each page is parsed once; the Document is passed to
// every stage that reads it (extraction, link discovery, canonical URL).
import { parseDocument } from 'htmlparser2';
import type { Document } from 'domhandler';

export type { Document } from 'domhandler';

export function parseHtml(html: string): Document {
  return parseDocument(html, { decodeEntities: true, lowerCaseAttributeNames: true });
}
