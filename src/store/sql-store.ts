// The store over either database (SQLite or PostgreSQL, ./db.ts), written once with Kysely.
// Each concern's queries live in their own module (./ledger.ts, ./alerts.ts, ./overrides.ts,
// ./users.ts, ./audit.ts, ./app-events.ts, ./mention-page.ts);
// this class holds the connection and the clock and writes an article's record.
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { MwError } from '../errors.js';
import type { CoverageSummary } from '../summarize/coverage.js';
import type { Mention, MentionOverride, MentionStub } from '../summarize/types.js';
import { alertDeliveries, claimAlerts, settleAlerts } from './alerts.js';
import {
  appEvents,
  appEventsRevision,
  deleteAppEvent,
  lastVisits,
  recordVisit,
  saveAppEvent,
} from './app-events.js';
import { audit, auditLog } from './audit.js';
import { outletStatus, recentFailures, recentRuns } from './crawl-status.js';
import type { Connection, Db } from './db.js';
import { inTransaction, lockKey } from './db.js';
import {
  discoverUrls,
  finishRun,
  ledgerRows,
  pendingRows,
  recordDiscoveryError,
  runCounts,
  settleUrl,
  startRun,
} from './ledger.js';
import {
  article,
  eventTags,
  mention,
  mentionCounts,
  mentionPage,
  mentionQuery,
  mentionQueryWithoutBodies,
  filteredMentionsWithoutBodies,
} from './mention-page.js';
import { schemaStatus, type SchemaStatus } from './migrations.js';
import {
  mentionOverrides,
  mentionStubs,
  overrideMention,
  relevantMentionCounts,
} from './overrides.js';
import { toArticle, toMention } from './rows.js';
import {
  addUser,
  createSession,
  deleteSession,
  loginFailed,
  loginSucceeded,
  pruneSessions,
  removeUser,
  session,
  setPassword,
  setRole,
  touchSession,
  userById,
  userForLogin,
  users,
} from './users.js';
import type {
  AlertClaim,
  AlertDelivery,
  AlertOutcome,
  AppEvent,
  ArticleInput,
  ArticleRecord,
  AuditEntry,
  DiscoveredUrl,
  LedgerFailure,
  OutletCrawlStatus,
  OutletRun,
  LedgerRow,
  LedgerSettlement,
  MentionDraft,
  MentionFilter,
  MentionListRow,
  OutletRow,
  OverridePatch,
  RecordedArticle,
  Role,
  RunCounts,
  Session,
  Store,
  StoredArticle,
  User,
  Validators,
} from './types.js';

export function contentHash(a: Pick<ArticleInput, 'title' | 'body' | 'lead'>): string {
  return createHash('sha256')
    .update(`${a.title ?? ''}\n${a.lead ?? ''}\n${a.body ?? ''}`)
    .digest('hex')
    .slice(0, 32);
}

function articleColumns(a: ArticleInput, hash: string, ts: string) {
  return {
    fetched_url: a.fetchedUrl,
    fetch_mode: a.fetchMode,
    title: a.title,
    lead: a.lead,
    body: a.body,
    published: a.published,
    modified: a.modified,
    authors: JSON.stringify(a.authors),
    section: a.section,
    language: a.language,
    image: a.image,
    site_name: a.siteName,
    access: a.access,
    wire_credit: a.wireCredit,
    text_warnings: JSON.stringify(a.textWarnings ?? []),
    content_hash: hash,
    etag: a.etag ?? null,
    last_modified: a.lastModified ?? null,
    fetched_at: ts,
    updated_at: ts,
  };
}

/** Upserts an article by canonical URL inside a transaction. Its outlet never changes. */
async function upsertArticle(
  trx: Db,
  c: Connection,
  a: ArticleInput,
  ts: string,
): Promise<{ id: number; created: boolean; changed: boolean }> {
  // Two workers saving one URL at once (PostgreSQL): the second waits for the first.
  await lockKey(trx, c.dialect, `article:${a.url}`);
  const hash = contentHash(a);
  const existing = await trx
    .selectFrom('articles')
    .select(['id', 'content_hash', 'outlet_id'])
    .where('url', '=', a.url)
    .executeTakeFirst();
  if (!existing) {
    const row = await trx
      .insertInto('articles')
      .values({ url: a.url, outlet_id: a.outletId, ...articleColumns(a, hash, ts) })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { id: row.id, created: true, changed: true };
  }
  if (existing.outlet_id !== a.outletId) {
    throw new MwError(
      'MW_ERR_CANONICAL_CONFLICT',
      `${a.url} is already stored for outlet "${existing.outlet_id}"; a page of "${a.outletId}" may not rewrite it`,
    );
  }
  const changed = existing.content_hash !== hash;
  // A changed body keeps the previous version's hash and counts a new version.
  await trx
    .updateTable('articles')
    .set((eb) => ({
      ...articleColumns(a, hash, ts),
      previous_hash: changed ? eb.ref('content_hash') : eb.ref('previous_hash'),
      version: changed ? eb('version', '+', 1) : eb.ref('version'),
    }))
    .where('id', '=', existing.id)
    .execute();
  return { id: existing.id, created: false, changed };
}

