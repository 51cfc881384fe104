import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../../src/store/index.js';
import type { ArticleInput } from '../../../src/store/index.js';
import { articleInput } from '../../helpers/articles.js';
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
    const a = await store.saveArticle(article());
    const b = await store.saveArticle(article());
    const c = await store.saveArticle(article({ body: 'changed' }));
    expect(a).toEqual({ id: a.id, created: true, changed: true });
    expect(b).toEqual({ id: a.id, created: false, changed: false });
    expect(c.changed).toBe(true);
    expect((await store.articles()).length).toBe(1);
  });

  it('keeps a ledger: new URLs to fetch, known ones not again, failed ones retried', async () => {
    await store.startRun('r1', ['ex'], []);
    const urls = ['https://ex.be/1', 'https://ex.be/2', 'https://ex.be/3'].map((url) => ({
      url,
      outletId: 'ex',
      source: 'test',
    }));
    expect(await store.discover('r1', urls)).toEqual(urls.map((u) => u.url));
    await store.settle('https://ex.be/1', 'ex', 'stored', null);
    await store.settle('https://ex.be/2', 'ex', 'failed', 'MW_ERR_X: boom');
    await store.settle('https://ex.be/3', 'ex', 'skipped', 'MW_SKIP_NOT_ARTICLE: no body');
    expect(await store.runCounts('r1')).toMatchObject({
      discovered: 3,
      known: 0,
      stored: 1,
      failed: 1,
      skipped: 1,
      pending: 0,
    });
    await store.startRun('r2', ['ex'], []);
    expect(await store.discover('r2', urls)).toEqual(['https://ex.be/2']);
    expect(await store.runCounts('r2')).toMatchObject({ discovered: 3, known: 2, pending: 1 });
  });

  it('stores one mention per event and article', async () => {
    const { id } = await store.saveArticle(article());
    const m = { eventId: 'ev', articleId: id, score: 1, hits: [], sentences: [], summary: 'S' };
    await store.saveMention(m);
    await store.saveMention({ ...m, summary: 'S2' });
    const mentions = await store.mentions('ev');
    expect(mentions).toHaveLength(1);
    expect(mentions[0]?.summary).toBe('S2');
    expect(mentions[0]?.article.authors).toEqual(['A. Writer']);
  });

  it('migrates once: reopening keeps the data', async () => {
    await store.saveArticle(article());
    const file = (store as unknown as { db: { name: string } }).db.name;
    await store.close();
    store = new SqliteStore(file);
    expect((await store.articles()).length).toBe(1);
  });
});
