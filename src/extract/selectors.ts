// An outlet's own selectors (outlet file `selectors`) override what the generic extractor found,
// for sites whose markup defeats it. Works on the already-parsed document (cheerio over the
// htmlparser2 tree: no second parse).
import { load } from 'cheerio';
import type { Document } from 'domhandler';
import { finishTextFields } from './text-fields.js';
import type { ExtractedArticle } from './types.js';

export interface OutletSelectors {
  body?: string | undefined;
  title?: string | undefined;
}

const fold = (s: string): string => s.replace(/\s+/g, ' ').trim();

export function applySelectors(
  doc: Document,
  article: ExtractedArticle,
  selectors: OutletSelectors | undefined,
): ExtractedArticle {
  if (!selectors?.body && !selectors?.title) return article;
  const $ = load(doc);
  const next = { ...article };
  if (selectors.title) {
    const title = fold($(selectors.title).first().text());
    if (title) next.title = title;
  }
  if (selectors.body) {
    const root = $(selectors.body);
    const blocks = root.find('p, h2, h3, h4, li, blockquote');
    const paragraphs = (blocks.length > 0 ? blocks.toArray() : root.toArray())
      .map((el) => fold($(el).text()))
      .filter((t) => t.length > 0);
    if (paragraphs.length > 0) next.body = paragraphs.join('\n\n');
  }
  // The outlet's text is page text like any other: cleaned, cut, checked for mojibake.
  return finishTextFields(next);
}
