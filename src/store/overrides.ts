// Analyst overrides: one row per (event, article), written only by analysts (the crawler's
// mention upserts never touch it), and share of voice's view of every mention.
import type { MentionOverride, MentionStub } from '../summarize/types.js';
import type { Connection, Db } from './db.js';
import { inTransaction } from './db.js';
import { toOverride } from './rows.js';
import type { OverridePatch } from './types.js';

export async function overrideMention(
  c: Connection,
  ts: string,
  change: { eventId: string; articleId: number; patch: OverridePatch },
): Promise<MentionOverride | null> {
  const { eventId, articleId, patch } = change;
  return inTransaction(c, async (trx) => {
    // Locking the mention serialises two analysts' changes to it (PostgreSQL).
    let mention = trx
      .selectFrom('mentions')
      .select('article_id')
      .where('event_id', '=', eventId)
      .where('article_id', '=', articleId);
    if (c.dialect === 'postgres') mention = mention.forUpdate();
    if (!(await mention.executeTakeFirst())) return null;
    const row = await trx
      .selectFrom('mention_overrides')
      .selectAll()
      .where('event_id', '=', eventId)
      .where('article_id', '=', articleId)
      .executeTakeFirst();
    const before = row ? toOverride(row) : null;
    const tags = new Set(before?.tags ?? []);
    for (const t of patch.addTags ?? []) tags.add(t);
    for (const t of patch.removeTags ?? []) tags.delete(t);
    const next = {
      relevant: patch.relevant ?? before?.relevant ?? true,
      tags: [...tags].sort(),
      tone: patch.tone === undefined ? (before?.tone ?? null) : patch.tone,
      note: patch.note === undefined ? (before?.note ?? null) : patch.note,
      // Every change marks the mention reviewed, by whom and when.
      reviewedBy: patch.reviewedBy ?? 'cli',
    };
    await trx
      .insertInto('mention_overrides')
      .values({
        event_id: eventId,
        article_id: articleId,
        relevant: next.relevant ? 1 : 0,
        tags: JSON.stringify(next.tags),
        tone: next.tone,
        note: next.note,
        reviewed_by: next.reviewedBy,
        reviewed_at: ts,
        updated_at: ts,
      })
      .onConflict((oc) =>
        oc.columns(['event_id', 'article_id']).doUpdateSet((eb) => ({
          relevant: eb.ref('excluded.relevant'),
          tags: eb.ref('excluded.tags'),
          tone: eb.ref('excluded.tone'),
          note: eb.ref('excluded.note'),
          reviewed_by: eb.ref('excluded.reviewed_by'),
          reviewed_at: eb.ref('excluded.reviewed_at'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .execute();
    return { eventId, articleId, ...next, updatedAt: ts };
  });
}

export async function mentionOverrides(db: Db, eventId: string): Promise<MentionOverride[]> {
  const rows = await db
    .selectFrom('mention_overrides')
    .selectAll()
    .where('event_id', '=', eventId)
    .orderBy('article_id')
    .execute();
  return rows.map(toOverride);
}

export async function mentionStubs(
  db: Db,
  published: { from?: string; to?: string; undated?: boolean } = {},
): Promise<MentionStub[]> {
  const { from, to } = published;
  const undated = published.undated ?? true;
  const rows = await db
    .selectFrom('mentions as m')
    .innerJoin('articles as a', 'a.id', 'm.article_id')
    .leftJoin('mention_overrides as o', (j) =>
      j.onRef('o.event_id', '=', 'm.event_id').onRef('o.article_id', '=', 'm.article_id'),
    )
    .select((eb) => [
      'm.event_id',
      'm.article_id',
      'a.published',
      eb.fn.coalesce('o.relevant', eb.lit(1)).as('relevant'),
    ])
    .$if(from !== undefined || to !== undefined || !undated, (q) =>
      q.where((eb) =>
        eb.or([
          ...(undated ? [eb('a.published', 'is', null)] : []),
          eb.and([
            eb('a.published', 'is not', null),
            ...(from !== undefined ? [eb('a.published', '>=', from)] : []),
            ...(to !== undefined ? [eb('a.published', '<', to)] : []),
          ]),
        ]),
      ),
    )
    .orderBy('m.event_id')
    .orderBy('m.article_id')
    .execute();
  return rows.map((r) => ({
    eventId: r.event_id,
    articleId: r.article_id,
    published: r.published,
    relevant: Number(r.relevant) === 1,
  }));
}

export async function relevantMentionCounts(
  db: Db,
  published: { from: string; to?: string },
): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('mentions as m')
    .innerJoin('articles as a', 'a.id', 'm.article_id')
    .leftJoin('mention_overrides as o', (j) =>
      j.onRef('o.event_id', '=', 'm.event_id').onRef('o.article_id', '=', 'm.article_id'),
    )
    .select((eb) => ['m.event_id', eb.fn.countAll<number | string>().as('n')])
    .where('a.published', '>=', published.from)
    .$if(published.to !== undefined, (q) => q.where('a.published', '<', published.to!))
    .where((eb) => eb(eb.fn.coalesce('o.relevant', eb.lit(1)), '=', 1))
    .groupBy('m.event_id')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.event_id, Number(r.n)]));
}
