// One article: fetch → extract → store → match every event in its window → store mentions.
// Returns what happened so the job can settle the ledger.
import type { OutletConfig } from '../config/schema.js';
import { MwError } from '../errors.js';
import { matchDocument, uniqueSentences } from '../match/index.js';
import { summarizeMention } from '../summarize/article-summary.js';
import { canonicalUrl, sameHost } from '../url/canonical.js';
import type { CompiledEvent } from './events.js';
import { fetchArticle } from './fetch-page.js';
import type { Services } from './services.js';
import { nextRevisit } from './revisit.js';
import { inWindow } from './windows.js';

export interface ArticleOutcome {
  articleId: number | null;
  canonicalUrl: string;
  mode: 'http' | 'browser';
  created: boolean;
  /** The stored body changed (a new article, or a new version of one). */
  changed: boolean;
  /** A revisit answered 304: nothing was extracted or matched. */
  notModified: boolean;
  matchedEvents: string[];
  /** Events whose mention of this article was removed: a new version no longer matches. */
  droppedEvents: string[];
  /** When the URL is due for a revisit, or null. */
  revisitAt: string | null;
}

export async function processArticle(
  s: Services,
  outlet: OutletConfig,
  url: string,
  events: readonly CompiledEvent[],
): Promise<ArticleOutcome> {
  const validators = await s.store.validators(url);
  const fetched = await fetchArticle(s, outlet, url, validators);
  if ('notModified' in fetched) {
    return {
      articleId: null,
      canonicalUrl: url,
      mode: 'http',
      created: false,
      changed: false,
      notModified: true,
      matchedEvents: [],
      droppedEvents: [],
      // Unchanged: due again while still recent, like any stored article.
      revisitAt: nextRevisit(validators?.published ?? null, s.now(), s.config.settings.recrawl),
    };
  }
  const { mode, finalUrl, article, etag, lastModified } = fetched;
  if (!article.body && article.access === 'free') {
    throw new MwError('MW_SKIP_NOT_ARTICLE', `${finalUrl} holds no article body`);
  }
  // Trust the page's canonical URL only on the outlet's own host.
  const declared =
    article.canonicalUrl && sameHost(article.canonicalUrl, finalUrl) ? article.canonicalUrl : null;
  const key = canonicalUrl(declared ?? finalUrl) ?? finalUrl;
  const { id, created, changed } = await s.timings.time('store', () =>
    s.store.saveArticle({
      ...article,
      url: key,
      outletId: outlet.id,
      fetchedUrl: finalUrl,
      fetchMode: mode,
      etag,
      lastModified,
    }),
  );

  const matchedEvents: string[] = [];
  const droppedEvents: string[] = [];
  const doc = {
    title: article.title ?? '',
    lead: article.lead ?? '',
    body: article.body ?? '',
    url: key,
    outlet: outlet.id,
    lang: article.language ?? '',
    authors: article.authors,
  };
  for (const e of events) {
    if (!inWindow(article.published, e.window)) continue;
    const result = await s.timings.time('match', () => matchDocument(e.query, doc));
    if (!result) {
      // A new version that no longer matches loses its mention (analyst overrides are kept).
      if (!created && (await s.store.deleteMention(e.event.id, id))) droppedEvents.push(e.event.id);
      continue;
    }
    const sentences = uniqueSentences(result.sentences);
    await s.store.saveMention({
      eventId: e.event.id,
      articleId: id,
      score: result.score,
      hits: result.hits,
      sentences,
      summary: summarizeMention(article, sentences),
    });
    matchedEvents.push(e.event.id);
  }
  const revisitAt = nextRevisit(article.published, s.now(), s.config.settings.recrawl);
  return {
    articleId: id,
    canonicalUrl: key,
    mode,
    created,
    changed,
    notModified: false,
    matchedEvents,
    droppedEvents,
    revisitAt,
  };
}
