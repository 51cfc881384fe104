// Three hosts crawling together, to watch: `npm run build && npx tsx scripts/three-hosts.ts`.
// Each host is a folder of its own (its working directory and its own copy of the config
// folder) running `mediawatch worker`; they share nothing but the Redis and PostgreSQL URLs.
// An operator enqueues one crawl of the outlet simulator (its four outlets and N generated
// pages), prints what each host does, SIGKILLs host-b mid-crawl (the others take its jobs back
// once their locks expire), then checks the ledger and prints the final counts.
// Options: --pages N (generated pages, default 300)  --rps R (each outlet's pace, default 10)
//          --no-kill  --database postgres://… (default TEST_DATABASE_URL, else
//          postgres://postgres@127.0.0.1:5432/test; a fresh schema, dropped at the end)
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { openRuntime } from '../app/runtime.js';
import { enqueueCrawl, waitForCrawl } from '../jobs/crawl.js';
import { obliterateAll } from '../jobs/queues.js';
import { loadConfig } from '../src/config/load.js';
import { packageRoot } from '../src/config/paths.js';
import { createLogger } from '../src/log.js';
import { startSimulator } from '../src/sim/index.js';
import {
  startHost,
  until,
  untilRunning,
  writeHostFolders,
  type Host,
  type LogRecord,
} from './lib/hosts.js';

const { values } = parseArgs({
  options: {
    pages: { type: 'string', default: '300' },
    rps: { type: 'string', default: '10' },
    kill: { type: 'boolean', default: true },
    'no-kill': { type: 'boolean', default: false },
    database: {
      type: 'string',
      default: process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
    },
  },
});
const pages = Number(values.pages);
const rps = Number(values.rps);
const kill = values.kill && !values['no-kill'];
const root = packageRoot();
const EVENT = 'vilvoorde-2024';
const started = Date.now();
const clock = (): string => `${((Date.now() - started) / 1000).toFixed(1).padStart(5)}s`;
const say = (line: string): void => void process.stdout.write(`${clock()}  ${line}\n`);

// A fresh schema of the server, so that the run starts empty and leaves nothing behind.
const schema = `mw_hosts_${randomUUID().replaceAll('-', '').slice(0, 10)}`;
const databaseUrl = new URL(values.database);
databaseUrl.searchParams.set('schema', schema);
const admin = new pg.Client({ connectionString: values.database, connectionTimeoutMillis: 3_000 });
try {
  await admin.connect();
} catch (err) {
  process.stderr.write(
    `PostgreSQL does not answer at ${values.database} (${(err as Error).message}): start it, or pass --database\n`,
  );
  process.exit(2);
}

const dir = mkdtempSync(join(tmpdir(), 'mw-three-hosts-'));
const sim = await startSimulator({ generated: pages });
const prefix = `mw-hosts-${randomUUID().slice(0, 8)}`;
const names = ['host-a', 'host-b', 'host-c'];
const folders = writeHostFolders({
  root,
  dir,
  names: [...names, 'operator'],
  origins: sim.origins,
  generated: pages,
  databaseUrl: databaseUrl.toString(),
  redisPrefix: prefix,
  requestsPerSecond: rps,
  // A killed host's jobs are back in the queue within seconds (defaults: 30 s and 30 s).
  settings: { worker: { lockMs: 5_000, stalledCheckMs: 1_000 } },
});
say(
  `simulator: ${Object.keys(sim.origins).length} outlets (${pages} generated pages), ${rps} requests/s each`,
);
say(`database: PostgreSQL schema ${schema}; Redis prefix ${prefix}`);

