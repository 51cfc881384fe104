// Metrics and health on real components: a runtime started the way `mediawatch worker` starts
// it (openRuntime with the ops endpoints, metrics.port 0), BullMQ on the machine's Redis,
// SQLite, Chromium, the outlet simulator. A crawl runs, then /metrics is scraped over HTTP and
// its counters compared with the ledger; /healthz and /readyz answer; a readiness check against
// a Redis that does not answer says 503 and names redis.
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { openRuntime, type RuntimeHandle } from '../../app/runtime.js';
import { runtimeChecks, startOpsServer, type OpsServer } from '../../app/services/ops-server.js';
import { connectRedis } from '../../jobs/connection.js';
import { enqueueCrawl, waitForCrawl } from '../../jobs/crawl.js';
import { obliterateAll } from '../../jobs/queues.js';
import { loadConfig, type Config } from '../../src/config/load.js';
import { MwError } from '../../src/errors.js';
import { reasonCode } from '../../src/metrics/reason-code.js';
import { writeSimConfig } from '../../src/sim/demo-config.js';
import { startSimulator, type Simulator } from '../../src/sim/index.js';
import type { LedgerRow } from '../../src/store/index.js';
import { describeWithChromium } from '../helpers/chromium.js';
import { capturedLogger } from '../helpers/log-capture.js';
import { tmpDir } from '../helpers/tmp.js';

let sim: Simulator;
let config: Config;
let handle: RuntimeHandle;
let ops: OpsServer;
let ledger: LedgerRow[];
let logs: Array<Record<string, unknown>> = [];
const tmp = tmpDir('mw-metrics-');

