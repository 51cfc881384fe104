// The alerter on a real SQLite store, a real local webhook and a real SMTP sink, with the
// clock injected: each mention once per channel, retries after a failure, digests per period.
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CLAIM_STALE_MS, createAlerter, type AlerterDeps } from '../../../src/alerts/alerter.js';
import { eventSchema, type EventConfig } from '../../../src/config/schema.js';
import { createLogger } from '../../../src/log.js';
import { openStore, type SqlStore } from '../../../src/store/index.js';
import { tmpDir } from '../../helpers/tmp.js';
import { mailSink, slackUrls, webhookSink, type MailSink, type WebhookSink } from './sinks.js';
import { articleInput, seedArticle } from '../../helpers/articles.js';

let clock = new Date('2024-01-05T10:20:00Z');
const at = (iso: string): Date => (clock = new Date(iso));
let store: SqlStore;
let hook: WebhookSink;
let mail: MailSink;
let cleanup: () => void;
let logs: string[];

const url = (n: number): string => `https://rtl.example/news/${n}`;

async function article(n: number, eventId = 'ev'): Promise<number> {
  const { id } = await seedArticle(
    store,
    articleInput({
      url: url(n),
      title: `Vilvoorde story ${n} <b>&</b>`,
      published: '2024-01-05T11:00:00+01:00',
    }),
    [{ eventId, score: 1, hits: [], sentences: [], summary: `Summary ${n}.` }],
  );
  return id;
}

function event(alerts: Record<string, unknown>, id = 'ev'): EventConfig {
  return eventSchema.parse({
    id,
    name: 'The event',
    window: { from: '2024-01-01' },
    query: 'x',
    alerts,
  });
}

function alerter(events: EventConfig[], over: Partial<AlerterDeps> = {}) {
  return createAlerter({
    store,
    events,
    smtp: { host: mail.host, port: mail.port, secure: false },
    outletNames: { rtl: 'RTL info' },
    log: createLogger({
      level: 'debug',
      pretty: false,
      destination: new Writable({
        write(chunk: Buffer, _e, done) {
          logs.push(chunk.toString());
          done();
        },
      }),
    }),
    retryBaseMs: 60_000,
    ...over,
  });
}

const webhookUrls = (): string[] => hook.delivered().flatMap(slackUrls);
const mailed = (n: number): number => mail.messages.filter((m) => m.text.includes(url(n))).length;

beforeEach(async () => {
  const t = tmpDir();
  cleanup = t.cleanup;
  logs = [];
  at('2024-01-05T10:20:00Z');
  store = await openStore(join(t.dir, 'mw.db'), { now: () => clock });
  await store.upsertOutlets([
    { id: 'rtl', name: 'RTL info', baseUrl: 'https://rtl.example', languages: ['fr'] },
  ]);
  hook = await webhookSink();
  mail = await mailSink();
});
afterEach(async () => {
  await store.close();
  await hook.close();
  await mail.close();
  cleanup();
});

