// The scale part of `npm run bench` (issue 10, item 7): pages per second with 1, 2 and 4
// `mediawatch worker` processes (the real CLI, each in a folder of its own as a host would run
// it: scripts/lib/hosts.ts), on SQLite and on PostgreSQL, all on the same generated pages of
// one simulator. Each process runs `worker.concurrency.article` C jobs; the bench outlet allows
// 1000 requests/s and 64 in flight, so its politeness limits are not what is measured.
//
// Measured per run, from the moment the crawl is enqueued (workers already started) until no URL
// is pending: pages stored per second; each worker's CPU time (/proc/PID/stat) and peak RSS
// (VmHWM of /proc/PID/status, read before it stops); the machine's busy CPU share (/proc/stat);
// the CPU time of redis-server (INFO cpu), of PostgreSQL's processes and of this process (the
// simulator and the operator); and the pipeline's time per stage summed over the workers (from
// their /metrics: mediawatch_stage_duration_seconds), where a store that makes writers wait
// shows up as store time.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, totalmem, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { DEFAULT_POSTGRES_URL, dropSchema, freshSchema, postgresAnswers } from './postgres.js';
import { openRuntime } from '../app/runtime.js';
import { enqueueCrawl, waitForCrawl } from '../jobs/crawl.js';
import { obliterateAll } from '../jobs/queues.js';
import { startHost, untilRunning, writeHostFolders, type Host } from '../scripts/lib/hosts.js';
import { loadConfig } from '../src/config/load.js';
import { createLogger } from '../src/log.js';
import { startSimulator } from '../src/sim/index.js';

export interface ScaleOptions {
  root: string;
  pages: number;
  /** Article jobs per worker process. */
  concurrency: number;
  /** Rounds over every configuration (default 2): the table keeps each one's best. */
  rounds?: number;
  /** Worker process counts to run (default 1, 2, 4). */
  processes?: number[];
  /** PostgreSQL server for the PostgreSQL runs (a fresh schema each, dropped after). */
  postgresUrl?: string;
}

interface ScaleRow {
  store: 'SQLite' | 'PostgreSQL';
  processes: number;
  stored: number;
  seconds: number;
  pagesPerSecond: number;
  /** Per worker process: CPU seconds during the crawl and peak RSS (MB). */
  workers: Array<{ cpuS: number; peakMB: number }>;
  /** Share of the machine's CPU time that was busy during the crawl (0..1), whoever used it. */
  machineBusy: number;
  /** 1-minute load average at the end of the crawl (other jobs on the machine show here). */
  load: number;
  redisCpuS: number;
  postgresCpuS: number;
  /** This process: the simulator serving pages, and the operator waiting for the crawl. */
  simCpuS: number;
  /** Summed over every worker's jobs, ms per stored page, by stage. */
  stageMsPerPage: Record<string, number>;
}

const TICK = 100; // clock ticks per second (USER_HZ) on Linux
const say = (s: string): void => void process.stderr.write(`${s}\n`);

function procCpuS(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) / TICK;
  } catch {
    return 0;
  }
}

function peakRssMB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = /^VmHWM:\s+(\d+) kB/m.exec(status)?.[1];
  return Math.round(Number(kb ?? 0) / 1024);
}

/** Busy and total jiffies of the whole machine. */
function machineCpu(): { busy: number; total: number } {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0]!;
  const v = line.trim().split(/\s+/).slice(1).map(Number);
  const idle = (v[3] ?? 0) + (v[4] ?? 0);
  const total = v.reduce((a, b) => a + b, 0);
  return { busy: total - idle, total };
}

/** CPU seconds of every process whose command is `postgres` (the server and its backends). */
function postgresCpuS(): number {
  let sum = 0;
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      if (readFileSync(`/proc/${name}/comm`, 'utf8').trim() === 'postgres')
        sum += procCpuS(Number(name));
    } catch {
      // ended while we read
    }
  }
  return sum;
}

async function redisCpuS(rt: {
  redis: { info(section: string): Promise<string> };
}): Promise<number> {
  const info = await rt.redis.info('cpu');
  const get = (k: string): number =>
    Number(new RegExp(`^${k}:([\\d.]+)`, 'm').exec(info)?.[1] ?? 0);
  return get('used_cpu_user') + get('used_cpu_sys');
}

