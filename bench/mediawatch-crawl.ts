// Child process of `npm run bench`: crawls the simulator's 'bench' outlet end to end through the
// real pipeline (BullMQ on Redis, robots.txt, the Redis rate limiter and host slots, undici or
// Chromium, htmlparser2, extractor, matcher, SQLite, ledger) and prints one JSON line of
// results. With --workers W it also starts W-1 worker processes of its own (this script with
// --serve) on the same config, Redis prefix and database: the whole machine, the way
// `mediawatch worker` runs on several cores; the outlet's rateLimit.maxConcurrent keeps the
// requests in flight at --concurrency in total, whatever the number of processes.
// Usage: node dist/bench/mediawatch-crawl.js --origin URL [--pages N] [--concurrency C]
//          [--fetch http|browser|auto] [--workers W] [--browser-pages P] [--extract-threads T]
//          [--events N]  (N−1 copies of the shipped event under other ids: N events per article)
//        node dist/bench/mediawatch-crawl.js --serve CONFIG_DIR   (a worker process)
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Redis } from 'ioredis';
import { parse, stringify } from 'yaml';
import { loadConfig } from '../src/config/load.js';
import { packageRoot } from '../src/config/paths.js';
import { createLogger } from '../src/log.js';
import { enqueueCrawl, waitForCrawl } from '../jobs/crawl.js';
import { obliterateAll } from '../jobs/queues.js';
import { openRuntime } from '../app/runtime.js';
import Database from 'better-sqlite3';

const { values } = parseArgs({
  options: {
    origin: { type: 'string' },
    pages: { type: 'string', default: '2000' },
    concurrency: { type: 'string', default: '16' },
    fetch: { type: 'string', default: 'http' },
    workers: { type: 'string', default: '1' },
    'browser-pages': { type: 'string', default: '4' },
    'extract-threads': { type: 'string', default: '0' },
    events: { type: 'string', default: '1' },
    serve: { type: 'string' },
  },
});
const log = createLogger({ level: 'warn', pretty: false });
const peakRssMB = (): number => Math.round(process.resourceUsage().maxRSS / 1024);

// Where the memory goes: process.memoryUsage() sampled every 100 ms, the peak of each part (MB).
const memPeak = { rss: 0, heapTotal: 0, heapUsed: 0, external: 0, arrayBuffers: 0 };
const sampleMemory = (): void => {
  const m = process.memoryUsage();
  for (const k of Object.keys(memPeak) as Array<keyof typeof memPeak>) {
    memPeak[k] = Math.max(memPeak[k], Math.round(m[k] / 2 ** 20));
  }
};
setInterval(sampleMemory, 100).unref();

if (values.serve !== undefined) {
  // A worker process: work until SIGTERM, then print its peak RSS.
  const { close } = await openRuntime(loadConfig(values.serve), log, { work: true });
  process.stdout.write('ready\n');
  await new Promise<void>((resolve) => process.once('SIGTERM', () => resolve()));
  await close();
  sampleMemory();
  process.stdout.write(`${JSON.stringify({ peakRssMB: peakRssMB(), memPeakMB: memPeak })}\n`);
  process.exit(0);
}

const origin = values.origin;
if (!origin) throw new Error('usage: mediawatch-crawl --origin URL [--pages N] …');
const pages = Number(values.pages);
const concurrency = Number(values.concurrency);
const fetchMode = values.fetch === 'browser' || values.fetch === 'auto' ? values.fetch : 'http';
const workers = Math.max(1, Number(values.workers));

