// Alerts end to end on real components: BullMQ on Redis, SQLite, a local outlet on loopback,
// a local Slack-style webhook and a local SMTP sink. The summarize job sends the immediate
// alerts; the alerts tick (jobs/alerts.ts, a BullMQ job scheduler) retries what failed.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { Queue, Worker } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALERTS_QUEUE, alertsProcessor, upsertAlertSchedule } from '../../jobs/alerts.js';
import { requestSummary } from '../../jobs/context.js';
import { enqueueCrawl, waitForCrawl } from '../../jobs/crawl.js';
import { obliterateAll } from '../../jobs/queues.js';
import { startRuntime, stopRuntime, type Runtime } from '../../jobs/worker.js';
import { loadConfig } from '../../src/config/load.js';
import { createLogger } from '../../src/log.js';
import { writeConfigDir } from '../helpers/config-dir.js';
import { serve } from '../helpers/server.js';
import { tmpDir } from '../helpers/tmp.js';
import {
  mailSink,
  slackUrls,
  webhookSink,
  type MailSink,
  type WebhookSink,
} from './alerts/sinks.js';

const EVENT = 'bridge';
const PASSWORD = 'smtp-pa55word';
const published = new Date(Date.now() - 3600_000).toISOString();
let articles = 3;
const page = (
  n: number,
): string => `<!doctype html><html lang="en"><head><title>Bridge story ${n} - Canal Post</title>
<meta property="article:published_time" content="${published}"></head><body><article><h1>Bridge story ${n}</h1>
${Array.from({ length: 5 }, (_, i) => `<p>Story ${n}, paragraph ${i + 1}: the new bridge over the canal was approved by the town council after a long debate among residents and engineers.</p>`).join('\n')}
</article></body></html>`;

let outlet: Awaited<ReturnType<typeof serve>>;
let hook: WebhookSink;
let mail: MailSink;
let rt: Runtime;
const logs: string[] = [];
const tmp = tmpDir();
let origin = '';
const url = (n: number): string => `${origin}/news/${n}`;

async function crawl(): Promise<void> {
  await waitForCrawl(rt, await enqueueCrawl(rt, { outletIds: ['canal'], eventIds: [] }));
}