describe('immediate alerts', () => {
  it('alert each mention once per channel, however often they run', async () => {
    const events = [
      event({
        mode: 'immediate',
        webhook: hook.url,
        email: { to: ['desk@example.org'], from: 'mw@example.org' },
      }),
    ];
    await article(1);
    await article(2);
    const a = alerter(events);
    const first = await a.afterSummary('ev', clock);
    expect(first.map((d) => [d.channel, d.articleIds.length, d.error])).toEqual([
      ['webhook', 2, undefined],
      ['email', 2, undefined],
    ]);
    expect(await a.afterSummary('ev', clock)).toEqual([]);
    expect(await a.sendDue(clock)).toEqual([]);
    await article(3);
    // Two senders at once (two worker processes): the claim is atomic.
    await Promise.all([a.afterSummary('ev', clock), alerter(events).afterSummary('ev', clock)]);
    expect(webhookUrls().sort()).toEqual([url(1), url(2), url(3)]);
    expect([1, 2, 3].map(mailed)).toEqual([1, 1, 1]);
    expect(mail.messages[0]?.to).toEqual(['desk@example.org']);
    expect(
      (await store.alertDeliveries('ev')).every((d) => d.status === 'sent' && d.attempts === 1),
    ).toBe(true);
  });

  it('never alert a mention marked not relevant', async () => {
    const events = [event({ webhook: hook.url })];
    const id = await article(1);
    await article(2);
    await store.overrideMention({ eventId: 'ev', articleId: id, patch: { relevant: false } });
    await alerter(events).afterSummary('ev', clock);
    expect(webhookUrls()).toEqual([url(2)]);
  });

  it('retry a failed webhook after its backoff, never losing it, without resending the e-mail', async () => {
    const events = [
      event({ webhook: hook.url, email: { to: ['desk@example.org'], from: 'mw@example.org' } }),
    ];
    await article(1);
    const a = alerter(events);
    hook.answer(500);
    const [failed] = await a.afterSummary('ev', clock);
    expect(failed?.error).toMatch(/^MW_ERR_ALERT_WEBHOOK: webhook answered HTTP 500/);
    const row = (await store.alertDeliveries('ev')).find((d) => d.channel === 'webhook');
    expect(row).toMatchObject({
      status: 'failed',
      attempts: 1,
      retryAt: '2024-01-05T10:21:00.000Z',
    });

    hook.answer(200);
    at('2024-01-05T10:20:59Z');
    expect(await a.afterSummary('ev', clock)).toEqual([]);
    expect(hook.requests).toHaveLength(1);
    at('2024-01-05T10:21:00Z');
    expect((await a.afterSummary('ev', clock)).map((d) => [d.channel, d.error])).toEqual([
      ['webhook', undefined],
    ]);
    expect(webhookUrls()).toEqual([url(1)]);
    expect(mailed(1)).toBe(1);
    expect((await store.alertDeliveries('ev')).find((d) => d.channel === 'webhook')).toMatchObject({
      status: 'sent',
      attempts: 2,
      lastError: null,
    });
    // The secret webhook URL is never logged.
    expect(logs.join('')).not.toContain('secret-token');
  });

  it("doubles the backoff per attempt and honours the receiver's Retry-After", async () => {
    const a = alerter([event({ webhook: hook.url })]);
    await article(1);
    hook.answer(500);
    await a.afterSummary('ev', clock);
    at('2024-01-05T10:21:00Z');
    await a.afterSummary('ev', clock);
    expect((await store.alertDeliveries('ev'))[0]?.retryAt).toBe('2024-01-05T10:23:00.000Z');
    hook.answer(429, 600);
    at('2024-01-05T10:23:00Z');
    await a.afterSummary('ev', clock);
    expect((await store.alertDeliveries('ev'))[0]).toMatchObject({
      attempts: 3,
      retryAt: '2024-01-05T10:33:00.000Z',
    });
  });

  it('take over a claim left by a crashed sender once it is stale', async () => {
    const a = alerter([event({ webhook: hook.url })]);
    await article(1);
    const claimed = await store.claimAlerts({
      eventId: 'ev',
      channel: 'webhook',
      claim: 'crashed',
      now: clock.toISOString(),
      staleBefore: new Date(clock.getTime() - CLAIM_STALE_MS).toISOString(),
    });
    expect(claimed).toHaveLength(1);
    expect(await a.sendDue(clock)).toEqual([]);
    at(new Date(clock.getTime() + CLAIM_STALE_MS + 1000).toISOString());
    expect((await a.sendDue(clock)).map((d) => d.articleIds.length)).toEqual([1]);
    expect(webhookUrls()).toEqual([url(1)]);
  });

  it('record a missing SMTP configuration as a failure to retry', async () => {
    const a = alerter([event({ email: { to: ['desk@example.org'], from: 'mw@example.org' } })], {
      smtp: undefined,
    });
    await article(1);
    const [d] = await a.afterSummary('ev', clock);
    expect(d?.error).toMatch(/^MW_ERR_ALERT_NO_SMTP: /);
    expect((await store.alertDeliveries('ev'))[0]?.status).toBe('failed');
  });
});

describe('digests', () => {
  it('send the mentions of ended hours once, at dueDigests(now)', async () => {
    const events = [event({ mode: 'hourly', webhook: hook.url })];
    const a = alerter(events);
    at('2024-01-05T10:20:00Z');
    await article(1);
    await article(2);
    expect(await a.afterSummary('ev', clock)).toEqual([]);
    expect(await a.dueDigests(new Date('2024-01-05T10:59:59Z'))).toEqual([]);
    at('2024-01-05T11:10:00Z');
    await article(3);
    const [digest] = await a.dueDigests(new Date('2024-01-05T11:00:00Z'));
    expect(digest?.articleIds).toHaveLength(2);
    expect(hook.delivered()[0]?.text).toMatch(
      /^mediawatch hourly digest: 2 new articles on The event/,
    );
    expect(await a.dueDigests(new Date('2024-01-05T11:59:00Z'))).toEqual([]);
    const [next] = await a.dueDigests(new Date('2024-01-05T12:00:00Z'));
    expect(next?.articleIds).toHaveLength(1);
    expect(webhookUrls().sort()).toEqual([url(1), url(2), url(3)]);
  });

  it('send daily digests after midnight in Brussels (23:00 UTC in winter)', async () => {
    const a = alerter([event({ mode: 'daily', webhook: hook.url })]);
    await article(1);
    expect(await a.dueDigests(new Date('2024-01-05T22:59:00Z'))).toEqual([]);
    expect(await a.dueDigests(new Date('2024-01-05T23:00:00Z'))).toHaveLength(1);
  });
});

describe('e-mail over SMTP', () => {
  it('authenticates, and never logs the password', async () => {
    await mail.close();
    mail = await mailSink({ password: 's3cr3t-pass' });
    const events = [
      event({ email: { to: ['desk@example.org'], from: 'Mediawatch <mw@example.org>' } }),
    ];
    await article(1);
    const smtp = { host: mail.host, port: mail.port, secure: false, user: 'mw' };
    const bad = await alerter(events, { smtp: { ...smtp, pass: 'wrong-pass' } }).afterSummary(
      'ev',
      clock,
    );
    expect(bad[0]?.error).toMatch(/^MW_ERR_ALERT_EMAIL: /);
    at('2024-01-05T11:00:00Z');
    const good = await alerter(events, { smtp: { ...smtp, pass: 's3cr3t-pass' } }).afterSummary(
      'ev',
      clock,
    );
    expect(good[0]?.error).toBeUndefined();
    expect(mail.messages).toHaveLength(1);
    expect(mail.messages[0]?.user).toBe('mw');
    expect(mail.messages[0]?.text).toContain('Subject: mediawatch: 1 new article on The event');
    expect(logs.join('')).not.toMatch(/s3cr3t-pass|wrong-pass/);
  });
});
