// Article records for tests: every field with a plain default, the test names what matters.
import type {
  ArticleInput,
  ArticleStore,
  MentionDraft,
  RecordedArticle,
  StoredArticle,
} from '../../src/store/index.js';

export function articleInput(over: Partial<ArticleInput> = {}): ArticleInput {
  const url = over.url ?? 'https://outlet.example/a';
  return {
    url,
    outletId: 'rtl',
    fetchedUrl: url,
    fetchMode: 'http',
    title: 'Title',
    lead: null,
    body: 'Body.',
    published: null,
    modified: null,
    authors: [],
    section: null,
    language: 'fr',
    image: null,
    siteName: null,
    access: 'free',
    wireCredit: null,
    ...over,
  };
}

export function storedArticle(over: Partial<StoredArticle> = {}): StoredArticle {
  return {
    id: 1,
    contentHash: 'h',
    previousHash: null,
    version: 1,
    fetchedAt: 'x',
    etag: null,
    lastModified: null,
    ...articleInput(over),
    ...over,
  } as StoredArticle;
}

/** Stores an article and its mentions the way the article job does (one transaction). */
export function seedArticle(
  store: Pick<ArticleStore, 'recordArticle'>,
  article: ArticleInput,
  mentions: readonly MentionDraft[] = [],
): Promise<RecordedArticle> {
  return store.recordArticle({
    article,
    mentions,
    unmatchedEventIds: [],
    ledger: { url: article.url, outletId: article.outletId, note: null, revisitAt: null },
  });
}