/** Seconds per stage (fetch, extract, match, store) summed over a worker's jobs, from /metrics. */
async function stageSums(host: Host): Promise<Map<string, number>> {
  const url = host.logs.find((r) => r.msg === 'ops endpoints listening')?.url;
  const out = new Map<string, number>();
  if (typeof url !== 'string') return out;
  const text = await (await fetch(`${url.replace(/\/$/, '')}/metrics`)).text();
  for (const m of text.matchAll(
    /^mediawatch_(stage|fetch)_duration_seconds_sum\{(?:stage|mode)="([^"]+)"\} ([\d.e+-]+)$/gm,
  )) {
    const stage = m[1] === 'fetch' ? (m[2] === 'http' ? 'fetch' : 'render') : m[2]!;
    out.set(stage, (out.get(stage) ?? 0) + Number(m[3]));
  }
  return out;
}

async function runOnce(
  opts: ScaleOptions,
  origin: string,
  store: ScaleRow['store'],
  processes: number,
): Promise<ScaleRow> {
  const dir = mkdtempSync(join(tmpdir(), 'mw-scale-'));
  const pgSchema = store === 'PostgreSQL' ? freshSchema(opts.postgresUrl!, 'scale') : null;
  const databaseUrl = pgSchema?.url ?? join(dir, 'mediawatch.db');
  const prefix = `mw-scale-${randomUUID().slice(0, 8)}`;
  const names = Array.from({ length: processes }, (_, i) => `worker-${i + 1}`);
  const folders = writeHostFolders({
    root: opts.root,
    dir,
    names: [...names, 'operator'],
    origins: { bench: origin },
    generated: opts.pages,
    databaseUrl,
    redisPrefix: prefix,
    requestsPerSecond: 1000,
    benchRateLimit: { requestsPerSecond: 1000, maxConcurrent: 64 },
    settings: {
      worker: { concurrency: { discover: 1, article: opts.concurrency, summarize: 1 } },
      // Each worker serves /metrics on a free port (its stage timings are read at the end).
      metrics: { port: 0 },
    },
  });
  const hosts = names.map((name, i) =>
    startHost({
      root: opts.root,
      name,
      dir: folders[i]!,
      env: { ...process.env, LOG_LEVEL: 'info' },
    }),
  );
  const quiet = new Writable({ write: (_c, _e, next) => next() });
  const config = loadConfig(join(folders[processes]!, 'config'));
  const operator = await openRuntime(
    config,
    createLogger({ level: 'warn', pretty: false, destination: quiet }),
    { work: false },
  );
  const { rt } = operator;
  try {
    await untilRunning(hosts);
    const cpu0 = hosts.map((h) => procCpuS(h.pid));
    const machine0 = machineCpu();
    const redis0 = await redisCpuS(rt);
    const pg0 = store === 'PostgreSQL' ? postgresCpuS() : 0;
    const self0 = process.cpuUsage();
    const t0 = performance.now();
    const runId = await enqueueCrawl(rt, { outletIds: ['bench'], eventIds: [] });
    // No reconciling while waiting (a monitoring cost of the operator, not the workers' work).
    const counts = await waitForCrawl(rt, runId, () => undefined, 100, {
      reconcileEveryMs: 86_400_000,
    });
    const seconds = (performance.now() - t0) / 1000;
    const machine1 = machineCpu();
    const self = process.cpuUsage(self0);
    const stages = new Map<string, number>();
    for (const h of hosts)
      for (const [stage, s] of await stageSums(h)) stages.set(stage, (stages.get(stage) ?? 0) + s);
    const row: ScaleRow = {
      store,
      processes,
      stored: counts.stored,
      seconds,
      pagesPerSecond: counts.stored / seconds,
      workers: hosts.map((h, i) => ({
        cpuS: procCpuS(h.pid) - cpu0[i]!,
        peakMB: peakRssMB(h.pid),
      })),
      machineBusy: (machine1.busy - machine0.busy) / Math.max(1, machine1.total - machine0.total),
      load: loadavg()[0] ?? 0,
      redisCpuS: (await redisCpuS(rt)) - redis0,
      postgresCpuS: store === 'PostgreSQL' ? postgresCpuS() - pg0 : 0,
      simCpuS: (self.user + self.system) / 1e6,
      stageMsPerPage: Object.fromEntries(
        [...stages].map(([k, s]) => [k, (s * 1000) / Math.max(1, counts.stored)]),
      ),
    };
    return row;
  } finally {
    for (const h of hosts) if (h.running()) h.proc.kill('SIGTERM');
    await Promise.all(hosts.map((h) => h.exit));
    await obliterateAll(rt.redis, prefix);
    await operator.close();
    if (pgSchema) await dropSchema(opts.postgresUrl!, pgSchema.schema);
    rmSync(dir, { recursive: true, force: true });
  }
}