// What each host does, as its log says it.
const done = new Map<string, number>(names.map((n) => [n, 0]));
/** URL → the hosts that recorded it ('article done'): more than one means it was fetched again. */
const doneUrls = new Map<string, string[]>();
const show = (name: string) => (r: LogRecord) => {
  const tag = `[${name}]`;
  if (r.msg === 'article done') {
    done.set(name, (done.get(name) ?? 0) + 1);
    doneUrls.set(String(r.url), [...(doneUrls.get(String(r.url)) ?? []), name]);
  } else if (r.msg?.startsWith('workers running'))
    say(`${tag} workers running (pid ${String(r.pid)})`);
  else if (r.msg === 'discovery done')
    say(
      `${tag} discovered ${String(r.outlet)}: ${String(r.found)} URLs, ${String(r.enqueued)} enqueued`,
    );
  else if (r.msg?.startsWith('job stalled'))
    say(
      `${tag} took back ${String(r.queue)} job ${String(r.jobId)} of a dead worker (stalled check)`,
    );
  else if (r.msg?.startsWith('shutting down')) say(`${tag} shutting down (${String(r.signal)})`);
  else if (typeof r.level === 'number' && r.level >= 40)
    say(
      `${tag} ${r.level >= 50 ? 'ERROR' : 'WARN'}: ${r.msg ?? ''} ${JSON.stringify({ ...r, level: undefined, time: undefined, pid: undefined, hostname: undefined, msg: undefined })}`,
    );
};
const hosts: Host[] = names.map((name, i) => {
  const h = startHost({
    root,
    name,
    dir: folders[i]!,
    // debug: each stored article is logged ('article done'), counted per host below.
    env: { ...process.env, LOG_LEVEL: 'debug' },
    onLog: show(name),
  });
  say(`[${name}] started: cwd ${h.dir}, config ${join(h.dir, 'config')}`);
  return h;
});

