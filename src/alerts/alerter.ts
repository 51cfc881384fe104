// Sends what is due for events that have `alerts`: claims the mentions not yet alerted on a
// channel (store.claimAlerts: atomic, so each mention goes out once per channel even when two
// senders run at the same time), sends one message per event and channel, and records the
// outcome. A failed delivery is never lost: it is recorded as failed and claimed again once
// its retry time has come (backoff from `retryBaseMs`, doubled per attempt, at most an hour).
// Nothing here throws for a delivery problem; the caller's job never fails because of one.
import { randomUUID } from 'node:crypto';
import type { EventConfig, SmtpSettings } from '../config/schema.js';
import { MwError, errorReason } from '../errors.js';
import type { Logger } from '../log.js';
import type { AlertChannel, AlertStore } from '../store/types.js';
import { sendEmail } from './email.js';
import { emailMessage, slackMessage, type AlertContext } from './message.js';
import { periodStart, retryAt } from './periods.js';
import { postWebhook } from './webhook.js';

/** A 'sending' claim older than this was left by a crashed sender (webhook 10 s, SMTP < 1 min). */
export const CLAIM_STALE_MS = 10 * 60_000;

export interface AlerterDeps {
  store: AlertStore;
  /**
   * The events, read at each run: a function when they change while the process runs (the
   * worker's list follows app events saved in the web app, jobs/events-sync.ts).
   */
  events: readonly EventConfig[] | (() => readonly EventConfig[]);
  smtp: SmtpSettings | undefined;
  outletNames: Readonly<Record<string, string>>;
  log: Logger;
  /** First retry delay after a failed delivery (settings.worker.backoffMs). */
  retryBaseMs: number;
}

export interface Delivery {
  eventId: string;
  channel: AlertChannel;
  articleIds: number[];
  /** Set when the delivery failed (it is retried later). */
  error?: string;
}

export interface Alerter {
  /** Immediate alerts of one event, and its failed ones due again (after its summary). */
  afterSummary(eventId: string, now: Date): Promise<Delivery[]>;
  /** Hourly and daily digests whose period has ended, for every event. */
  dueDigests(now: Date): Promise<Delivery[]>;
  /** Everything due for every event: immediate alerts, retries and digests (a scheduled tick). */
  sendDue(now: Date): Promise<Delivery[]>;
}

type Alerting = EventConfig & { alerts: NonNullable<EventConfig['alerts']> };

function channels(e: Alerting): AlertChannel[] {
  return [
    ...(e.alerts.webhook ? ['webhook' as const] : []),
    ...(e.alerts.email ? ['email' as const] : []),
  ];
}

export function createAlerter(deps: AlerterDeps): Alerter {
  const events = deps.events;
  const alerting = (): Alerting[] =>
    (typeof events === 'function' ? events() : events).filter(
      (e): e is Alerting => e.alerts !== undefined,
    );

  async function send(e: Alerting, channel: AlertChannel, ctx: AlertContext): Promise<void> {
    if (channel === 'webhook' && e.alerts.webhook) {
      await postWebhook(e.alerts.webhook, slackMessage(ctx));
    } else if (channel === 'email' && e.alerts.email) {
      if (!deps.smtp) {
        throw new MwError(
          'MW_ERR_ALERT_NO_SMTP',
          `event "${e.id}" sends alerts by e-mail but mediawatch.yaml has no smtp settings; retried later`,
        );
      }
      await sendEmail(deps.smtp, e.alerts.email, emailMessage(ctx));
    }
  }

  async function deliver(e: Alerting, channel: AlertChannel, now: Date): Promise<Delivery | null> {
    const start = periodStart(e.alerts.mode, now);
    const claim = {
      eventId: e.id,
      channel,
      claim: `${process.pid}-${randomUUID()}`,
      now: now.toISOString(),
    };
    const mentions = await deps.store.claimAlerts({
      ...claim,
      staleBefore: new Date(now.getTime() - CLAIM_STALE_MS).toISOString(),
      matchedBefore: start?.toISOString() ?? null,
    });
    if (mentions.length === 0) return null;
    const articleIds = mentions.map((m) => m.articleId);
    const log = deps.log.child({ alerts: e.id, channel, mode: e.alerts.mode });
    try {
      await send(e, channel, {
        event: e,
        mode: e.alerts.mode,
        mentions,
        outletNames: deps.outletNames,
        until: start?.toISOString() ?? null,
      });
    } catch (err) {
      const reason = errorReason(err);
      const rows = (await deps.store.alertDeliveries(e.id)).filter(
        (d) => d.channel === channel && articleIds.includes(d.articleId),
      );
      const attempts = Math.max(1, ...rows.map((d) => d.attempts));
      const when = retryAt(
        now,
        attempts,
        deps.retryBaseMs,
        err instanceof MwError ? err.retryAfterMs : 0,
      );
      await deps.store.settleAlerts({
        claim,
        articleIds,
        outcome: { sent: false, error: reason, retryAt: when.toISOString() },
      });
      log.warn(
        { articles: articleIds.length, attempts, retryAt: when.toISOString(), reason },
        'alert failed; will retry',
      );
      return { eventId: e.id, channel, articleIds, error: reason };
    }
    // Sent: from here on an error must not turn into a retry (that would send it twice).
    await deps.store.settleAlerts({ claim, articleIds, outcome: { sent: true } });
    log.info({ articles: articleIds.length }, 'alert sent');
    return { eventId: e.id, channel, articleIds };
  }

  async function run(events: readonly Alerting[], now: Date): Promise<Delivery[]> {
    const out: Delivery[] = [];
    for (const e of events) {
      for (const channel of channels(e)) {
        try {
          const d = await deliver(e, channel, now);
          if (d) out.push(d);
        } catch (err) {
          // A store error: nothing was claimed or the claim goes stale and is taken again.
          deps.log.error({ alerts: e.id, channel, reason: errorReason(err) }, 'alert run failed');
        }
      }
    }
    return out;
  }

  return {
    afterSummary: (eventId, now) =>
      run(
        alerting().filter((e) => e.id === eventId && e.alerts.mode === 'immediate'),
        now,
      ),
    dueDigests: (now) =>
      run(
        alerting().filter((e) => e.alerts.mode !== 'immediate'),
        now,
      ),
    sendDue: (now) => run(alerting(), now),
  };
}
