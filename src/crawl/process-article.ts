// One article up to the store: fetch → extract → match every event in its window → the
// mentions' summaries. Nothing is written here: the article job hands the result to the store
// in one transaction (article, mentions, ledger entry: `Store.recordArticle`).
import type { OutletConfig, RecrawlSettings } from '../config/schema.js';
import { MwError } from '../errors.js';
import { inScope, offSiteError, outletScope } from '../fetch/scope.js';
import { matchDocument, uniqueSentences } from '../match/index.js';
import type { LedgerStore, ArticleInput, MentionDraft } from '../store/types.js';
import { summarizeMention } from '../summarize/article-summary.js';
import { canonicalUrl, sameHost } from '../url/canonical.js';
import type { CompiledEvent } from './events.js';
import { fetchArticle, type FetchDeps } from './fetch-page.js';
import { nextRevisit } from './revisit.js';
import { inWindow } from '../config/windows.js';

/** What preparing an article uses: fetching, the ledger's validators, the revisit rules. */
export type ArticleDeps = FetchDeps & {
  store: Pick<LedgerStore, 'validators'>;
  recrawl: RecrawlSettings;
  now: () => Date;
};

/** A fetched, extracted and matched article, ready to be recorded. */
export interface PreparedArticle {
  notModified: false;
  mode: 'http' | 'browser';
  article: ArticleInput;
  mentions: MentionDraft[];
  /** Events in whose window the article falls and that it does not match. */
  unmatchedEventIds: string[];
  /** When the URL is due for a revisit, or null. */
  revisitAt: string | null;
}

/** A revisit whose page did not change (HTTP 304): nothing was extracted or matched. */
export interface UnchangedArticle {
  notModified: true;
  revisitAt: string | null;
}

export async function prepareArticle(
  s: ArticleDeps,
  outlet: OutletConfig,
  url: string,
  events: readonly CompiledEvent[],
): Promise<PreparedArticle | UnchangedArticle> {
  const validators = await s.store.validators(url);
  const fetched = await fetchArticle(s, outlet, url, validators);
  if ('notModified' in fetched) {
    // Unchanged: due again while still recent, like any stored article.
    return {
      notModified: true,
      revisitAt: nextRevisit(validators?.published ?? null, s.now(), s.recrawl),
    };
  }
  const { mode, finalUrl, article, etag, lastModified } = fetched;
  if (!article.body && article.access === 'free') {
    throw new MwError('MW_SKIP_NOT_ARTICLE', `${finalUrl} holds no article body`);
  }
  // The fetch kept every hop on the outlet's hosts; this holds whatever fetched it.
  const scope = outletScope(outlet);
  if (!inScope(scope, finalUrl)) throw offSiteError(finalUrl, url);
  // Trust the page's canonical URL only on the outlet's own hosts, and only on the host that
  // answered or the outlet's main one: a canonical elsewhere (another outlet's host) would file
  // this page under another article's key, so it is ignored.
  const canonical = article.canonicalUrl;
  const declared =
    canonical &&
    inScope(scope, canonical) &&
    (sameHost(canonical, finalUrl) || sameHost(canonical, outlet.baseUrl))
      ? canonical
      : null;
  const key = canonicalUrl(declared ?? finalUrl) ?? finalUrl;
  const input: ArticleInput = {
    ...article,
    url: key,
    outletId: outlet.id,
    fetchedUrl: finalUrl,
    fetchMode: mode,
    etag,
    lastModified,
  };

  const mentions: MentionDraft[] = [];
  const unmatchedEventIds: string[] = [];
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
    const result = s.timings.timeSync('match', () => matchDocument(e.query, doc));
    if (!result) {
      unmatchedEventIds.push(e.event.id);
      continue;
    }
    const sentences = uniqueSentences(result.sentences);
    mentions.push({
      eventId: e.event.id,
      score: result.score,
      hits: result.hits,
      sentences,
      summary: summarizeMention(article, sentences),
    });
  }
  return {
    notModified: false,
    mode,
    article: input,
    mentions,
    unmatchedEventIds,
    revisitAt: nextRevisit(article.published, s.now(), s.recrawl),
  };
}