const config = loadConfig(join(folders[3]!, 'config'));
// The operator's own warnings (e.g. URLs it enqueues again) go through the same printer.
const operatorLog = new Writable({
  write(chunk: Buffer, _enc, next): void {
    for (const line of chunk.toString().split('\n'))
      if (line.trim()) show('operator')(JSON.parse(line) as LogRecord);
    next();
  },
});
const operator = await openRuntime(
  config,
  createLogger({ level: 'warn', pretty: false, destination: operatorLog }),
  { work: false },
);
const { rt } = operator;
let exitCode = 0;
try {
  await untilRunning(hosts);
  const runId = await enqueueCrawl(rt, {
    outletIds: config.outlets.map((o) => o.id),
    eventIds: [],
  });
  say(`[operator] enqueued crawl ${runId} of ${config.outlets.map((o) => o.id).join(', ')}`);
  const perHost = (): string => names.map((n) => `${n} ${done.get(n)}`).join(', ');

  let last = 0;
  const progress = (c: { discovered: number; stored: number; pending: number }): void => {
    if (Date.now() - last < 2_000) return;
    last = Date.now();
    say(
      `[operator] discovered ${c.discovered}, stored ${c.stored}, pending ${c.pending} | articles done: ${perHost()}`,
    );
  };
  if (kill) {
    const victim = hosts[1]!;
    const threshold = Math.max(10, Math.round(pages / 5));
    await until(
      async () => {
        const c = await rt.store.runCounts(runId);
        progress(c);
        return (
          c.stored >= threshold &&
          (await rt.queues.article.getJobs(['active'])).some(
            (j) => j?.processedBy === victim.workerName,
          )
        );
      },
      `${threshold} articles stored and host-b holding article jobs`,
      { deadlineMs: 600_000, everyMs: 200 },
    );
    victim.proc.kill('SIGKILL');
    await victim.exit;
    const held = (await rt.queues.article.getJobs(['active'])).filter(
      (j) => j?.processedBy === victim.workerName,
    );
    say(
      `[operator] SIGKILL host-b (pid ${victim.pid}): it held ${held.length} active article jobs (${held
        .map((j) =>
          new URL((j.data as { url: string }).url).pathname.split('/').slice(0, 3).join('/'),
        )
        .join(', ')}); the others take them back once their 5 s locks expire`,
    );
  }
  // No reconciling while waiting (it would enqueue again pending URLs without a job): what the
  // killed host held comes back through BullMQ's stalled check alone.
  const outcome = await waitForCrawl(rt, runId, progress, 250, { reconcileEveryMs: 86_400_000 });
  say(
    `[operator] crawl done: ${JSON.stringify({ ...outcome, unfinished: outcome.unfinished.length })}`,
  );

  // The checks hosts.test.ts makes, printed.
  const ledger = await rt.store.ledger({ runId });
  const articles = await rt.store.articles();
  const mentions = await rt.store.mentions(EVENT);
  const checks: Array<[string, boolean]> = [
    ['no URL pending', outcome.pending === 0],
    [
      'each discovered URL once in the ledger',
      new Set(ledger.map((r) => r.url)).size === ledger.length,
    ],
    [
      'each article once (by canonical URL)',
      new Set(articles.map((a) => a.url)).size === articles.length,
    ],
    ['each mention once', new Set(mentions.map((m) => m.article.id)).size === mentions.length],
  ];
  process.stdout.write('\nfinal counts\n');
  process.stdout.write(
    `  ledger: ${ledger.length} URLs: ${['stored', 'skipped', 'failed', 'pending'].map((s) => `${s} ${ledger.filter((r) => r.status === s).length}`).join(', ')}\n`,
  );
  process.stdout.write(`  articles ${articles.length}, mentions of ${EVENT} ${mentions.length}\n`);
  process.stdout.write(`  articles done per host: ${perHost()}\n`);
  const fetches = new Map<string, number>();
  for (const r of sim.requests())
    if (r.outlet === 'bench' && r.path.startsWith('/news/'))
      fetches.set(r.path, (fetches.get(r.path) ?? 0) + 1);
  const twice = [...fetches]
    .filter(([, n]) => n > 1)
    .map(([p]) => p.split('/').slice(0, 3).join('/'));
  process.stdout.write(
    `  generated pages fetched: ${fetches.size} of ${pages}; more than once: ${twice.length} ${twice.length ? `(${twice.join(', ')}: jobs the killed host held)` : ''}\n`,
  );
  const again = [...doneUrls].filter(([, by]) => by.length > 1);
  process.stdout.write(
    `  URLs recorded more than once (same article, rewritten): ${again.length}${again.map(([u, by]) => `\n    ${u} by ${by.join(', ')}`).join('')}\n`,
  );
  // Politeness as the simulator saw it: the most requests one outlet got within any second.
  for (const [outlet] of Object.entries(sim.origins)) {
    const times = sim
      .requests()
      .filter((r) => r.outlet === outlet && !/^\/(api|static|assets)\//.test(r.path))
      .map((r) => r.at)
      .sort((x, y) => x - y);
    let most = 0;
    for (let i = 0, j = 0; j < times.length; j++) {
      while (times[j]! - times[i]! >= 1000) i++;
      most = Math.max(most, j - i + 1);
    }
    process.stdout.write(
      `  ${outlet}: ${times.length} requests, at most ${most} within one second (pace ${rps}/s)\n`,
    );
  }
  for (const [what, ok] of checks) {
    process.stdout.write(`  ${ok ? 'ok  ' : 'FAIL'} ${what}\n`);
    if (!ok) exitCode = 1;
  }
  process.stdout.write('\n');
  for (const h of hosts.filter((x) => x.running())) h.proc.kill('SIGTERM');
  for (const h of hosts) {
    const end = await h.exit;
    say(`[${h.name}] ended: ${end.signal ? `killed by ${end.signal}` : `exit code ${end.code}`}`);
  }
} finally {
  for (const h of hosts) if (h.running()) h.proc.kill('SIGKILL');
  await obliterateAll(rt.redis, prefix);
  await operator.close();
  await sim.close();
  await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await admin.end();
  rmSync(dir, { recursive: true, force: true });
}
process.exit(exitCode);
