// The web app's views of an event's mentions: one page of the filtered list (in SQL, newest
// first, without article bodies), the counts per event for the dashboard, the tags in use, and
// one article or mention. Every filter value is a bound parameter.
import { sql, type Expression, type SqlBool } from 'kysely';
import type { Mention } from '../summarize/types.js';
import type { Connection, Db } from './db.js';
import { jsonArrayHas, toCount } from './db.js';
import { toArticle, toMention, toMentionListRow } from './rows.js';
import type { MentionFilter, MentionListRow, StoredArticle } from './types.js';

/** An article's mentions with every article column (as `mentions()` reads them). */
export function mentionQuery(db: Db) {
  return db
    .selectFrom('mentions as m')
    .innerJoin('articles as a', 'a.id', 'm.article_id')
    .selectAll('a')
    .select(MENTION_COLUMNS);
}

/** Every article column but the body, the largest by far. */
const ARTICLE_COLUMNS_BUT_BODY = [
  'a.id',
  'a.url',
  'a.outlet_id',
  'a.fetched_url',
  'a.fetch_mode',
  'a.title',
  'a.lead',
  'a.published',
  'a.modified',
  'a.authors',
  'a.section',
  'a.language',
  'a.image',
  'a.site_name',
  'a.access',
  'a.wire_credit',
  'a.content_hash',
  'a.fetched_at',
  'a.updated_at',
  'a.etag',
  'a.last_modified',
  'a.previous_hash',
  'a.version',
  'a.text_warnings',
] as const;

const MENTION_COLUMNS = [
  'm.event_id',
  'm.score',
  'm.hits',
  'm.sentences',
  'm.summary',
  'm.matched_at',
] as const;

/** mentionQuery without the article bodies (null). */
export function mentionQueryWithoutBodies(db: Db) {
  return db
    .selectFrom('mentions as m')
    .innerJoin('articles as a', 'a.id', 'm.article_id')
    .select(ARTICLE_COLUMNS_BUT_BODY)
    .select(sql<string | null>`null`.as('body'))
    .select(MENTION_COLUMNS);
}

/** The date a mention is listed under: the article's publication, else when it matched. */
const listedAt = sql<string>`coalesce(a.published, m.matched_at)`;

/** `text` as a LIKE pattern that matches it literally (backslash is the escape). */
const likeLiteral = (text: string): string => text.replace(/[\\%_]/g, (ch) => `\\${ch}`);

const PLAIN_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The upper bound of `to`: a plain date (YYYY-MM-DD) takes in that whole day, as the text of
 * the stored dates reads it (their own offset), by comparing with `<` the next day; a full ISO
 * time is compared with `<=` as it is.
 */
function upperBound(to: string): { op: '<' | '<='; value: string } {
  if (PLAIN_DATE.test(to)) {
    const day = new Date(`${to}T00:00:00Z`);
    if (!Number.isNaN(day.getTime())) {
      day.setUTCDate(day.getUTCDate() + 1);
      return { op: '<', value: day.toISOString().slice(0, 10) };
    }
  }
  return { op: '<=', value: to };
}

/** The event's mentions with their articles and overrides, narrowed by the filter. */
function filtered(c: Connection, eventId: string, f: MentionFilter) {
  return c.db
    .selectFrom('mentions as m')
    .innerJoin('articles as a', 'a.id', 'm.article_id')
    .leftJoin('mention_overrides as o', (j) =>
      j.onRef('o.event_id', '=', 'm.event_id').onRef('o.article_id', '=', 'm.article_id'),
    )
    .where('m.event_id', '=', eventId)
    .where((eb) => {
      const and: Array<Expression<SqlBool>> = [];
      // An empty outlet or language list filters nothing (no box ticked).
      if (f.outletIds && f.outletIds.length > 0)
        and.push(eb('a.outlet_id', 'in', [...f.outletIds]));
      if (f.languages && f.languages.length > 0) and.push(eb('a.language', 'in', [...f.languages]));
      if (f.from) and.push(eb(listedAt, '>=', f.from));
      if (f.to) {
        const { op, value } = upperBound(f.to);
        and.push(eb(listedAt, op, value));
      }
      if (f.state === 'unreviewed') and.push(eb('o.reviewed_at', 'is', null)); // or no override
      if (f.state === 'reviewed') and.push(eb('o.reviewed_at', 'is not', null));
      if (f.state === 'relevant') and.push(eb(eb.fn.coalesce('o.relevant', eb.lit(1)), '=', 1));
      if (f.state === 'not-relevant') and.push(eb('o.relevant', '=', 0));
      // Exact membership of the JSON array (db.ts), not a LIKE on its text.
      if (f.tag) and.push(jsonArrayHas(c.dialect, 'o.tags', f.tag));
      // Each word of `text` must appear in the title, case-insensitively (lower() on both
      // sides: PostgreSQL folds every letter, SQLite ASCII ones), LIKE wildcards taken literally.
      for (const word of (f.text ?? '').split(/\s+/).filter((w) => w !== '')) {
        and.push(sql<SqlBool>`lower(a.title) like lower(${`%${likeLiteral(word)}%`}) escape '\\'`);
      }
      return eb.and(and);
    });
}

