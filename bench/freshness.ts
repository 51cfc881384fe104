// The freshness part of `npm run bench` (`--only freshness`, issue 11 item 6): how long an
// article takes from its appearance on an outlet to its stored mention, with `mediawatch start`
// running as a real process (its default schedule machinery: one BullMQ job scheduler per
// outlet whose interval adapts to the outlet's yield, src/crawl/adaptive-interval.ts).
//
// The simulator's bench outlet publishes a generated article every K seconds (SimOptions.live),
// listed at once in its news sitemap and RSS feed and dated when it appeared. An event whose
// window is today and whose query names the generated places matches every one of them. Each
// article's latency = the mention's matched_at − the moment it appeared, split into the wait for
// discovery (ledger discovered_at − appeared) and the pipeline (matched_at − discovered_at).
// Articles that appeared before mediawatch's first request to the outlet, or after publishing
// stopped (--seconds), are left out; after --seconds it waits for the last ones (a bounded
// drain), then stops `start` with SIGTERM.
//
// Schedule: `default` (the default here) runs the settings' defaults (src/config/schema.ts:
// first interval 2 minutes, then 1..4); `short` divides them by 10, passed as settings, and
// estimates the default schedule's latency per article as 10 × wait + pipeline (the wait for
// discovery scales with the interval, the pipeline does not).
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync, existsSync, readFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Redis } from 'ioredis';
import { stringify } from 'yaml';
import { obliterateAll } from '../jobs/queues.js';
import { settingsSchema } from '../src/config/schema.js';
import { LEXICON } from '../src/sim/generated/words.js';
import { startSimulator } from '../src/sim/index.js';

export interface FreshnessOptions {
  root: string;
  /** How long the outlet publishes, seconds. */
  seconds: number;
  /** One article every … seconds. */
  everySeconds: number;
  schedule: 'short' | 'default';
}

const SCALE = 10;
const DEFAULT = settingsSchema.parse({}).schedule;
const SHORT = {
  everyMinutes: DEFAULT.everyMinutes / SCALE,
  minMinutes: DEFAULT.minMinutes / SCALE,
  maxMinutes: DEFAULT.maxMinutes / SCALE,
};

const day = (offsetDays: number): string =>
  new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

/** Every place the generated articles are about (each title starts with one). */
function placesQuery(): string {
  const places = new Set<string>();
  for (const lex of Object.values(LEXICON)) for (const p of lex.places) places.add(p);
  return [...places].map((p) => `"${p}"`).join(' OR ');
}

function percentile(xs: number[], p: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}

const fmt = (ms: number): string =>
  Number.isNaN(ms)
    ? '—'
    : ms >= 60_000
      ? `${(ms / 60_000).toFixed(2)} min`
      : `${(ms / 1000).toFixed(1)} s`;

interface Seen {
  discoveredAt: number;
  matchedAt: number;
}

