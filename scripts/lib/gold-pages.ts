// The hand-annotated extraction pages (test/fixtures/extract-gold, extract-holdout): each
// NAME.html with its NAME.json reference. Read by the evaluation (scripts/eval-extract.ts) and
// by the gold regression test (test/unit/extract/gold.test.ts), the way the crawler reads a page:
// bytes, then decodeHtmlBytes.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { decodeHtmlBytes } from '../../src/extract/index.js';

/** The reference fields of one page (see the sets' README.md). */
export interface Gold {
  url: string;
  model: string;
  title: string;
  body: string | null;
  published: string | null;
  authors: string[];
  language: string;
  access: string;
  wireCredit: string | null;
}

export interface GoldPage {
  /** File name without extension. */
  page: string;
  gold: Gold;
  html: string;
}

/** Every page of a set folder, by name. */
export function readGoldPages(dir: string): GoldPage[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const page = f.replace(/\.json$/, '');
      const gold = JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as Gold;
      const html = decodeHtmlBytes(readFileSync(path.join(dir, `${page}.html`))).html;
      return { page, gold, html };
    });
}