async function upsertMention(trx: Db, articleId: number, m: MentionDraft, ts: string) {
  await trx
    .insertInto('mentions')
    .values({
      event_id: m.eventId,
      article_id: articleId,
      score: m.score,
      hits: JSON.stringify(m.hits),
      sentences: JSON.stringify(m.sentences),
      summary: m.summary,
      matched_at: ts,
    })
    .onConflict((oc) =>
      oc.columns(['event_id', 'article_id']).doUpdateSet((eb) => ({
        score: eb.ref('excluded.score'),
        hits: eb.ref('excluded.hits'),
        sentences: eb.ref('excluded.sentences'),
        summary: eb.ref('excluded.summary'),
        matched_at: eb.ref('excluded.matched_at'),
      })),
    )
    .execute();
}

export class SqlStore implements Store {
  constructor(
    private readonly c: Connection,
    private readonly now: () => Date = () => new Date(),
  ) {}

  get dialect(): Connection['dialect'] {
    return this.c.dialect;
  }

  private ts(): string {
    return this.now().toISOString();
  }

  /** Which migrations the database has and lacks (`mediawatch db status`). */
  schemaStatus(): Promise<SchemaStatus> {
    return schemaStatus(this.c);
  }

  async ping(): Promise<void> {
    await sql`select 1`.execute(this.c.db);
  }