/** Every sample of one metric in the exposition text, with its labels. */
function samples(
  text: string,
  name: string,
): Array<{ labels: Record<string, string>; value: number }> {
  const out: Array<{ labels: Record<string, string>; value: number }> = [];
  for (const line of text.split('\n')) {
    const m = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const labels = Object.fromEntries(
      [...(m[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((l) => [l[1], l[2]]),
    ) as Record<string, string>;
    out.push({ labels, value: Number(m[3]) });
  }
  return out;
}

async function scrape(): Promise<string> {
  const res = await fetch(`${ops.url}/metrics`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  return res.text();
}

/** A loopback port with nothing listening on it. */
async function deadPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describeWithChromium('metrics and health endpoints of a worker runtime', () => {
  beforeAll(async () => {
    sim = await startSimulator();
    writeSimConfig(
      join(import.meta.dirname, '../../config'),
      join(tmp.dir, 'config'),
      sim.origins,
      {
        databaseUrl: join(tmp.dir, 'mediawatch.db'),
        redisPrefix: `mw-test-${randomUUID().slice(0, 8)}`,
        requestsPerSecond: 50,
      },
    );
    const loaded = loadConfig(join(tmp.dir, 'config'), {
      REDIS_URL: process.env.REDIS_URL,
      CHROMIUM_PATH: process.env.CHROMIUM_PATH,
      METRICS_PORT: '0',
    });
    config = loaded;
    const captured = capturedLogger();
    logs = captured.logs;
    const log = captured.log;
    handle = await openRuntime(config, log, { work: true, ops: true });
    if (!handle.ops) throw new Error('openRuntime started no ops server with METRICS_PORT=0');
    ops = handle.ops;
    const runId = await enqueueCrawl(handle.rt, {
      outletIds: config.outlets.map((o) => o.id),
      eventIds: [],
    });
    await waitForCrawl(handle.rt, runId);
    ledger = await handle.rt.store.ledger({ runId });
  }, 240_000);

  afterAll(async () => {
    if (handle) {
      await obliterateAll(handle.rt.redis, config.settings.redis.prefix);
      await handle.close();
    }
    await sim?.close();
    tmp.cleanup();
  });

  it('listens on a free port on loopback and logs where', () => {
    expect(ops.port).toBeGreaterThan(0);
    expect(ops.url).toBe(`http://127.0.0.1:${ops.port}`);
    const line = logs.find((l) => l.msg === 'ops endpoints listening');
    expect(line?.url).toBe(ops.url);
  });

  it('counts pages per outlet, outcome and reason code as the ledger records them', async () => {
    expect(ledger.filter((r) => r.status === 'stored').length).toBeGreaterThan(0);
    expect(ledger.filter((r) => r.status === 'skipped').length).toBeGreaterThan(0);
    const expected = new Map<string, number>();
    for (const r of ledger) {
      const reason = r.status === 'stored' ? '' : reasonCode(r.reason ?? '');
      const key = `${r.outletId}|${r.status}|${reason}`;
      expected.set(key, (expected.get(key) ?? 0) + 1);
    }
    // The last job's counter follows its ledger write in the same tick; wait for it anyway.
    await vi.waitFor(
      async () => {
        const got = new Map(
          samples(await scrape(), 'mediawatch_pages_total')
            .filter((s) => s.value > 0) // the series declared at 0 for every outlet
            .map((s) => [`${s.labels.outlet}|${s.labels.outcome}|${s.labels.reason}`, s.value]),
        );
        expect(Object.fromEntries(got)).toEqual(Object.fromEntries(expected));
      },
      { timeout: 10_000, interval: 200 },
    );
    // Every outlet of the simulator yielded stored articles.
    const storedOutlets = new Set(
      ledger.filter((r) => r.status === 'stored').map((r) => r.outletId),
    );
    expect(storedOutlets.size).toBe(config.outlets.length);
  });

  it('times fetches over HTTP and in Chromium, and every job by queue', async () => {
    const text = await scrape();
    const count = (name: string, labels: Record<string, string>): number =>
      samples(text, name)
        .filter((s) => Object.entries(labels).every(([k, v]) => s.labels[k] === v))
        .reduce((sum, s) => sum + s.value, 0);
    expect(count('mediawatch_fetch_duration_seconds_count', { mode: 'http' })).toBeGreaterThan(0);
    expect(count('mediawatch_fetch_duration_seconds_count', { mode: 'browser' })).toBeGreaterThan(
      0,
    );
    expect(count('mediawatch_fetch_duration_seconds_sum', { mode: 'http' })).toBeGreaterThan(0);
    expect(count('mediawatch_fetch_duration_seconds_bucket', { mode: 'http', le: '+Inf' })).toBe(
      count('mediawatch_fetch_duration_seconds_count', { mode: 'http' }),
    );
    expect(count('mediawatch_stage_duration_seconds_count', { stage: 'extract' })).toBeGreaterThan(
      0,
    );
    await vi.waitFor(async () => {
      const t = await scrape();
      const jobs = (queue: string): number =>
        samples(t, 'mediawatch_job_duration_seconds_count')
          .filter((s) => s.labels.queue === queue && s.labels.status === 'completed')
          .reduce((sum, s) => sum + s.value, 0);
      // One discover job per outlet; one article job per URL discovery handed on.
      expect(jobs('discover')).toBe(config.outlets.length);
      expect(jobs('article')).toBeGreaterThan(0);
    });
  });

  it('reports queue depths, browser pages and the process (RSS, event-loop lag)', async () => {
    const text = await scrape();
    const queues = samples(text, 'mediawatch_queue_jobs');
    for (const queue of ['discover', 'article', 'summarize', 'alerts'])
      for (const state of ['waiting', 'active', 'delayed', 'failed'])
        expect(
          queues.find((s) => s.labels.queue === queue && s.labels.state === state),
          `${queue} ${state}`,
        ).toBeDefined();
    expect(
      queues.find((s) => s.labels.queue === 'article' && s.labels.state === 'waiting')?.value,
    ).toBe(0);
    // The RTL outlet renders in Chromium: its pages stay open for the next render.
    expect(samples(text, 'mediawatch_browser_pages_open')[0]?.value).toBeGreaterThan(0);
    expect(samples(text, 'process_resident_memory_bytes')[0]?.value).toBeGreaterThan(0);
    expect(samples(text, 'nodejs_eventloop_lag_seconds')).toHaveLength(1);
  });

  it('is alive on /healthz, ready on /readyz, and answers 404 elsewhere', async () => {
    const alive = await fetch(`${ops.url}/healthz`);
    expect(alive.status).toBe(200);
    const ready = await fetch(`${ops.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({
      ready: true,
      failed: [],
      checks: { redis: { ok: true }, database: { ok: true } },
    });
    expect((await fetch(`${ops.url}/nothing`)).status).toBe(404);
    expect((await fetch(`${ops.url}/metrics`, { method: 'POST' })).status).toBe(405);
  });

  it('is not ready, naming redis, when Redis does not answer', async () => {
    // The same checks as the runtime's, with a Redis connection (a worker's: it waits and
    // retries for ever) to a port where nothing listens.
    const redis = connectRedis(`redis://127.0.0.1:${await deadPort()}`, 'worker');
    redis.on('error', () => undefined);
    const second = await startOpsServer({
      host: '127.0.0.1',
      port: 0,
      metrics: handle.rt.metrics,
      log: handle.rt.log,
      checks: runtimeChecks({ redis, store: handle.rt.store }),
      readyTimeoutMs: 500,
    });
    try {
      const res = await fetch(`${second.url}/readyz`);
      expect(res.status).toBe(503);
      const body = (await res.json()) as {
        ready: boolean;
        failed: string[];
        checks: Record<string, { ok: boolean; error?: string }>;
      };
      expect(body.ready).toBe(false);
      expect(body.failed).toEqual(['redis']);
      expect(body.checks.database?.ok).toBe(true);
      expect(body.checks.redis?.error).toBe('no answer within 500 ms');
      // Liveness does not depend on Redis.
      expect((await fetch(`${second.url}/healthz`)).status).toBe(200);
    } finally {
      await second.close();
      redis.disconnect();
    }
  });

  it('refuses a port that is taken, with MW_ERR_METRICS_PORT', async () => {
    const taken = startOpsServer({
      host: '127.0.0.1',
      port: ops.port,
      metrics: handle.rt.metrics,
      log: handle.rt.log,
      checks: {},
    });
    await expect(taken).rejects.toBeInstanceOf(MwError);
    await expect(taken).rejects.toMatchObject({ code: 'MW_ERR_METRICS_PORT' });
  });
});