const dir = mkdtempSync(join(tmpdir(), 'mw-bench-'));
mkdirSync(join(dir, 'outlets'));
cpSync(join(packageRoot(), 'config', 'events'), join(dir, 'events'), { recursive: true });
// A deployment follows many stories: --events N matches every article against N events (the
// shipped one and N−1 copies under other ids; the same window and query, so the same work each).
const shipped = parse(readFileSync(join(dir, 'events', 'vilvoorde-2024.yaml'), 'utf8')) as object;
for (let i = 2; i <= Number(values.events); i++) {
  writeFileSync(
    join(dir, 'events', `bench-event-${i}.yaml`),
    stringify({ ...shipped, id: `bench-event-${i}`, name: `Bench event ${i}` }),
  );
}
writeFileSync(
  join(dir, 'mediawatch.yaml'),
  stringify({
    redis: { prefix: `mw-bench-${process.pid}` },
    database: { url: join(dir, 'bench.db') },
    worker: {
      concurrency: { discover: 1, article: concurrency, summarize: 1 },
      extractThreads: Number(values['extract-threads']),
    },
    browser: { pages: Number(values['browser-pages']) },
    // The simulator is on loopback: only its own host may resolve to a private address.
    network: { allowPrivateHosts: [new URL(origin).hostname] },
    log: { level: 'warn' },
  }),
);
writeFileSync(
  join(dir, 'outlets', 'bench.yaml'),
  stringify({
    id: 'bench',
    name: 'bench',
    baseUrl: origin,
    languages: ['fr', 'nl', 'en'],
    fetch: fetchMode,
    rateLimit: { requestsPerSecond: 1000, maxConcurrent: concurrency },
    discovery: { sitemaps: ['/sitemap.xml'], pages: [], maxUrls: pages },
  }),
);

interface HelperResult {
  peakRssMB: number;
  memPeakMB: typeof memPeak;
}
const helperMem: Array<typeof memPeak> = [];

/** Starts one worker process on the config; resolves once its workers run. */
function startWorker(): Promise<{ proc: ChildProcess; done: Promise<number | null> }> {
  // The same Node flags as this process (heap sizes: bench/run.ts passes none by default).
  const args = [...process.execArgv, fileURLToPath(import.meta.url), '--serve', dir];
  const proc = spawn(process.execPath, args, {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  const done = new Promise<number | null>((resolve) =>
    proc.on('exit', () => {
      const last = out.trim().split('\n').at(-1) ?? '';
      const parsed = last.startsWith('{') ? (JSON.parse(last) as HelperResult) : null;
      if (parsed) helperMem.push(parsed.memPeakMB);
      resolve(parsed ? parsed.peakRssMB : null);
    }),
  );
  return new Promise((resolve, reject) => {
    proc.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('ready\n')) resolve({ proc, done });
    });
    proc.once('exit', (code) => reject(new Error(`bench worker exited ${code} before ready`)));
  });
}

/** Stored articles the browser rendered (in `auto`: those whose static HTML had no article). */
function renderedPages(): number {
  const db = new Database(join(dir, 'bench.db'), { readonly: true });
  try {
    const row = db
      .prepare("SELECT count(*) AS n FROM articles WHERE fetch_mode = 'browser'")
      .get() as { n: number };
    return row.n;
  } finally {
    db.close();
  }
}

const config = loadConfig(dir);
const { rt, close } = await openRuntime(config, log, { work: true });
const helpers = await Promise.all(Array.from({ length: workers - 1 }, () => startWorker()));
let results: Record<string, unknown> = {};
try {
  const start = performance.now();
  const runId = await enqueueCrawl(rt, { outletIds: ['bench'], eventIds: [] });
  const counts = await waitForCrawl(rt, runId, () => undefined, 100);
  const seconds = (performance.now() - start) / 1000;
  const processed = counts.stored + counts.skipped + counts.failed;
  results = {
    fetch: fetchMode,
    workers,
    pages,
    concurrency,
    processed,
    stored: counts.stored,
    skipped: counts.skipped,
    failed: counts.failed,
    seconds: Number(seconds.toFixed(2)),
    pagesPerSecond: Number((processed / seconds).toFixed(1)),
    stageMs: rt.net.timings.toJSON(),
    rendered: renderedPages(),
  };
} finally {
  for (const h of helpers) h.proc.kill('SIGTERM');
  const helperRss = await Promise.all(helpers.map((h) => h.done));
  results.workersPeakRssMB = [peakRssMB(), ...helperRss];
  results.peakRssMB = Math.max(peakRssMB(), ...helperRss.map((r) => r ?? 0));
  sampleMemory();
  results.memPeakMB = [memPeak, ...helperMem];
  // Workers first (a job still finishing would find its keys gone), then the bench's keys.
  const redisUrl = rt.config.settings.redis.url;
  await close();
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1, lazyConnect: true });
  await redis
    .connect()
    .then(() => obliterateAll(redis, config.settings.redis.prefix))
    .catch(() => undefined); // a private redis-server is gone with the runtime, keys and all
  redis.disconnect();
  rmSync(dir, { recursive: true, force: true });
}
process.stdout.write(`${JSON.stringify(results)}\n`);