export async function runFreshnessPart(opts: FreshnessOptions): Promise<string> {
  const schedule = opts.schedule === 'default' ? DEFAULT : SHORT;
  const dir = mkdtempSync(join(tmpdir(), 'mw-bench-fresh-'));
  const prefix = `mw-fresh-${process.pid}`;
  const sim = await startSimulator({ generated: 5, live: { everySeconds: opts.everySeconds } });
  const origin = sim.origins.bench!;
  const dbFile = join(dir, 'fresh.db');
  mkdirSync(join(dir, 'outlets'));
  mkdirSync(join(dir, 'events'));
  writeFileSync(
    join(dir, 'mediawatch.yaml'),
    stringify({
      redis: { prefix },
      database: { url: dbFile },
      network: { allowPrivateHosts: [new URL(origin).hostname] },
      schedule,
      log: { level: 'info' },
    }),
  );
  writeFileSync(
    join(dir, 'outlets', 'live.yaml'),
    stringify({
      id: 'live',
      name: 'Live desk',
      baseUrl: origin,
      languages: ['fr', 'nl', 'en'],
      fetch: 'http',
      rateLimit: { requestsPerSecond: 20 },
      discovery: { sitemaps: ['/sitemap.xml'], feeds: ['/feed.xml'], pages: [] },
    }),
  );
  writeFileSync(
    join(dir, 'events', 'freshness.yaml'),
    stringify({
      id: 'freshness',
      name: 'Anything the live desk publishes today',
      window: { from: day(-1), to: day(1) },
      query: placesQuery(),
    }),
  );

  const logFile = join(dir, 'start.log');
  const loadAtStart = loadavg();
  const spawnedAt = Date.now();
  const proc = spawn(process.execPath, ['bin/mediawatch.js', '--config', dir, 'start'], {
    cwd: opts.root,
    stdio: ['ignore', 'pipe', 'pipe'],
    // The web app is not part of freshness, and port 8080 may be taken.
    env: { ...process.env, WEB_PORT: 'off' },
  });
  let log = '';
  proc.stdout.on('data', (d: Buffer) => (log += d.toString()));
  proc.stderr.on('data', (d: Buffer) => (log += d.toString()));
  let exited = false;
  proc.on('exit', () => (exited = true));
  const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

  const seen = new Map<string, Seen>();
  const poll = (): void => {
    if (!existsSync(dbFile)) return;
    let db: Database.Database | undefined;
    try {
      db = new Database(dbFile, { readonly: true, fileMustExist: true });
      const rows = db
        .prepare(
          `SELECT l.url AS url, l.discovered_at AS discovered, m.matched_at AS matched
           FROM ledger l JOIN mentions m ON m.article_id = l.article_id AND m.event_id = 'freshness'
           WHERE l.outlet_id = 'live'`,
        )
        .all() as Array<{ url: string; discovered: string; matched: string }>;
      for (const r of rows) {
        const path = new URL(r.url).pathname;
        if (!seen.has(path))
          seen.set(path, {
            discoveredAt: Date.parse(r.discovered),
            matchedAt: Date.parse(r.matched),
          });
      }
    } catch {
      // not migrated yet, or busy: next time
    } finally {
      db?.close();
    }
  };

  let readyAt: number | undefined;
  const publishEnd = spawnedAt + opts.seconds * 1000;
  const drainMs = schedule.maxMinutes * 60_000 + 60_000;
  const measured = (): Array<{ url: string; appearedAt: number }> =>
    sim
      .published()
      .filter(
        (p) => readyAt !== undefined && p.appearedAt >= readyAt && p.appearedAt <= publishEnd,
      );
  process.stderr.write(
    `freshness: mediawatch start on an outlet publishing every ${opts.everySeconds} s for ${opts.seconds} s (schedule ${opts.schedule}: ${JSON.stringify(schedule)}) …\n`,
  );
  try {
    for (;;) {
      await sleep(1000);
      if (exited) throw new Error(`mediawatch start exited early:\n${log.slice(-3000)}`);
      readyAt ??= sim.requests().find((r) => r.outlet === 'bench')?.at;
      poll();
      const now = Date.now();
      if (now < publishEnd) continue;
      const waiting = measured().filter((p) => !seen.has(new URL(p.url).pathname));
      if (waiting.length === 0 || now > publishEnd + drainMs) break;
    }
  } finally {
    proc.kill('SIGTERM');
    const deadline = Date.now() + 30_000;
    while (!exited && Date.now() < deadline) await sleep(200);
    if (!exited) proc.kill('SIGKILL');
    writeFileSync(logFile, log);
    await sim.close();
    const redis = new Redis(process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379', {
      maxRetriesPerRequest: 1,
    });
    await obliterateAll(redis, prefix).catch(() => undefined);
    redis.disconnect();
  }
  poll();

  const rows = measured().map((p) => {
    const s = seen.get(new URL(p.url).pathname);
    return s
      ? {
          total: s.matchedAt - p.appearedAt,
          wait: s.discoveredAt - p.appearedAt,
          pipeline: s.matchedAt - s.discoveredAt,
        }
      : undefined;
  });
  const done = rows.filter((r) => r !== undefined);
  const missing = rows.length - done.length;
  const col = (k: 'total' | 'wait' | 'pipeline'): number[] => done.map((r) => r[k]);
  const estimate = done.map((r) => (opts.schedule === 'short' ? SCALE : 1) * r.wait + r.pipeline);
  const intervals = [
    ...log.matchAll(/"everyMinutes":([\d.]+)[^\n]*discovery interval adapted/g),
  ].map((m) => Number(m[1]));
  const startLog = existsSync(logFile) ? readFileSync(logFile, 'utf8') : '';
  rmSync(dir, { recursive: true, force: true });
  const p95total = percentile(estimate, 95);
  return [
    `mediawatch start (real process, SQLite, Redis) on one outlet publishing an article every ${opts.everySeconds} s for ${opts.seconds} s; schedule ${opts.schedule === 'short' ? `the default divided by ${SCALE}, passed as settings` : 'the default'}: ${JSON.stringify(schedule)}. Load average at start ${loadAtStart.map((l) => l.toFixed(2)).join(' ')}, at end ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}.`,
    `Articles measured: ${done.length} (appeared after mediawatch's first request, before publishing stopped)${missing > 0 ? `; ${missing} not stored by the end of the drain` : ''}. Discovery intervals seen (minutes): ${intervals.length > 0 ? intervals.join(', ') : '—'}.`,
    '',
    '| from appearance to … | p50 | p95 | max |',
    '|---|---|---|---|',
    `| discovered (ledger), waiting for the schedule | ${fmt(percentile(col('wait'), 50))} | ${fmt(percentile(col('wait'), 95))} | ${fmt(Math.max(...col('wait')))} |`,
    `| … then stored with its mention (pipeline) | ${fmt(percentile(col('pipeline'), 50))} | ${fmt(percentile(col('pipeline'), 95))} | ${fmt(Math.max(...col('pipeline')))} |`,
    `| stored mention, measured | ${fmt(percentile(col('total'), 50))} | ${fmt(percentile(col('total'), 95))} | ${fmt(Math.max(...col('total')))} |`,
    ...(opts.schedule === 'short'
      ? [
          `| stored mention, default schedule (estimate: ${SCALE} × wait + pipeline) | ${fmt(percentile(estimate, 50))} | ${fmt(p95total)} | ${fmt(Math.max(...estimate))} |`,
        ]
      : []),
    '',
    `Goal (issue 11): p95 under 5 minutes with the default schedule: ${Number.isNaN(p95total) ? 'no data' : p95total < 300_000 ? 'met' : 'NOT met'}${opts.schedule === 'short' ? ' (estimated)' : ''}.`,
    ...(done.length === 0
      ? [
          '',
          'No article was measured; the end of start’s log:',
          '```',
          startLog.slice(-2000),
          '```',
        ]
      : []),
    '',
  ].join('\n');
}
