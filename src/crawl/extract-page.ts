// One fetched page's bytes to an article: decode once, parse once, extract, then the outlet's
// own selectors. Pure; run on the job's thread or on a thread of the extract pool
// (./extract-pool.ts, ./extract-worker.ts).
import {
  applySelectors,
  decodeHtmlChunks,
  extractArticle,
  hasArticleBody,
} from '../extract/index.js';
import type { OutletSelectors } from '../extract/selectors.js';
import type { ExtractedArticle, Lang } from '../extract/types.js';
import { parseHtml } from '../html/parse.js';
import { mayRunScripts } from '../html/scripts.js';

/** What extraction needs of an outlet (plain data: it crosses to a worker thread). */
export interface ExtractOutlet {
  languages: Lang[];
  selectors?: OutletSelectors | undefined;
}

/**
 * Parses once, extracts, then applies the outlet's own selectors if it has any. A page without
 * an article body also says whether it has scripts (`runsScripts`).
 */
export function extractHtml(
  html: string | Iterable<string>,
  url: string,
  outlet: ExtractOutlet,
): ExtractedArticle {
  const doc = parseHtml(html);
  const article = applySelectors(
    doc,
    extractArticle(doc, url, { languages: outlet.languages }),
    outlet.selectors,
  );
  // Only a page without an article needs to know: could the browser change it?
  if (!hasArticleBody(article)) article.runsScripts = mayRunScripts(doc);
  return article;
}

export function extractBytes(
  body: Uint8Array,
  contentType: string | null,
  url: string,
  outlet: ExtractOutlet,
): ExtractedArticle {
  // Decoded in pieces as the parser reads them (src/bytes/decode.ts says why).
  return extractHtml(decodeHtmlChunks(body, contentType).chunks, url, outlet);
}
