// The store's contract, run on every database it supports: SQLite (a temporary file) and
// PostgreSQL (a fresh schema of the machine's server). The same behaviour on both, or a bug.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type SqlStore } from '../../../src/store/index.js';
import type {
  ArticleInput,
  ArticleRecord,
  MentionDraft,
  MentionFilter,
} from '../../../src/store/index.js';
import { filterMentions } from '../../../src/report/filter.js';
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

  it('reads mentions without bodies, and stubs of a range of publication dates', async () => {
    await seedArticle(
      store,
      article({ url: 'https://ex.be/a', published: '2024-01-05T14:00:00+01:00' }),
      [mention('ev')],
    );
    await seedArticle(
      store,
      article({ url: 'https://ex.be/b', published: '2024-02-01T09:00:00+01:00' }),
      [mention('ev')],
    );
    await seedArticle(store, article({ url: 'https://ex.be/c', published: null }), [mention('ev')]);
    const full = await store.mentions('ev');
    const light = await store.mentions('ev', { bodies: false });
    expect(full.map((m) => m.article.body)).not.toContain(null);
    expect(light.map((m) => m.article.body)).toEqual([null, null, null]);
    // Everything else is the same.
    expect(light.map((m) => ({ ...m, article: { ...m.article, body: 'x' } }))).toEqual(
      full.map((m) => ({ ...m, article: { ...m.article, body: 'x' } })),
    );
    const urls = async (range: { from?: string; to?: string }) => {
      const stubs = await store.mentionStubs(range);
      const byId = new Map(full.map((m) => [m.articleId, m.article.url]));
      return stubs.map((s) => byId.get(s.articleId)).sort();
    };
    expect(await urls({})).toEqual(['https://ex.be/a', 'https://ex.be/b', 'https://ex.be/c']);
    expect(await urls({ from: '2024-01-05', to: '2024-01-06' })).toEqual([
      'https://ex.be/a',
      'https://ex.be/c',
    ]);
    expect(await urls({ from: '2024-01-06' })).toEqual(['https://ex.be/b', 'https://ex.be/c']);
    expect(await urls({ to: '2024-01-05' })).toEqual(['https://ex.be/c']);
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

  // ---- the web app (migration 5) ----

  it('adds users once per e-mail (case-insensitively) and counts sign-ins', async () => {
    const ana = await store.addUser({
      email: 'Ana@Example.BE',
      role: 'analyst',
      passwordHash: 'h1',
    });
    expect(ana).toMatchObject({
      email: 'ana@example.be',
      role: 'analyst',
      failedLogins: 0,
      lockedUntil: null,
      lastLoginAt: null,
    });
    await expect(
      store.addUser({ email: 'ANA@example.be', role: 'viewer', passwordHash: 'h2' }),
    ).rejects.toMatchObject({ code: 'MW_ERR_USER_EXISTS', message: /ana@example\.be/ });
    await store.addUser({ email: 'bob@example.be', role: 'viewer', passwordHash: 'h3' });
    expect((await store.users()).map((u) => [u.email, u.role])).toEqual([
      ['ana@example.be', 'analyst'],
      ['bob@example.be', 'viewer'],
    ]);
    expect(await store.userForLogin('ANA@EXAMPLE.be')).toEqual({ user: ana, passwordHash: 'h1' });
    expect(await store.userForLogin('nobody@example.be')).toBeNull();
    expect(await store.userById(ana.id)).toEqual(ana);
    expect(await store.userById(ana.id + 1000)).toBeNull();

    expect(await store.setRole({ email: 'Bob@Example.be', role: 'admin' })).toBe(true);
    expect(await store.setRole({ email: 'nobody@example.be', role: 'admin' })).toBe(false);
    expect((await store.userForLogin('bob@example.be'))?.user.role).toBe('admin');

    expect(await store.loginFailed({ userId: ana.id, lockedUntil: null })).toBe(1);
    expect(await store.loginFailed({ userId: ana.id, lockedUntil: '2030-01-01T00:00:00Z' })).toBe(
      2,
    );
    // A failure without a new lock keeps the one there is.
    expect(await store.loginFailed({ userId: ana.id, lockedUntil: null })).toBe(3);
    expect(await store.userById(ana.id)).toMatchObject({
      failedLogins: 3,
      lockedUntil: '2030-01-01T00:00:00Z',
    });
    expect(await store.loginFailed({ userId: 999_999, lockedUntil: null })).toBe(0);
    await store.loginSucceeded({ userId: ana.id, at: '2024-02-01T10:00:00Z' });
    expect(await store.userById(ana.id)).toMatchObject({
      failedLogins: 0,
      lockedUntil: null,
      lastLoginAt: '2024-02-01T10:00:00Z',
    });
  });

  it('ends every session of a user given a new password or removed', async () => {
    const ana = await store.addUser({ email: 'ana@ex.be', role: 'analyst', passwordHash: 'h1' });
    const bob = await store.addUser({ email: 'bob@ex.be', role: 'viewer', passwordHash: 'h2' });
    const open = (id: string, userId: number) =>
      store.createSession({
        id,
        userId,
        csrfSecret: `csrf-${id}`,
        createdAt: '2024-02-01T10:00:00Z',
        lastSeenAt: '2024-02-01T10:00:00Z',
      });
    await open('a1', ana.id);
    await open('a2', ana.id);
    await open('b1', bob.id);
    await store.loginFailed({ userId: ana.id, lockedUntil: '2030-01-01T00:00:00Z' });

    expect(await store.setPassword({ email: 'ANA@ex.be', passwordHash: 'new' })).toBe(true);
    expect(await store.session('a1')).toBeNull();
    expect(await store.session('a2')).toBeNull();
    expect(await store.session('b1')).not.toBeNull();
    expect(await store.userForLogin('ana@ex.be')).toMatchObject({
      passwordHash: 'new',
      user: { failedLogins: 0, lockedUntil: null },
    });
    expect(await store.setPassword({ email: 'nobody@ex.be', passwordHash: 'x' })).toBe(false);

    await store.recordVisit({ userId: bob.id, eventId: 'ev', at: '2024-02-01T11:00:00Z' });
    await store.audit({
      at: '2024-02-01T11:00:00Z',
      userId: bob.id,
      actor: 'bob@ex.be',
      action: 'mention.review',
      target: 'mention:ev/1',
      detail: {},
    });
    expect(await store.removeUser('Bob@ex.be')).toBe(true);
    expect(await store.removeUser('bob@ex.be')).toBe(false);
    expect(await store.session('b1')).toBeNull();
    expect(await store.userById(bob.id)).toBeNull();
    expect(await store.lastVisits(bob.id)).toEqual({});
    // The audit log outlives the user.
    expect((await store.auditLog()).map((e) => [e.userId, e.actor])).toEqual([
      [bob.id, 'bob@ex.be'],
    ]);
    // Nothing of bob's was left behind: only ana's new session is there to prune.
    await open('a3', ana.id);
    expect(
      await store.pruneSessions({ idleBefore: '2999-01-01', createdBefore: '2999-01-01' }),
    ).toBe(1);
  });

  it('keeps sessions: reads them with their user, touches, deletes and prunes them', async () => {
    const ana = await store.addUser({ email: 'ana@ex.be', role: 'admin', passwordHash: 'h' });
    const session = {
      id: 'sha-of-token',
      userId: ana.id,
      csrfSecret: 'secret',
      createdAt: '2024-02-01T10:00:00Z',
      lastSeenAt: '2024-02-01T10:00:00Z',
    };
    await store.createSession(session);
    expect(await store.session('sha-of-token')).toEqual({ session, user: ana });
    expect(await store.session('other')).toBeNull();
    await store.touchSession({ id: 'sha-of-token', lastSeenAt: '2024-02-01T12:00:00Z' });
    expect((await store.session('sha-of-token'))?.session.lastSeenAt).toBe('2024-02-01T12:00:00Z');
    await store.deleteSession('sha-of-token');
    expect(await store.session('sha-of-token')).toBeNull();

    const at = (id: string, createdAt: string, lastSeenAt: string) =>
      store.createSession({ id, userId: ana.id, csrfSecret: 's', createdAt, lastSeenAt });
    await at('idle', '2024-02-01T10:00:00Z', '2024-02-01T10:00:00Z');
    await at('old', '2024-01-01T10:00:00Z', '2024-02-02T09:00:00Z');
    await at('fresh', '2024-02-01T10:00:00Z', '2024-02-02T09:00:00Z');
    expect(
      await store.pruneSessions({
        idleBefore: '2024-02-02T00:00:00Z',
        createdBefore: '2024-01-15T00:00:00Z',
      }),
    ).toBe(2);
    expect(await store.session('idle')).toBeNull();
    expect(await store.session('old')).toBeNull();
    expect(await store.session('fresh')).not.toBeNull();

    // A user deleted around the store takes their sessions along (ON DELETE CASCADE).
    await db.exec(
      dialect === 'sqlite'
        ? `PRAGMA foreign_keys = ON; DELETE FROM users WHERE id = ${ana.id}`
        : `DELETE FROM users WHERE id = ${ana.id}`,
    );
    expect(await store.session('fresh')).toBeNull();
    expect(
      await store.pruneSessions({ idleBefore: '2999-01-01', createdBefore: '2999-01-01' }),
    ).toBe(0);
  });

  it('keeps an audit log, newest first, by target', async () => {
    const entry = (n: number, target: string) => ({
      at: `2024-02-01T10:00:0${n}Z`,
      userId: n === 1 ? null : 7,
      actor: n === 1 ? 'cli' : 'ana@ex.be',
      action: 'event.save',
      target,
      detail: { n, text: `it's "quoted" ✓` },
    });
    await store.audit(entry(1, 'event:a'));
    await store.audit(entry(2, 'event:b'));
    await store.audit(entry(3, 'event:a'));
    const all = await store.auditLog();
    expect(all.map((e) => e.at)).toEqual([3, 2, 1].map((n) => `2024-02-01T10:00:0${n}Z`));
    expect(all[2]).toMatchObject({ ...entry(1, 'event:a'), id: expect.any(Number) });
    expect((await store.auditLog({ target: 'event:a' })).map((e) => e.detail)).toEqual([
      entry(3, 'x').detail,
      entry(1, 'x').detail,
    ]);
    expect((await store.auditLog({ limit: 1 })).map((e) => e.target)).toEqual(['event:a']);
    expect(await store.auditLog({ target: 'event:none' })).toEqual([]);
  });

  it('saves, replaces and deletes app events, changing the revision each time, and keeps visits', async () => {
    expect(await store.appEventsRevision()).toBe('0');
    expect(await store.appEvents()).toEqual([]);
    await store.saveAppEvent({
      id: 'ev-b',
      definition: { id: 'ev-b', query: 'a AND "b"' },
      actor: 'ana@ex.be',
      at: '2024-02-01T10:00:00Z',
    });
    const r1 = await store.appEventsRevision();
    expect(r1).not.toBe('0');
    await store.saveAppEvent({
      id: 'ev-a',
      definition: { id: 'ev-a' },
      actor: 'ana@ex.be',
      at: '2024-02-01T10:00:00Z',
    });
    await store.saveAppEvent({
      id: 'ev-b',
      definition: { id: 'ev-b', query: 'c' },
      actor: 'bob@ex.be',
      at: '2024-02-02T10:00:00Z',
    });
    const r2 = await store.appEventsRevision();
    expect(new Set(['0', r1, r2]).size).toBe(3);
    expect(await store.appEvents()).toEqual([
      {
        id: 'ev-a',
        definition: { id: 'ev-a' },
        createdBy: 'ana@ex.be',
        createdAt: '2024-02-01T10:00:00Z',
        updatedBy: 'ana@ex.be',
        updatedAt: '2024-02-01T10:00:00Z',
      },
      {
        id: 'ev-b',
        definition: { id: 'ev-b', query: 'c' },
        createdBy: 'ana@ex.be',
        createdAt: '2024-02-01T10:00:00Z',
        updatedBy: 'bob@ex.be',
        updatedAt: '2024-02-02T10:00:00Z',
      },
    ]);
    expect(await store.deleteAppEvent('ev-a')).toBe(true);
    const r3 = await store.appEventsRevision();
    expect(r3).not.toBe(r2);
    expect(await store.deleteAppEvent('ev-a')).toBe(false);
    expect(await store.appEventsRevision()).toBe(r3);
    expect((await store.appEvents()).map((e) => e.id)).toEqual(['ev-b']);

    const ana = await store.addUser({ email: 'ana@ex.be', role: 'analyst', passwordHash: 'h' });
    const bob = await store.addUser({ email: 'bob@ex.be', role: 'analyst', passwordHash: 'h' });
    await store.recordVisit({ userId: ana.id, eventId: 'ev-a', at: '2024-02-01T10:00:00Z' });
    await store.recordVisit({ userId: ana.id, eventId: 'ev-b', at: '2024-02-01T10:00:00Z' });
    await store.recordVisit({ userId: ana.id, eventId: 'ev-a', at: '2024-02-03T10:00:00Z' });
    expect(await store.lastVisits(ana.id)).toEqual({
      'ev-a': '2024-02-03T10:00:00Z',
      'ev-b': '2024-02-01T10:00:00Z',
    });
    expect(await store.lastVisits(bob.id)).toEqual({});
  });

  it('keeps the note and who reviewed a mention with every change', async () => {
    const { id } = await seedArticle(store, article(), [mention('ev')]);
    const first = await store.overrideMention({
      eventId: 'ev',
      articleId: id,
      patch: { note: 'check the quote', reviewedBy: 'ana@ex.be' },
    });
    expect(first).toMatchObject({
      relevant: true,
      note: 'check the quote',
      reviewedBy: 'ana@ex.be',
    });
    // Left out: the note stays; no reviewer named: the CLI.
    const second = await store.overrideMention({
      eventId: 'ev',
      articleId: id,
      patch: { tone: 'positive' },
    });
    expect(second).toMatchObject({ tone: 'positive', note: 'check the quote', reviewedBy: 'cli' });
    expect(await store.mentionOverrides('ev')).toMatchObject([
      { articleId: id, note: 'check the quote', reviewedBy: 'cli', tone: 'positive' },
    ]);
    const cleared = await store.overrideMention({
      eventId: 'ev',
      articleId: id,
      patch: { note: null, reviewedBy: 'bob@ex.be' },
    });
    expect(cleared).toMatchObject({ note: null, reviewedBy: 'bob@ex.be', tone: 'positive' });
    const [row] = (await store.mentionPage({ eventId: 'ev', filter: {}, offset: 0, limit: 10 }))
      .rows;
    expect(row).toMatchObject({ reviewed: true, note: null, tone: 'positive', relevant: true });
  });

  it('sums the crawl per outlet: counts, reasons by code, latest failures and runs', async () => {
    await store.startRun({ id: 'r1', outletIds: ['ex', 'other'], eventIds: [] });
    await store.recordDiscoveryError({ runId: 'r1', message: 'ex: sitemap /s.xml: HTTP 500' });
    await store.recordDiscoveryError({ runId: 'r1', message: 'other: feed /rss: timeout' });
    const urls = [1, 2, 3, 4, 5].map((n) => ({
      url: `https://ex.be/${n}`,
      outletId: 'ex',
      source: 'test',
    }));
    await store.discover({ runId: 'r1', urls });
    await store.discover({
      runId: 'r1',
      urls: [{ url: 'https://other.be/1', outletId: 'other', source: 'test' }],
    });
    const settle = (n: number, status: 'stored' | 'skipped' | 'failed', reason: string | null) =>
      store.settle({ url: `https://ex.be/${n}`, outletId: 'ex', status, reason });
    await settle(1, 'stored', null);
    await settle(2, 'failed', 'MW_ERR_HTTP_STATUS: HTTP 500 for /2');
    await settle(3, 'failed', 'MW_ERR_HTTP_STATUS: HTTP 503 for /3');
    await settle(4, 'failed', 'MW_ERR_TIMEOUT: no answer');
    await settle(5, 'skipped', 'MW_ERR_ROBOTS_DISALLOWED: robots.txt disallows it');
    await store.startRun({ id: 'r2', outletIds: ['other'], eventIds: [] });

    const status = await store.outletStatus();
    expect(status.map((s) => s.outletId)).toEqual(['ex', 'other']);
    const [ex, other] = status;
    expect(ex?.counts).toEqual({ pending: 0, stored: 1, skipped: 1, failed: 3 });
    expect(ex?.reasons.map((r) => [r.status, r.code, r.count])).toEqual([
      ['failed', 'MW_ERR_HTTP_STATUS', 2],
      ['skipped', 'MW_ERR_ROBOTS_DISALLOWED', 1],
      ['failed', 'MW_ERR_TIMEOUT', 1],
    ]);
    expect(ex?.lastDiscoveredAt).toMatch(/^\d{4}-/);
    expect(ex?.lastRun).toMatchObject({ id: 'r1', discoveryErrors: ['sitemap /s.xml: HTTP 500'] });
    expect(other?.counts.pending).toBe(1);
    expect(other?.lastRun).toMatchObject({ id: 'r2', discoveryErrors: [] });

    const failures = await store.recentFailures({ outletId: 'ex', limit: 10 });
    expect(failures.map((f) => f.url).sort()).toEqual([2, 3, 4].map((n) => `https://ex.be/${n}`));
    expect(failures.find((f) => f.url.endsWith('/4'))).toMatchObject({
      code: 'MW_ERR_TIMEOUT',
      reason: 'MW_ERR_TIMEOUT: no answer',
      runId: 'r1',
    });
    expect(await store.recentFailures({ outletId: 'ex', limit: 2 })).toHaveLength(2);
    expect(await store.recentFailures({ outletId: 'ex', status: 'skipped' })).toHaveLength(1);
    expect(await store.recentFailures({ outletId: 'other' })).toEqual([]);

    const runs = await store.recentRuns({ outletId: 'other' });
    expect(runs.map((r) => r.id)).toEqual(['r2', 'r1']);
    expect(runs[1]?.discoveryErrors).toEqual(['feed /rss: timeout']);
    expect((await store.recentRuns({ outletId: 'ex' })).map((r) => r.id)).toEqual(['r1']);
    expect(await store.recentRuns({ limit: 1 })).toHaveLength(1);
  });

  describe('the paged mention list', () => {
    // a4 is undated (listed by its match time, now: first); a5 and a2 share a date (higher id
    // first); a6 mentions another event only.
    let a: Record<'a1' | 'a2' | 'a3' | 'a4' | 'a5' | 'a6', number>;
    const page = async (filter: MentionFilter, offset = 0, limit = 50) => {
      const p = await store.mentionPage({ eventId: 'ev', filter, offset, limit });
      const names = Object.fromEntries(Object.entries(a).map(([k, v]) => [v, k]));
      return { names: p.rows.map((r) => names[r.articleId]), total: p.total, rows: p.rows };
    };
    const names = async (filter: MentionFilter) => (await page(filter)).names;

    beforeEach(async () => {
      const seed = async (
        n: number,
        over: Partial<ArticleInput>,
        events: string[] = ['ev'],
      ): Promise<number> =>
        (
          await seedArticle(
            store,
            article({ url: `https://ex.be/p${n}`, ...over }),
            events.map((e) => mention(e, `S${n}`)),
          )
        ).id;
      a = {
        a1: await seed(1, {
          title: '100% sure: it_works',
          published: '2024-01-05T14:00:00+01:00',
          language: 'en',
        }),
        a2: await seed(2, {
          outletId: 'other',
          title: `L'été des "quotes"`,
          published: '2024-01-06T09:00:00+01:00',
          language: 'fr',
        }),
        a3: await seed(3, {
          title: 'Plain news',
          published: '2024-01-04T10:00:00Z',
          language: 'nl',
        }),
        a4: await seed(4, { title: 'Undated 100 percent', published: null, language: 'en' }),
        a5: await seed(5, {
          outletId: 'other',
          title: 'Tie',
          published: '2024-01-06T09:00:00+01:00',
          language: 'en',
        }),
        a6: await seed(6, { title: 'Elsewhere', published: '2024-01-07T09:00:00Z' }, ['ev-2']),
      };
      await store.overrideMention({ eventId: 'ev', articleId: a.a1, patch: { relevant: false } });
      await store.overrideMention({
        eventId: 'ev',
        articleId: a.a2,
        patch: { addTags: ['say "hi"', 'budget'], reviewedBy: 'ana@ex.be', note: 'n' },
      });
    });

    it('reads the mentions a filter keeps as the report filters them (filterMentions)', async () => {
      const all = await store.mentions('ev');
      const overrides = await store.mentionOverrides('ev');
      const filters: MentionFilter[] = [
        {},
        { outletIds: ['other'] },
        { languages: ['en', 'nl'] },
        { from: '2024-01-05', to: '2024-01-06' },
        { to: '2024-01-05' },
        { state: 'unreviewed' },
        { state: 'reviewed' },
        { state: 'relevant' },
        { state: 'not-relevant' },
        { tag: 'budget' },
        { text: '100' },
        { text: 'undated PERCENT' },
        { outletIds: ['ex'], state: 'relevant', text: 'e' },
      ];
      for (const filter of filters) {
        const fromStore = await store.mentions('ev', { bodies: false, filter });
        expect(fromStore.every((m) => m.article.body === null)).toBe(true);
        const light = await store.mentions('ev', { bodies: false, matches: false, filter });
        expect(light.map((m) => [m.articleId, m.hits, m.sentences, m.summary])).toEqual(
          fromStore.map((m) => [m.articleId, [], [], '']),
        );
        expect(fromStore.map((m) => m.articleId).sort(), JSON.stringify(filter)).toEqual(
          filterMentions(all, overrides, filter)
            .map((m) => m.articleId)
            .sort(),
        );
      }
    });

    it('lists newest first (published, else matched), then by article id, without bodies', async () => {
      const all = await page({});
      expect(all.names).toEqual(['a4', 'a5', 'a2', 'a1', 'a3']);
      expect(all.total).toBe(5);
      expect(all.rows.every((r) => !('body' in r) && !('lead' in r))).toBe(true);
      expect(all.rows.find((r) => r.articleId === a.a2)).toEqual({
        eventId: 'ev',
        articleId: a.a2,
        outletId: 'other',
        url: 'https://ex.be/p2',
        title: `L'été des "quotes"`,
        published: '2024-01-06T09:00:00+01:00',
        language: 'fr',
        summary: 'S2',
        sentences: [],
        score: 1,
        matchedAt: expect.any(String),
        relevant: true,
        reviewed: true,
        tags: ['budget', 'say "hi"'],
        tone: null,
        note: 'n',
      });
      expect(all.rows.find((r) => r.articleId === a.a4)).toMatchObject({
        relevant: true,
        reviewed: false,
        tags: [],
        tone: null,
        note: null,
      });
      const second = await page({}, 1, 2);
      expect(second.names).toEqual(['a5', 'a2']);
      expect(second.total).toBe(5);
      expect(await page({}, 4, 10)).toMatchObject({ names: ['a3'], total: 5 });
      expect(await page({}, 0, 0)).toMatchObject({ names: [], total: 5 });
      expect(await page({}, 10, 10)).toMatchObject({ names: [], total: 5 });
    });

    it('filters by outlet, language and date (a plain `to` date takes in that whole day)', async () => {
      expect(await names({ outletIds: ['other'] })).toEqual(['a5', 'a2']);
      expect(await names({ outletIds: ['other', 'ex'] })).toEqual(['a4', 'a5', 'a2', 'a1', 'a3']);
      expect(await names({ outletIds: [] })).toHaveLength(5);
      expect(await names({ languages: ['en'] })).toEqual(['a4', 'a5', 'a1']);
      expect(await names({ languages: ['en'], outletIds: ['other'] })).toEqual(['a5']);
      expect(await names({ from: '2024-01-05' })).toEqual(['a4', 'a5', 'a2', 'a1']);
      expect(await names({ to: '2024-01-05' })).toEqual(['a1', 'a3']);
      expect(await names({ from: '2024-01-05', to: '2024-01-05' })).toEqual(['a1']);
      expect(await names({ to: '2024-01-05T14:00:00+01:00' })).toEqual(['a1', 'a3']);
      expect(await names({ to: '2024-01-05T13:00:00+01:00' })).toEqual(['a3']);
      expect(await page({ from: '2024-01-06', to: '2024-01-06' })).toMatchObject({
        names: ['a5', 'a2'],
        total: 2,
      });
    });

    it('filters by review state and tag', async () => {
      expect(await names({ state: 'unreviewed' })).toEqual(['a4', 'a5', 'a3']);
      expect(await names({ state: 'reviewed' })).toEqual(['a2', 'a1']);
      expect(await names({ state: 'relevant' })).toEqual(['a4', 'a5', 'a2', 'a3']);
      expect(await names({ state: 'not-relevant' })).toEqual(['a1']);
      // An override never reviewed (written before reviews were recorded) is unreviewed.
      await db.exec(`UPDATE mention_overrides SET reviewed_at = NULL WHERE article_id = ${a.a1}`);
      expect(await names({ state: 'unreviewed' })).toEqual(['a4', 'a5', 'a1', 'a3']);
      expect(await names({ tag: 'budget' })).toEqual(['a2']);
      expect(await names({ tag: 'say "hi"' })).toEqual(['a2']);
      expect(await names({ tag: 'Budget' })).toEqual([]);
      expect(await names({ tag: 'bud%' })).toEqual([]);
      expect(await names({ tag: 'bud' })).toEqual([]);
      expect(await page({ tag: 'budget', state: 'not-relevant' })).toMatchObject({
        names: [],
        total: 0,
      });
    });

    it('searches titles case-insensitively, taking %, _ and quotes literally', async () => {
      expect(await names({ text: '100%' })).toEqual(['a1']);
      expect(await names({ text: '100' })).toEqual(['a4', 'a1']);
      expect(await names({ text: 'IT_WORKS' })).toEqual(['a1']);
      expect(await names({ text: '_' })).toEqual(['a1']);
      expect(await names({ text: '%' })).toEqual(['a1']);
      expect(await names({ text: 'sure works' })).toEqual(['a1']);
      expect(await names({ text: '"quotes"' })).toEqual(['a2']);
      expect(await names({ text: `l'été` })).toEqual(['a2']);
      expect(await names({ text: '\\' })).toEqual([]);
      expect(await page({ text: `'); drop table users; --` })).toMatchObject({
        names: [],
        total: 0,
      });
      expect(
        await page({ tag: `'); drop table users; --`, outletIds: [`') or 1=1 --`] }),
      ).toMatchObject({
        names: [],
        total: 0,
      });
      expect(await store.users()).toEqual([]);
    });

    it('counts mentions per event in one query: all, unreviewed, matched since', async () => {
      expect(await store.mentionCounts({})).toEqual({
        ev: { total: 5, unreviewed: 3, new: 5 },
        'ev-2': { total: 1, unreviewed: 1, new: 1 },
      });
      expect(
        await store.mentionCounts({ ev: '2999-01-01T00:00:00Z', other: '2000-01-01' }),
      ).toEqual({
        ev: { total: 5, unreviewed: 3, new: 0 },
        'ev-2': { total: 1, unreviewed: 1, new: 1 },
      });
      const last = (await store.mentions('ev'))
        .map((m) => m.matchedAt)
        .sort()
        .at(-1)!;
      // Strictly after: a mention matched at the visit itself is not new.
      const counts = await store.mentionCounts({ ev: last, 'ev-2': '2000-01-01' });
      expect(counts['ev']?.new).toBe(0);
      expect(counts['ev-2']?.new).toBe(1);
    });

    it('lists the tags in use, and reads one article or mention', async () => {
      expect(await store.eventTags('ev')).toEqual(['budget', 'say "hi"']);
      expect(await store.eventTags('ev-2')).toEqual([]);
      const stored = await store.article(a.a1);
      expect(stored).toMatchObject({ id: a.a1, title: '100% sure: it_works', body: 'B1\n\nB2' });
      expect(stored).toEqual((await store.articles()).find((x) => x.id === a.a1));
      expect(await store.article(a.a6 + 1000)).toBeNull();
      const m = await store.mention({ eventId: 'ev', articleId: a.a2 });
      expect(m).toEqual((await store.mentions('ev')).find((x) => x.articleId === a.a2));
      expect(m?.article.body).toBe('B1\n\nB2');
      expect(await store.mention({ eventId: 'ev', articleId: a.a6 })).toBeNull();
      expect(await store.mention({ eventId: 'nope', articleId: a.a1 })).toBeNull();
    });
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
