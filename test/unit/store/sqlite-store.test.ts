import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../../src/store/index.js';
import type { ArticleInput, ArticleRecord, MentionDraft } from '../../../src/store/index.js';
import { articleInput, seedArticle } from '../../helpers/articles.js';
import { tmpDir } from '../../helpers/tmp.js';

let store: SqliteStore;
let cleanup: () => void;

const article = (over: Partial<ArticleInput> = {}): ArticleInput =>
  articleInput({
    url: 'https://ex.be/1',
    outletId: 'ex',
    title: 'T',
    lead: 'L',
    body: 'B1\n\nB2',
    published: '2024-01-05T14:00:00+01:00',
    authors: ['A. Writer'],
    language: 'en',
    siteName: 'Ex',
    ...over,
  });

const mention = (eventId: string, summary = 'S'): MentionDraft => ({
  eventId,
  score: 1,
  hits: [],
  sentences: [],
  summary,
});

const record = (over: Partial<ArticleRecord> = {}): ArticleRecord => ({
  article: article(),
  mentions: [],
  unmatchedEventIds: [],
  ledger: { url: 'https://ex.be/1?utm=x', outletId: 'ex', note: null, revisitAt: null },
  ...over,
});

beforeEach(async () => {
  const t = tmpDir();
  cleanup = t.cleanup;
  store = new SqliteStore(join(t.dir, 'db', 'mw.db'));
  await store.upsertOutlets([
    { id: 'ex', name: 'Ex', baseUrl: 'https://ex.be', languages: ['en'] },
  ]);
});
afterEach(async () => {
  await store.close();
  cleanup();
});

describe('SqliteStore', () => {
  it('upserts an article by canonical URL and reports changes', async () => {
    const a = await store.recordArticle(record());
    const b = await store.recordArticle(record());
    const c = await store.recordArticle(record({ article: article({ body: 'changed' }) }));
    expect(a).toEqual({ id: a.id, created: true, changed: true, droppedEventIds: [] });
    expect(b).toEqual({ id: a.id, created: false, changed: false, droppedEventIds: [] });
    expect(c.changed).toBe(true);
    expect((await store.articles()).length).toBe(1);
  });

  it('records an article, its mentions and its ledger entry together', async () => {
    await store.startRun({ id: 'r1', outletIds: ['ex'], eventIds: [] });
    const ledgerUrl = 'https://ex.be/1?utm=x';
    await store.discover({ runId: 'r1', urls: [{ url: ledgerUrl, outletId: 'ex', source: 't' }] });
    const saved = await store.recordArticle(record({ mentions: [mention('ev1'), mention('ev2')] }));
    expect((await store.ledger({ runId: 'r1' }))[0]).toMatchObject({
      url: ledgerUrl,
      status: 'stored',
      articleId: saved.id,
    });
    expect((await store.mentions('ev1')).map((m) => m.article.url)).toEqual(['https://ex.be/1']);
    expect(await store.runCounts('r1')).toMatchObject({ stored: 1, pending: 0, matched: 1 });

    // A new version that no longer matches ev2 loses that mention, and only that one.
    const again = await store.recordArticle(
      record({
        article: article({ body: 'new text' }),
        mentions: [mention('ev1')],
        unmatchedEventIds: ['ev2', 'ev3'],
      }),
    );
    expect(again.droppedEventIds).toEqual(['ev2']);
    expect(await store.mentions('ev2')).toEqual([]);
    expect(await store.mentions('ev1')).toHaveLength(1);
  });

  it('writes nothing of an article when one of its writes fails', async () => {
    // A mention that cannot be stored (hits that are not JSON-serialisable) fails the record.
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;
    const bad = { ...mention('ev1'), hits: [cyclic] } as unknown as MentionDraft;
    await expect(
      store.recordArticle(record({ mentions: [mention('ev0'), bad] })),
    ).rejects.toThrow();
    expect(await store.articles()).toEqual([]);
    expect(await store.mentions('ev0')).toEqual([]);
    expect(await store.ledger()).toEqual([]);
  });

  it('keeps a ledger: new URLs to fetch, known ones not again, failed ones retried', async () => {
    await store.startRun({ id: 'r1', outletIds: ['ex'], eventIds: [] });
    const urls = ['https://ex.be/1', 'https://ex.be/2', 'https://ex.be/3'].map((url) => ({
      url,
      outletId: 'ex',
      source: 'test',
    }));
    expect(await store.discover({ runId: 'r1', urls })).toEqual(urls.map((u) => u.url));
    await store.settle({ url: 'https://ex.be/1', outletId: 'ex', status: 'stored', reason: null });
    await store.settle({
      url: 'https://ex.be/2',
      outletId: 'ex',
      status: 'failed',
      reason: 'MW_ERR_X: boom',
    });
    await store.settle({
      url: 'https://ex.be/3',
      outletId: 'ex',
      status: 'skipped',
      reason: 'MW_SKIP_NOT_ARTICLE: no body',
    });
    expect(await store.runCounts('r1')).toMatchObject({
      discovered: 3,
      known: 0,
      stored: 1,
      failed: 1,
      skipped: 1,
      pending: 0,
    });
    await store.startRun({ id: 'r2', outletIds: ['ex'], eventIds: [] });
    expect(await store.discover({ runId: 'r2', urls })).toEqual(['https://ex.be/2']);
    expect(await store.runCounts('r2')).toMatchObject({ discovered: 3, known: 2, pending: 1 });
  });

  it('stores one mention per event and article', async () => {
    await seedArticle(store, article(), [mention('ev')]);
    await seedArticle(store, article(), [mention('ev', 'S2')]);
    const mentions = await store.mentions('ev');
    expect(mentions).toHaveLength(1);
    expect(mentions[0]?.summary).toBe('S2');
    expect(mentions[0]?.article.authors).toEqual(['A. Writer']);
  });

  it('migrates once: reopening keeps the data', async () => {
    await seedArticle(store, article());
    const file = (store as unknown as { db: { name: string } }).db.name;
    await store.close();
    store = new SqliteStore(file);
    expect((await store.articles()).length).toBe(1);
  });
});
