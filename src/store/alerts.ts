// Alert deliveries: which mention was alerted on which channel. A claim is taken in one write
// transaction serialised per event and channel, so two senders (two worker processes, a
// summarize job and the digest tick) never take the same mention; only the claim's holder
// settles it.
import type { Connection, Db } from './db.js';
import { inTransaction, lockKey } from './db.js';
import type { AlertClaim, AlertDelivery, AlertOutcome } from './types.js';

/** Claims what is due on the channel; returns the article ids, by publication time. */
export async function claimAlerts(c: Connection, claim: AlertClaim): Promise<number[]> {
  return inTransaction(c, async (trx) => {
    await lockKey(trx, c.dialect, `alerts:${claim.eventId}:${claim.channel}`);
    let q = trx
      .selectFrom('mentions as m')
      .innerJoin('articles as a', 'a.id', 'm.article_id')
      .leftJoin('mention_overrides as o', (j) =>
        j.onRef('o.event_id', '=', 'm.event_id').onRef('o.article_id', '=', 'm.article_id'),
      )
      .leftJoin('alert_deliveries as d', (j) =>
        j
          .onRef('d.event_id', '=', 'm.event_id')
          .onRef('d.article_id', '=', 'm.article_id')
          .on('d.channel', '=', claim.channel),
      )
      .select('m.article_id')
      .where('m.event_id', '=', claim.eventId)
      .where((eb) => eb(eb.fn.coalesce('o.relevant', eb.lit(1)), '=', 1))
      .where((eb) =>
        eb.or([
          eb('d.status', 'is', null),
          eb.and([eb('d.status', '=', 'failed'), eb('d.retry_at', '<=', claim.now)]),
          eb.and([eb('d.status', '=', 'sending'), eb('d.updated_at', '<', claim.staleBefore)]),
        ]),
      )
      .orderBy('a.published')
      .orderBy('a.id');
    if (claim.matchedBefore) q = q.where('m.matched_at', '<', claim.matchedBefore);
    const ids = (await q.execute()).map((r) => r.article_id);
    if (ids.length > 0) {
      await trx
        .insertInto('alert_deliveries')
        .values(
          ids.map((articleId) => ({
            event_id: claim.eventId,
            article_id: articleId,
            channel: claim.channel,
            status: 'sending' as const,
            claim: claim.claim,
            attempts: 1,
            updated_at: claim.now,
          })),
        )
        .onConflict((oc) =>
          oc.columns(['event_id', 'article_id', 'channel']).doUpdateSet((eb) => ({
            status: 'sending',
            claim: eb.ref('excluded.claim'),
            attempts: eb('alert_deliveries.attempts', '+', 1),
            updated_at: eb.ref('excluded.updated_at'),
          })),
        )
        .execute();
    }
    return ids;
  });
}

export async function settleAlerts(
  c: Connection,
  s: {
    claim: Pick<AlertClaim, 'eventId' | 'channel' | 'claim' | 'now'>;
    articleIds: readonly number[];
    outcome: AlertOutcome;
  },
): Promise<number> {
  if (s.articleIds.length === 0) return 0;
  const { claim, outcome } = s;
  const result = await c.db
    .updateTable('alert_deliveries')
    .set(
      outcome.sent
        ? {
            status: 'sent',
            sent_at: claim.now,
            last_error: null,
            retry_at: null,
            claim: null,
            updated_at: claim.now,
          }
        : {
            status: 'failed',
            last_error: outcome.error,
            retry_at: outcome.retryAt,
            claim: null,
            updated_at: claim.now,
          },
    )
    .where('event_id', '=', claim.eventId)
    .where('channel', '=', claim.channel)
    .where('article_id', 'in', [...s.articleIds])
    .where('claim', '=', claim.claim)
    .where('status', '=', 'sending')
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function alertDeliveries(db: Db, eventId: string): Promise<AlertDelivery[]> {
  const rows = await db
    .selectFrom('alert_deliveries')
    .selectAll()
    .where('event_id', '=', eventId)
    .orderBy('article_id')
    .orderBy('channel')
    .execute();
  return rows.map((r) => ({
    eventId: r.event_id,
    articleId: r.article_id,
    channel: r.channel,
    status: r.status,
    attempts: r.attempts,
    lastError: r.last_error,
    retryAt: r.retry_at,
    sentAt: r.sent_at,
    updatedAt: r.updated_at,
  }));
}
