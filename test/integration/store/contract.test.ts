// The store's contract, run on every database it supports: SQLite (a temporary file) and
// PostgreSQL (a fresh schema of the machine's server). The same behaviour on both, or a bug.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type SqlStore } from '../../../src/store/index.js';
import type { ArticleInput, ArticleRecord, MentionDraft } from '../../../src/store/index.js';
import { articleInput, seedArticle } from '../../helpers/articles.js';
import { dialects, freshDatabase, type TestDatabase } from '../../helpers/databases.js';

let store: SqlStore;

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

describe.each(await dialects())('the store on %s', (dialect) => {
  let db: TestDatabase;

  beforeEach(async () => {
    db = freshDatabase(dialect);
    store = await openStore(db.url);
    await store.upsertOutlets([
      { id: 'ex', name: 'Ex', baseUrl: 'https://ex.be', languages: ['en'] },
      { id: 'other', name: 'Other', baseUrl: 'https://other.be', languages: ['fr'] },
    ]);
  });
  afterEach(async () => {
    await store.close();
    await db.drop();
  });

  it('upserts an article by canonical URL and reports changes', async () => {
    const a = await store.recordArticle(record());
    const b = await store.recordArticle(record());
    const c = await store.recordArticle(record({ article: article({ body: 'changed' }) }));
    expect(a).toEqual({ id: a.id, created: true, changed: true, droppedEventIds: [] });
    expect(b).toEqual({ id: a.id, created: false, changed: false, droppedEventIds: [] });
    expect(c.changed).toBe(true);
    expect((await store.articles()).length).toBe(1);
  });

  it("keeps an article's text warnings (mojibake flagged by the extractor)", async () => {
    await store.recordArticle(record({ article: article({ textWarnings: ['mojibake'] }) }));
    await store.recordArticle(
      record({ article: article({ url: 'https://ex.be/clean', textWarnings: [] }) }),
    );
    const byUrl = new Map((await store.articles()).map((a) => [a.url, a.textWarnings]));
    expect([...byUrl.values()].sort()).toEqual([[], ['mojibake']]);
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
    await store.close();
    store = await openStore(db.url);
    expect((await store.articles()).length).toBe(1);
  });
  it("keeps analysts' decisions apart and reads them back with every mention", async () => {
    const { id } = await seedArticle(store, article(), [mention('ev')]);
    expect(
      await store.overrideMention({ eventId: 'ev', articleId: id + 1, patch: { relevant: false } }),
    ).toBeNull();
    await store.overrideMention({
      eventId: 'ev',
      articleId: id,
      patch: { relevant: false, addTags: ['b', 'a'], tone: 'negative' },
    });
    const o = await store.overrideMention({
      eventId: 'ev',
      articleId: id,
      patch: { removeTags: ['b'] },
    });
    expect(o).toMatchObject({ relevant: false, tags: ['a'], tone: 'negative' });
    expect(await store.mentionOverrides('ev')).toHaveLength(1);
    expect(await store.mentionStubs()).toEqual([
      { eventId: 'ev', articleId: id, published: '2024-01-05T14:00:00+01:00', relevant: false },
    ]);
    // A recrawl rewrites the mention; the decision stays.
    await seedArticle(store, article({ body: 'new' }), [mention('ev', 'S2')]);
    expect((await store.mentionOverrides('ev'))[0]?.relevant).toBe(false);
  });

  it('claims each alert once, retries a failed one when due, and settles only its own claim', async () => {
    const a = await seedArticle(store, article(), [mention('ev')]);
    const b = await seedArticle(store, article({ url: 'https://ex.be/2' }), [mention('ev')]);
    const claim = (id: string, now: string) => ({
      eventId: 'ev',
      channel: 'webhook' as const,
      claim: id,
      now,
      staleBefore: '2024-01-01T00:00:00Z',
    });
    const first = await store.claimAlerts(claim('c1', '2024-01-05T10:00:00Z'));
    expect(first.map((m) => m.articleId).sort()).toEqual([a.id, b.id].sort());
    expect(await store.claimAlerts(claim('c2', '2024-01-05T10:00:01Z'))).toEqual([]);
    expect(
      await store.settleAlerts({
        claim: claim('c2', '2024-01-05T10:00:02Z'),
        articleIds: [a.id],
        outcome: { sent: true },
      }),
    ).toBe(0);
    await store.settleAlerts({
      claim: claim('c1', '2024-01-05T10:00:02Z'),
      articleIds: [a.id],
      outcome: { sent: true },
    });
    await store.settleAlerts({
      claim: claim('c1', '2024-01-05T10:00:02Z'),
      articleIds: [b.id],
      outcome: { sent: false, error: 'MW_ERR_ALERT_WEBHOOK: 500', retryAt: '2024-01-05T11:00:00Z' },
    });
    expect(await store.claimAlerts(claim('c3', '2024-01-05T10:30:00Z'))).toEqual([]);
    const again = await store.claimAlerts(claim('c4', '2024-01-05T11:00:00Z'));
    expect(again.map((m) => m.articleId)).toEqual([b.id]);
    const deliveries = await store.alertDeliveries('ev');
    expect(deliveries.map((d) => [d.articleId, d.status, d.attempts])).toEqual(
      [
        [a.id, 'sent', 1],
        [b.id, 'sending', 2],
      ].sort((x, y) => Number(x[0]) - Number(y[0])),
    );
  });

  it('stores the coverage summary, the validators and the pending entries', async () => {
    expect(await store.coverage('ev')).toBeNull();
    const summary = { eventId: 'ev', total: 3 } as never;
    await store.saveCoverage({ eventId: 'ev', summary });
    expect((await store.coverage('ev'))?.summary).toEqual(summary);
    await store.startRun({ id: 'r1', outletIds: ['ex'], eventIds: [] });
    const urls = ['https://ex.be/1?utm=x', 'https://ex.be/9'].map((url) => ({
      url,
      outletId: 'ex',
      source: 't',
    }));
    await store.discover({ runId: 'r1', urls });
    await store.recordArticle(
      record({ article: article({ etag: '"v1"', lastModified: 'Fri, 05 Jan 2024 13:00:00 GMT' }) }),
    );
    expect(await store.validators('https://ex.be/1?utm=x')).toEqual({
      etag: '"v1"',
      lastModified: 'Fri, 05 Jan 2024 13:00:00 GMT',
      published: '2024-01-05T14:00:00+01:00',
    });
    expect((await store.pending({ runId: 'r1' })).map((r) => r.url)).toEqual(['https://ex.be/9']);
    await store.recordDiscoveryError({ runId: 'r1', message: 'feed: "quoted" ✓' });
    await store.recordDiscoveryError({ runId: 'r1', message: 'second' });
    expect((await store.runCounts('r1')).discoveryErrors).toEqual(['feed: "quoted" ✓', 'second']);
  });

  it("never lets one outlet's page rewrite another outlet's article", async () => {
    await seedArticle(store, article());
    await expect(
      store.recordArticle(record({ article: article({ outletId: 'other', body: 'taken over' }) })),
    ).rejects.toThrow(/MW_ERR_CANONICAL_CONFLICT|already stored for outlet "ex"/);
    const [kept] = await store.articles();
    expect(kept).toMatchObject({ outletId: 'ex', body: 'B1\n\nB2' });
  });
});

