// Alert deliveries on SQLite: which mention was alerted on which channel. A claim is taken in
// one IMMEDIATE transaction, so two senders (two worker processes, a summarize job and the
// digest tick) never take the same mention; only the claim's holder settles it.
import type Database from 'better-sqlite3';
import type { AlertChannel, AlertClaim, AlertDelivery, AlertOutcome } from './types.js';

type Row = Record<string, unknown>;

/** Claims what is due on the channel; returns the article ids, by publication time. */
export function claimAlerts(db: Database.Database, c: AlertClaim): number[] {
  const select = db.prepare(
    `SELECT m.article_id FROM mentions m
     JOIN articles a ON a.id = m.article_id
     LEFT JOIN mention_overrides o ON o.event_id = m.event_id AND o.article_id = m.article_id
     LEFT JOIN alert_deliveries d
       ON d.event_id = m.event_id AND d.article_id = m.article_id AND d.channel = @channel
     WHERE m.event_id = @eventId AND COALESCE(o.relevant, 1) = 1
       AND (d.status IS NULL
         OR (d.status = 'failed' AND d.retry_at <= @now)
         OR (d.status = 'sending' AND d.updated_at < @staleBefore))
       AND (@matchedBefore IS NULL OR m.matched_at < @matchedBefore)
     ORDER BY a.published, a.id`,
  );
  const take = db.prepare(
    `INSERT INTO alert_deliveries (event_id, article_id, channel, status, claim, attempts, updated_at)
     VALUES (@eventId, @articleId, @channel, 'sending', @claim, 1, @now)
     ON CONFLICT(event_id, article_id, channel) DO UPDATE SET status = 'sending',
       claim = excluded.claim, attempts = alert_deliveries.attempts + 1,
       updated_at = excluded.updated_at`,
  );
  const params = {
    eventId: c.eventId,
    channel: c.channel,
    claim: c.claim,
    now: c.now,
    staleBefore: c.staleBefore,
    matchedBefore: c.matchedBefore ?? null,
  };
  return db
    .transaction(() => {
      const ids = (select.all(params) as Array<{ article_id: number }>).map((r) => r.article_id);
      for (const articleId of ids) take.run({ ...params, articleId });
      return ids;
    })
    .immediate();
}

export function settleAlerts(
  db: Database.Database,
  c: Pick<AlertClaim, 'eventId' | 'channel' | 'claim' | 'now'>,
  articleIds: readonly number[],
  outcome: AlertOutcome,
): number {
  const stmt = outcome.sent
    ? db.prepare(
        `UPDATE alert_deliveries SET status = 'sent', sent_at = @now, last_error = NULL,
           retry_at = NULL, claim = NULL, updated_at = @now
         WHERE event_id = @eventId AND channel = @channel AND article_id = @articleId
           AND claim = @claim AND status = 'sending'`,
      )
    : db.prepare(
        `UPDATE alert_deliveries SET status = 'failed', last_error = @error, retry_at = @retryAt,
           claim = NULL, updated_at = @now
         WHERE event_id = @eventId AND channel = @channel AND article_id = @articleId
           AND claim = @claim AND status = 'sending'`,
      );
  const extra = outcome.sent ? {} : { error: outcome.error, retryAt: outcome.retryAt };
  return db.transaction(() => {
    let n = 0;
    for (const articleId of articleIds) {
      n += stmt.run({
        eventId: c.eventId,
        channel: c.channel,
        claim: c.claim,
        now: c.now,
        articleId,
        ...extra,
      }).changes;
    }
    return n;
  })();
}

export function alertDeliveries(db: Database.Database, eventId: string): AlertDelivery[] {
  const rows = db
    .prepare('SELECT * FROM alert_deliveries WHERE event_id = ? ORDER BY article_id, channel')
    .all(eventId) as Row[];
  return rows.map((r) => ({
    eventId: r.event_id as string,
    articleId: r.article_id as number,
    channel: r.channel as AlertChannel,
    status: r.status as AlertDelivery['status'],
    attempts: r.attempts as number,
    lastError: r.last_error as string | null,
    retryAt: r.retry_at as string | null,
    sentAt: r.sent_at as string | null,
    updatedAt: r.updated_at as string,
  }));
}