  async upsertOutlets(outlets: readonly OutletRow[]): Promise<void> {
    if (outlets.length === 0) return;
    const ts = this.ts();
    await this.c.db
      .insertInto('outlets')
      .values(
        outlets.map((o) => ({
          id: o.id,
          name: o.name,
          base_url: o.baseUrl,
          languages: JSON.stringify(o.languages),
          updated_at: ts,
        })),
      )
      .onConflict((oc) =>
        oc.column('id').doUpdateSet((eb) => ({
          name: eb.ref('excluded.name'),
          base_url: eb.ref('excluded.base_url'),
          languages: eb.ref('excluded.languages'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .execute();
  }

  startRun(run: { id: string; outletIds: string[]; eventIds: string[] }): Promise<void> {
    return startRun(this.c.db, this.ts(), run);
  }

  finishRun(id: string): Promise<void> {
    return finishRun(this.c.db, this.ts(), id);
  }

  runCounts(runId: string): Promise<RunCounts> {
    return runCounts(this.c.db, runId);
  }

  recordDiscoveryError(error: { runId: string | null; message: string }): Promise<void> {
    return recordDiscoveryError(this.c.db, this.c.dialect, error);
  }

  discover(batch: { runId: string | null; urls: readonly DiscoveredUrl[] }): Promise<string[]> {
    return discoverUrls(this.c, this.now(), batch);
  }

  settle(entry: LedgerSettlement): Promise<void> {
    return settleUrl(this.c.db, this.ts(), entry);
  }

  ledger(filter: { runId?: string } = {}): Promise<LedgerRow[]> {
    return ledgerRows(this.c.db, filter.runId);
  }

  pending(filter: { runId?: string; before?: string; limit?: number }): Promise<LedgerRow[]> {
    return pendingRows(this.c.db, filter);
  }

  async validators(url: string): Promise<Validators | null> {
    const r = await this.c.db
      .selectFrom('ledger as l')
      .innerJoin('articles as a', 'a.id', 'l.article_id')
      .select(['a.etag', 'a.last_modified', 'a.published'])
      .where('l.url', '=', url)
      .executeTakeFirst();
    return r && (r.etag || r.last_modified)
      ? { etag: r.etag, lastModified: r.last_modified, published: r.published }
      : null;
  }

  recordArticle(r: ArticleRecord): Promise<RecordedArticle> {
    const ts = this.ts();
    return inTransaction(this.c, async (trx) => {
      const saved = await upsertArticle(trx, this.c, r.article, ts);
      for (const m of r.mentions) await upsertMention(trx, saved.id, m, ts);
      // A new version that no longer matches loses its mention (analyst overrides are kept).
      const droppedEventIds: string[] = [];
      if (!saved.created && r.unmatchedEventIds.length > 0) {
        const gone = await trx
          .deleteFrom('mentions')
          .where('article_id', '=', saved.id)
          .where('event_id', 'in', [...r.unmatchedEventIds])
          .returning('event_id')
          .execute();
        const ids = new Set(gone.map((g) => g.event_id));
        droppedEventIds.push(...r.unmatchedEventIds.filter((e) => ids.has(e)));
      }
      await settleUrl(trx, ts, {
        url: r.ledger.url,
        outletId: r.ledger.outletId,
        status: 'stored',
        reason: r.ledger.note,
        articleId: saved.id,
        revisitAt: r.ledger.revisitAt,
      });
      return { ...saved, droppedEventIds };
    });
  }

  async articles(filter: { since?: string } = {}): Promise<StoredArticle[]> {
    let q = this.c.db.selectFrom('articles').selectAll().orderBy('published').orderBy('id');
    if (filter.since) q = q.where('published', '>=', filter.since);
    return (await q.execute()).map(toArticle);
  }

  async recentArticles(range: {
    from: string;
    to: string | null;
    limit: number;
  }): Promise<StoredArticle[]> {
    const rows = await this.c.db
      .selectFrom('articles')
      .selectAll()
      .where((eb) =>
        eb.or([
          eb.and([
            eb('published', '>=', range.from),
            ...(range.to === null ? [] : [eb('published', '<', range.to)]),
          ]),
          eb('published', 'is', null),
        ]),
      )
      // Undated last on both databases (PostgreSQL puts NULLs first when descending).
      .orderBy(sql`case when published is null then 1 else 0 end`)
      .orderBy('published', 'desc')
      .orderBy('id', 'desc')
      .limit(Math.max(0, Math.floor(range.limit)))
      .execute();
    return rows.map(toArticle);
  }

  private mentionQuery() {
    return mentionQuery(this.c.db);
  }

  async mentions(
    eventId: string,
    opts: { bodies?: boolean; matches?: boolean; filter?: MentionFilter } = {},
  ): Promise<Mention[]> {
    if (opts.bodies === false && (opts.filter || opts.matches === false))
      return (
        await filteredMentionsWithoutBodies(
          this.c,
          eventId,
          opts.filter ?? {},
          opts.matches !== false,
        )
      ).map(toMention);
    const query =
      opts.bodies === false ? mentionQueryWithoutBodies(this.c.db) : this.mentionQuery();
    const rows = await query
      .where('m.event_id', '=', eventId)
      .orderBy('a.published')
      .orderBy('a.id')
      .execute();
    return rows.map(toMention);
  }

  mentionStubs(published?: {
    from?: string;
    to?: string;
    undated?: boolean;
  }): Promise<MentionStub[]> {
    return mentionStubs(this.c.db, published);
  }

  relevantMentionCounts(published: { from: string; to?: string }): Promise<Record<string, number>> {
    return relevantMentionCounts(this.c.db, published);
  }

  overrideMention(change: {
    eventId: string;
    articleId: number;
    patch: OverridePatch;
  }): Promise<MentionOverride | null> {
    return overrideMention(this.c, this.ts(), change);
  }

  mentionOverrides(eventId: string): Promise<MentionOverride[]> {
    return mentionOverrides(this.c.db, eventId);
  }

  async saveCoverage({
    eventId,
    summary,
  }: {
    eventId: string;
    summary: CoverageSummary;
  }): Promise<void> {
    const ts = this.ts();
    await this.c.db
      .insertInto('coverage')
      .values({ event_id: eventId, summary: JSON.stringify(summary), updated_at: ts })
      .onConflict((oc) =>
        oc.column('event_id').doUpdateSet((eb) => ({
          summary: eb.ref('excluded.summary'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .execute();
  }

  async coverage(eventId: string): Promise<{ summary: CoverageSummary; updatedAt: string } | null> {
    const r = await this.c.db
      .selectFrom('coverage')
      .select(['summary', 'updated_at'])
      .where('event_id', '=', eventId)
      .executeTakeFirst();
    return r
      ? { summary: JSON.parse(r.summary) as CoverageSummary, updatedAt: r.updated_at }
      : null;
  }

  async claimAlerts(claim: AlertClaim): Promise<Mention[]> {
    const ids = await claimAlerts(this.c, claim);
    if (ids.length === 0) return [];
    const rows = await this.mentionQuery()
      .where('m.event_id', '=', claim.eventId)
      .where('m.article_id', 'in', ids)
      .orderBy('a.published')
      .orderBy('a.id')
      .execute();
    return rows.map(toMention);
  }

  settleAlerts(s: {
    claim: Pick<AlertClaim, 'eventId' | 'channel' | 'claim' | 'now'>;
    articleIds: readonly number[];
    outcome: AlertOutcome;
  }): Promise<number> {
    return settleAlerts(this.c, s);
  }

  alertDeliveries(eventId: string): Promise<AlertDelivery[]> {
    return alertDeliveries(this.c.db, eventId);
  }

  // ---- the web app: users, sessions, audit log, app events, visits, paged mentions ----

  addUser(user: { email: string; role: Role; passwordHash: string }): Promise<User> {
    return addUser(this.c.db, this.ts(), user);
  }

  users(): Promise<User[]> {
    return users(this.c.db);
  }

  userById(id: number): Promise<User | null> {
    return userById(this.c.db, id);
  }

  userForLogin(email: string): Promise<{ user: User; passwordHash: string } | null> {
    return userForLogin(this.c.db, email);
  }

  removeUser(email: string): Promise<boolean> {
    return removeUser(this.c, email);
  }

  setPassword(change: { email: string; passwordHash: string }): Promise<boolean> {
    return setPassword(this.c, this.ts(), change);
  }

  setRole(change: { email: string; role: Role }): Promise<boolean> {
    return setRole(this.c.db, this.ts(), change);
  }

  loginSucceeded(login: { userId: number; at: string }): Promise<void> {
    return loginSucceeded(this.c.db, login);
  }

  loginFailed(login: { userId: number; lockedUntil: string | null }): Promise<number> {
    return loginFailed(this.c.db, login);
  }

  createSession(s: Session): Promise<void> {
    return createSession(this.c.db, s);
  }

  session(id: string): Promise<{ session: Session; user: User } | null> {
    return session(this.c.db, id);
  }

  touchSession(touch: { id: string; lastSeenAt: string }): Promise<void> {
    return touchSession(this.c.db, touch);
  }

  deleteSession(id: string): Promise<void> {
    return deleteSession(this.c.db, id);
  }

  pruneSessions(cut: { idleBefore: string; createdBefore: string }): Promise<number> {
    return pruneSessions(this.c.db, cut);
  }

  audit(entry: Omit<AuditEntry, 'id'>): Promise<void> {
    return audit(this.c.db, entry);
  }

  auditLog(filter?: { target?: string; limit?: number }): Promise<AuditEntry[]> {
    return auditLog(this.c.db, filter);
  }

  appEvents(): Promise<AppEvent[]> {
    return appEvents(this.c.db);
  }

  saveAppEvent(save: {
    id: string;
    definition: unknown;
    actor: string;
    at: string;
  }): Promise<void> {
    return saveAppEvent(this.c, save);
  }

  deleteAppEvent(id: string): Promise<boolean> {
    return deleteAppEvent(this.c, id);
  }

  appEventsRevision(): Promise<string> {
    return appEventsRevision(this.c.db);
  }

  lastVisits(userId: number): Promise<Record<string, string>> {
    return lastVisits(this.c.db, userId);
  }

  recordVisit(visit: { userId: number; eventId: string; at: string }): Promise<void> {
    return recordVisit(this.c.db, visit);
  }

  mentionPage(query: {
    eventId: string;
    filter: MentionFilter;
    offset: number;
    limit: number;
  }): Promise<{ rows: MentionListRow[]; total: number }> {
    return mentionPage(this.c, query);
  }

  mentionCounts(
    since: Record<string, string>,
  ): Promise<Record<string, { total: number; unreviewed: number; new: number }>> {
    return mentionCounts(this.c.db, since);
  }

  eventTags(eventId: string): Promise<string[]> {
    return eventTags(this.c.db, eventId);
  }

  article(id: number): Promise<StoredArticle | null> {
    return article(this.c.db, id);
  }

  mention(key: { eventId: string; articleId: number }): Promise<Mention | null> {
    return mention(this.c.db, key);
  }

  outletStatus(): Promise<OutletCrawlStatus[]> {
    return outletStatus(this.c.db);
  }

  recentFailures(filter: {
    outletId: string;
    status?: 'failed' | 'skipped';
    limit?: number;
  }): Promise<LedgerFailure[]> {
    return recentFailures(this.c.db, filter);
  }

  recentRuns(filter?: { outletId?: string; limit?: number }): Promise<OutletRun[]> {
    return recentRuns(this.c.db, filter);
  }

  close(): Promise<void> {
    return this.c.close();
  }
}