describe.each(await dialects())('migrations on %s', (dialect) => {
  it('refuses a database newer than the code', async () => {
    const db = freshDatabase(dialect);
    try {
      await (await openStore(db.url)).close();
      await db.exec(
        "INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'from the future', '2030-01-01')",
      );
      await expect(openStore(db.url)).rejects.toThrow(/MW_ERR_DATABASE_NEWER|schema version 999/);
    } finally {
      await db.drop();
    }
  });
});

describe.each((await dialects()).filter((d) => d === 'postgres'))('a read-only %s', () => {
  it('refuses a write with MW_ERR_DATABASE_READONLY and loses nothing', async () => {
    const db = freshDatabase('postgres');
    const role = `mw_ro_${Math.random().toString(36).slice(2, 10)}`;
    try {
      const rw = await openStore(db.url);
      await rw.upsertOutlets([{ id: 'ex', name: 'Ex', baseUrl: 'https://ex.be', languages: [] }]);
      await seedArticle(rw, article(), [mention('ev')]);
      await rw.close();
      // A role whose transactions are read-only, as a replica or a locked-down server is.
      const schema = new URL(db.url).searchParams.get('schema')!;
      await db.exec(
        `CREATE ROLE ${role} LOGIN; GRANT USAGE ON SCHEMA ${schema} TO ${role}; GRANT SELECT ON ALL TABLES IN SCHEMA ${schema} TO ${role}; ALTER ROLE ${role} SET default_transaction_read_only = on`,
      );
      const u = new URL(db.url);
      u.username = role;
      const ro = await openStore(u.toString());
      try {
        await expect(
          ro.recordArticle(record({ article: article({ body: 'rewritten' }) })),
        ).rejects.toMatchObject({ code: 'MW_ERR_DATABASE_READONLY' });
      } finally {
        await ro.close();
      }
      const again = await openStore(db.url);
      try {
        const [kept] = await again.articles();
        expect(kept?.body).toBe('B1\n\nB2');
        expect(await again.mentions('ev')).toHaveLength(1);
      } finally {
        await again.close();
      }
    } finally {
      await db.drop();
      await freshDatabase('postgres').exec(`DROP ROLE IF EXISTS ${role}`);
    }
  });
});