/**
 * The mentions `filter` keeps, with their articles but not their bodies, oldest first (as
 * MentionStore.mentions): the same rows as mentionPage's, for the dashboard's summary and the
 * web exports.
 */
export function filteredMentionsWithoutBodies(
  c: Connection,
  eventId: string,
  f: MentionFilter,
  /** false: without hits, hit sentences and summary either (empty), for counts and groups. */
  matches = true,
) {
  const q = filtered(c, eventId, f)
    .select(ARTICLE_COLUMNS_BUT_BODY)
    .select(sql<string | null>`null`.as('body'));
  return (
    matches
      ? q.select(MENTION_COLUMNS)
      : q.select([
          'm.event_id',
          'm.score',
          'm.matched_at',
          sql<string>`'[]'`.as('hits'),
          sql<string>`'[]'`.as('sentences'),
          sql<string>`''`.as('summary'),
        ])
  )
    .orderBy('a.published')
    .orderBy('a.id')
    .execute();
}

const wholeNumber = (n: number): number => (Number.isFinite(n) ? Math.max(0, Math.floor(n)) : 0);

/** One page of an event's mentions: newest first (published, else matched), then by article id. */
export async function mentionPage(
  c: Connection,
  query: { eventId: string; filter: MentionFilter; offset: number; limit: number },
): Promise<{ rows: MentionListRow[]; total: number }> {
  const base = filtered(c, query.eventId, query.filter);
  const rows = await base
    .select([
      'm.event_id',
      'm.article_id',
      'a.outlet_id',
      'a.url',
      'a.title',
      'a.published',
      'a.language',
      'm.summary',
      'm.sentences',
      'm.score',
      'm.matched_at',
      'o.relevant',
      'o.reviewed_at',
      'o.tags',
      'o.tone',
      'o.note',
    ])
    .orderBy(listedAt, 'desc')
    .orderBy('m.article_id', 'desc')
    .limit(wholeNumber(query.limit))
    .offset(wholeNumber(query.offset))
    .execute();
  const count = await base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
  return { rows: rows.map(toMentionListRow), total: toCount(count?.n) };
}

/**
 * Per event: its mentions, those never reviewed, those matched since. Two grouped queries: the
 * totals and the new ones from the mentions alone (the covering index on event_id, matched_at:
 * no article or override row is read), and the reviewed ones from the overrides joined to their
 * mentions (an override may outlive its mention); never reviewed = total − reviewed.
 */
export async function mentionCounts(
  db: Db,
  since: Record<string, string>,
): Promise<Record<string, { total: number; unreviewed: number; new: number }>> {
  const entries = Object.entries(since);
  // The event's `since` (bound values), or '' (every mention is new) when it has none.
  const sinceOf =
    entries.length === 0
      ? sql<string>`''`
      : sql<string>`coalesce(case m.event_id ${sql.join(
          entries.map(([id, at]) => sql`when ${id} then cast(${at} as text)`),
          sql` `,
        )} end, '')`;
  const [rows, reviewed] = await Promise.all([
    db
      .selectFrom('mentions as m')
      .select((eb) => [
        'm.event_id',
        eb.fn.countAll().as('total'),
        sql<number>`sum(case when m.matched_at > ${sinceOf} then 1 else 0 end)`.as('fresh'),
      ])
      .groupBy('m.event_id')
      .execute(),
    db
      .selectFrom('mention_overrides as o')
      .innerJoin('mentions as m', (j) =>
        j.onRef('m.event_id', '=', 'o.event_id').onRef('m.article_id', '=', 'o.article_id'),
      )
      .where('o.reviewed_at', 'is not', null)
      .select((eb) => ['o.event_id', eb.fn.countAll().as('n')])
      .groupBy('o.event_id')
      .execute(),
  ]);
  const reviewedBy = new Map(reviewed.map((r) => [r.event_id, toCount(r.n)]));
  return Object.fromEntries(
    rows.map((r) => {
      const total = toCount(r.total);
      return [
        r.event_id,
        { total, unreviewed: total - (reviewedBy.get(r.event_id) ?? 0), new: toCount(r.fresh) },
      ];
    }),
  );
}

/** The tags on an event's mentions, sorted. */
export async function eventTags(db: Db, eventId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('mention_overrides')
    .select('tags')
    .where('event_id', '=', eventId)
    .where('tags', '<>', '[]')
    .execute();
  const tags = new Set(rows.flatMap((r) => JSON.parse(r.tags) as string[]));
  return [...tags].sort();
}

export async function article(db: Db, id: number): Promise<StoredArticle | null> {
  const row = await db.selectFrom('articles').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toArticle(row) : null;
}

export async function mention(
  db: Db,
  key: { eventId: string; articleId: number },
): Promise<Mention | null> {
  const row = await mentionQuery(db)
    .where('m.event_id', '=', key.eventId)
    .where('m.article_id', '=', key.articleId)
    .executeTakeFirst();
  return row ? toMention(row) : null;
}