const f1 = (n: number): string => n.toFixed(1);

export async function runScalePart(opts: ScaleOptions): Promise<string> {
  const counts = opts.processes ?? [1, 2, 4];
  const rounds = Math.max(1, opts.rounds ?? 2);
  const stores: ScaleRow['store'][] = ['SQLite'];
  const pgUrl = opts.postgresUrl ?? DEFAULT_POSTGRES_URL;
  const notes: string[] = [];
  if (await postgresAnswers(pgUrl)) stores.push('PostgreSQL');
  else notes.push(`PostgreSQL runs skipped: nothing answers at ${pgUrl} (set BENCH_DATABASE_URL)`);
  const sim = await startSimulator({ generated: opts.pages });
  const runs: ScaleRow[] = [];
  try {
    // Interleaved, so that load from elsewhere on the machine spreads over every configuration.
    for (let round = 1; round <= rounds; round++)
      for (const k of counts)
        for (const store of stores) {
          say(`scale ${round}/${rounds}: ${store}, ${k} worker process(es), ${opts.pages} pages …`);
          runs.push(await runOnce({ ...opts, postgresUrl: pgUrl }, sim.origins.bench!, store, k));
        }
  } finally {
    await sim.close();
  }
  // The best round of each configuration: the one least slowed by the rest of the machine.
  const of = (r: ScaleRow): ScaleRow[] =>
    runs.filter((x) => x.store === r.store && x.processes === r.processes);
  const rows = stores.flatMap((store) =>
    counts.map(
      (k) =>
        runs
          .filter((x) => x.store === store && x.processes === k)
          .sort((a, b) => b.pagesPerSecond - a.pagesPerSecond)[0]!,
    ),
  );
  const base = new Map(rows.filter((r) => r.processes === 1).map((r) => [r.store, r]));
  const cpuOf = (r: ScaleRow): number => r.workers.reduce((a, w) => a + w.cpuS, 0);
  const stageNames = ['fetch', 'extract', 'match', 'store'];
  const lines = [
    `${opts.pages} generated pages, ${opts.concurrency} article jobs per worker process, bench outlet at 1000 requests/s and 64 in flight; ${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB; best of ${rounds} interleaved rounds`,
    '',
    '| store | worker processes | pages/s (best) | each round | vs 1 process | seconds | worker CPU ms/page | our CPU share of the machine | machine CPU busy (anyone) | load avg | peak RSS per worker (MB) |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
    ...rows.map((r) => {
      const cpu = cpuOf(r);
      const b = base.get(r.store);
      // Workers, Redis, PostgreSQL, simulator and operator, over the machine's CPU time.
      const ours = (cpu + r.redisCpuS + r.postgresCpuS + r.simCpuS) / (r.seconds * cpus().length);
      return `| ${r.store} | ${r.processes} | ${f1(r.pagesPerSecond)} | ${of(r)
        .map((x) => f1(x.pagesPerSecond))
        .join(
          ', ',
        )} | ${b ? (r.pagesPerSecond / b.pagesPerSecond).toFixed(2) + '×' : '—'} | ${f1(r.seconds)} | ${f1((cpu * 1000) / Math.max(1, r.stored))} | ${Math.round(ours * 100)} % | ${Math.round(r.machineBusy * 100)} % | ${r.load.toFixed(1)} | ${r.workers.map((w) => w.peakMB).join(', ')} |`;
    }),
    '',
    'Same runs: CPU seconds during the crawl, and time per stage in ms per stored page summed over every job of every worker (fetch includes waits for the rate limiter, host leases and the event loop; store includes waits for the database and, on PostgreSQL, for the event loop between round trips):',
    '',
    `| store | worker processes | pages stored | CPU s: workers | Redis | PostgreSQL | simulator + operator | ${stageNames.join(' | ')} |`,
    `|---|---|---|---|---|---|---|${stageNames.map(() => '---').join('|')}|`,
    ...rows.map(
      (r) =>
        `| ${r.store} | ${r.processes} | ${r.stored} | ${f1(cpuOf(r))} | ${f1(r.redisCpuS)} | ${r.store === 'PostgreSQL' ? f1(r.postgresCpuS) : '—'} | ${f1(r.simCpuS)} | ${stageNames.map((x) => f1(r.stageMsPerPage[x] ?? 0)).join(' | ')} |`,
    ),
    ...notes.map((n) => `\n${n}`),
    '',
  ];
  return lines.join('\n');
}
