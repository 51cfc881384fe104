// One article up to the store: fetch → extract → match every event in its window → the
// mentions' summaries. Nothing is written here: the article job hands the result to the store
// in one transaction (article, mentions, ledger entry: `Store.recordArticle`).
import type { OutletConfig, RecrawlSettings } from '../config/schema.js';
import { MwError } from '../errors.js';
import { inScope, offSiteError, outletScope } from '../fetch/scope.js';
import { articleDocument, type MatchableFields } from '../match/article-document.js';
import { matchDocument, uniqueSentences } from '../match/index.js';
import type { HitSentence, MatchDocument, MatchResult } from '../match/types.js';
import type { LedgerStore, ArticleInput, MentionDraft } from '../store/types.js';
import { summarizeMention } from '../summarize/article-summary.js';
import { canonicalUrl, sameHost } from '../url/canonical.js';
import type { CompiledEvent } from './events.js';
import { fetchArticle, type FetchDeps } from './fetch-page.js';
import { nextRevisit } from './revisit.js';
import { inWindow } from '../config/windows.js';

/** The fields of an article (extracted, or stored) an event's query is matched against. */
export type MatchableArticle = MatchableFields & Pick<ArticleInput, 'published'>;

/**
 * How the crawl decides a mention, for one article and one event: 'outside' when the article
 * is published outside the event's window (the event does not judge it), null when it is in
 * the window but not in one of the event's `languages` or does not match its query, else the
 * match with its distinct hit sentences. The web app's preview uses the same function. `doc`:
 * the article's document when the caller matches it against several events (its token index is
 * built once per document object, src/match/document-index.ts).
 */
export function matchEvent(
  e: CompiledEvent,
  a: MatchableArticle,
  doc: MatchDocument = articleDocument(a),
): 'outside' | (MatchResult & { sentences: HitSentence[] }) | null {
  if (!inWindow(a.published, e.window)) return 'outside';
  if (e.event.languages && !e.event.languages.some((l) => l === a.language)) return null;
  const result = matchDocument(e.query, doc);
  return result ? { ...result, sentences: uniqueSentences(result.sentences) } : null;
}

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
  const matchable = { ...article, url: key, outletId: outlet.id };
  // One document for every event: the article is tokenised once, not once per event.
  const doc = articleDocument(matchable);
  for (const e of events) {
    if (!inWindow(article.published, e.window)) continue;
    const result = s.timings.timeSync('match', () => matchEvent(e, matchable, doc));
    if (result === 'outside') continue;
    if (!result) {
      unmatchedEventIds.push(e.event.id);
      continue;
    }
    mentions.push({
      eventId: e.event.id,
      score: result.score,
      hits: result.hits,
      sentences: result.sentences,
      summary: summarizeMention(article, result.sentences),
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
