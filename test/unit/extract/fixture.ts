// Loads the extractor's fixture pages (test/fixtures/extract) the way the crawler reads pages:
// bytes, decodeHtmlBytes, then extraction.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { decodeHtmlBytes, extractFromHtml } from '../../../src/extract/index.js';
import type { ExtractOptions } from '../../../src/extract/index.js';
import type { ExtractedArticle } from '../../../src/extract/types.js';

const DIR = fileURLToPath(new URL('../../fixtures/extract/', import.meta.url));

export function fixtureBytes(name: string): Uint8Array {
  return readFileSync(DIR + name);
}

export function extractFixture(
  name: string,
  url = `https://news.test/${name.replace(/\..*$/, '')}`,
  opts: ExtractOptions = {},
): ExtractedArticle {
  return extractFromHtml(decodeHtmlBytes(fixtureBytes(name)).html, url, opts);
}