// Waits for a condition. The deadline only has to catch a hang: a crawl and its alerts take
// 1-3 s here even on a loaded 2-core machine; it stays under the tests' own timeouts (TEST_MS)
// so that a hang reports the condition it waited for.
async function until(check: () => boolean | Promise<boolean>, ms = 45_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${String(check)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
const TEST_MS = 120_000;

/** Runs the summarize job once more and waits for it (and its alerts) to finish. */
async function summarizeAgain(): Promise<void> {
  await requestSummary(rt, EVENT);
  await until(async () => {
    const c = await rt.queues.summarize.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
    return Object.values(c).every((n) => n === 0);
  });
}

const hookCount = (n: number): number =>
  hook
    .delivered()
    .flatMap(slackUrls)
    .filter((u) => u === url(n)).length;
const mailCount = (n: number): number =>
  mail.messages.filter((m) => m.text.includes(url(n))).length;

beforeAll(async () => {
  hook = await webhookSink();
  mail = await mailSink({ password: PASSWORD });
  outlet = await serve((req, res) => {
    if (req.url === '/robots.txt') return void res.end('User-agent: *\nAllow: /\n');
    if (req.url === '/')
      return void res.end(
        Array.from({ length: articles }, (_, i) => `<a href="/news/${i + 1}">Story</a>`).join(' '),
      );
    const n = Number(/^\/news\/(\d+)$/.exec(req.url ?? '')?.[1]);
    if (!n || n > articles) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(page(n));
  });
  origin = outlet.url;
  const dir = writeConfigDir(join(tmp.dir, 'config'), {
    settings: {
      redis: { prefix: `mw-test-${randomUUID().slice(0, 8)}` },
      database: { url: join(tmp.dir, 'mw.db') },
      // Failed alerts are retried 100 ms later (then 200, 400 … ms).
      worker: { backoffMs: 100 },
      smtp: { host: mail.host, port: mail.port, secure: false, user: 'mw', pass: PASSWORD },
    },
    outlets: [
      {
        id: 'canal',
        name: 'Canal Post',
        baseUrl: outlet.url,
        languages: ['en'],
        fetch: 'http',
        rateLimit: { requestsPerSecond: 100 },
        discovery: { pages: ['/'], articlePattern: '^/news/' },
      },
    ],
    events: [
      {
        id: EVENT,
        name: 'The bridge',
        window: { from: published.slice(0, 10) },
        query: 'bridge AND canal',
        alerts: {
          mode: 'immediate',
          webhook: hook.url,
          email: { to: ['desk@example.org'], from: 'mediawatch <mw@example.org>' },
        },
      },
    ],
  });
  const sink = new Writable({
    write(chunk: Buffer, _e, done): void {
      logs.push(chunk.toString());
      done();
    },
  });
  rt = await startRuntime(
    loadConfig(dir, { REDIS_URL: process.env.REDIS_URL }),
    createLogger({ level: 'debug', pretty: false, destination: sink }),
    { work: true },
  );
}, 60_000);

afterAll(async () => {
  if (rt) {
    await obliterateAll(rt.redis, rt.config.settings.redis.prefix);
    await stopRuntime(rt);
  }
  await outlet?.close();
  await hook?.close();
  await mail?.close();
  tmp.cleanup();
});

describe('alerts of new coverage', { timeout: TEST_MS }, () => {
  it('alert each mention exactly once, even when summarize runs twice', async () => {
    await crawl();
    expect((await rt.store.mentions(EVENT)).length).toBe(3);
    await until(() => [1, 2, 3].every((n) => hookCount(n) === 1 && mailCount(n) === 1));
    await summarizeAgain();
    await summarizeAgain();
    expect([1, 2, 3].map(hookCount)).toEqual([1, 1, 1]);
    expect([1, 2, 3].map(mailCount)).toEqual([1, 1, 1]);
    const deliveries = await rt.store.alertDeliveries(EVENT);
    expect(deliveries).toHaveLength(6);
    expect(deliveries.every((d) => d.status === 'sent')).toBe(true);
    expect(mail.messages.every((m) => m.user === 'mw' && m.to.join() === 'desk@example.org')).toBe(
      true,
    );
  });

  it('alert only the new mention after the next crawl', async () => {
    articles = 4;
    await crawl();
    await until(() => hookCount(4) === 1 && mailCount(4) === 1);
    expect([1, 2, 3].map(hookCount)).toEqual([1, 1, 1]);
    expect(hook.delivered().at(-1)?.text).toBe('mediawatch: 1 new article on The bridge');
  });

  it('retry a failing webhook later without losing the alert, or resending the e-mail', async () => {
    hook.answer(500);
    articles = 5;
    await crawl();
    await until(() => mailCount(5) === 1);
    await until(async () =>
      (await rt.store.alertDeliveries(EVENT)).some(
        (d) => d.channel === 'webhook' && d.status === 'failed',
      ),
    );
    expect(hookCount(5)).toBe(0);
    const failed = (await rt.store.alertDeliveries(EVENT)).filter((d) => d.status === 'failed');
    expect(failed).toHaveLength(1);
    expect(failed[0]?.lastError).toMatch(/^MW_ERR_ALERT_WEBHOOK: webhook answered HTTP 500/);

    // The receiver heals; no new coverage arrives: the scheduled alerts tick sends it.
    hook.answer(200);
    const { prefix } = rt.config.settings.redis;
    const queue = new Queue(ALERTS_QUEUE, { connection: rt.redis, prefix });
    const worker = new Worker(ALERTS_QUEUE, alertsProcessor(rt), {
      connection: rt.redis,
      prefix,
    });
    // Ticks run on this worker or on the runtime's own alerts worker: count both.
    let ticks = 0;
    const tick = (): void => void ticks++;
    const tickers = [worker, ...rt.workers.filter((w) => w.name === ALERTS_QUEUE)];
    for (const w of tickers) w.on('completed', tick);
    try {
      await upsertAlertSchedule(queue, 200);
      await until(() => hookCount(5) === 1);
      // A few more ticks send nothing again: counted, not slept for (a fixed 600 ms saw fewer
      // ticks, or none, on a loaded machine).
      const sent = ticks;
      await until(() => ticks >= sent + 3);
    } finally {
      for (const w of tickers) w.off('completed', tick);
      await worker.close();
      await queue.obliterate({ force: true });
      await queue.close();
    }
    expect([1, 2, 3, 4, 5].map(hookCount)).toEqual([1, 1, 1, 1, 1]);
    expect([1, 2, 3, 4, 5].map(mailCount)).toEqual([1, 1, 1, 1, 1]);
    expect((await rt.store.alertDeliveries(EVENT)).every((d) => d.status === 'sent')).toBe(true);
    expect(logs.join('')).toContain('"msg":"alert tick"');
  });

  it('never logs the SMTP password or the webhook token', () => {
    const all = logs.join('');
    expect(all).toContain('alert sent');
    expect(all).not.toContain(PASSWORD);
    expect(all).not.toContain('secret-token');
  });
});
