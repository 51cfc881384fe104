// `mediawatch crawl --workers N` (the CLI, from the sources): the crawl's own process and N−1
// `mediawatch worker` processes it starts share the crawl of the simulator (its four outlets and
// a generated one) on the machine's Redis and a SQLite file.
// - the ledger of `--workers 2` is the ledger of `--workers 1`: every URL settled once, none
//   pending, none failed, the same articles stored;
// - more than one process took article jobs: the pid of each `article done` record (LOG_LEVEL
//   debug; a child's records reach the terminal prefixed with `[worker 2]`);
// - no child process is left once the command has exited;
// - a --workers that is not a whole number ≥ 1, or one given with --no-work, is refused.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { obliterateAll } from '../../jobs/queues.js';
import { writeHostFolders } from '../../scripts/lib/hosts.js';
import { startSimulator, type Simulator } from '../../src/sim/index.js';
import { openStore } from '../../src/store/index.js';
import type { LedgerRow } from '../../src/store/types.js';
import { spawnCli, waitForOutput } from '../helpers/cli.js';
import { tmpDir } from '../helpers/tmp.js';

const GENERATED = 120;
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const root = join(import.meta.dirname, '../..');
const tmp = tmpDir('mw-crawl-workers-');
let sim: Simulator;
const prefixes: string[] = [];

interface Run {
  code: number | null;
  output: string;
  pid: number;
  ledger: LedgerRow[];
  articles: string[];
}
let one: Run;
let two: Run;

/** `mediawatch --config … crawl --workers N` on a config of its own (database, Redis prefix). */
/** A config folder of its own (database, Redis prefix) pointed at the simulator. */
function configFor(name: string): { config: string; database: string } {
  const prefix = `mw-test-${randomUUID().slice(0, 8)}`;
  prefixes.push(prefix);
  const database = join(tmp.dir, `${name}.db`);
  const [dir] = writeHostFolders({
    root,
    dir: join(tmp.dir, name),
    names: ['host'],
    origins: sim.origins,
    generated: GENERATED,
    databaseUrl: database,
    redisPrefix: prefix,
    requestsPerSecond: 50,
  }) as [string];
  return { config: join(dir, 'config'), database };
}

async function crawl(workers: number): Promise<Run> {
  const { config, database } = configFor(`workers-${workers}`);
  const cli = spawnCli(['--config', config, 'crawl', '--workers', String(workers)], {
    REDIS_URL,
    LOG_LEVEL: 'debug',
  });
  const code = await cli.exit;
  const store = await openStore(database);
  try {
    return {
      code,
      output: cli.output(),
      pid: cli.proc.pid!,
      ledger: await store.ledger(),
      articles: (await store.articles()).map((a) => a.url).sort(),
    };
  } finally {
    await store.close();
  }
}

/** The log records in the output, a worker process's (`[worker K] {…}`) included. */
function records(output: string): Array<Record<string, unknown>> {
  return output
    .split('\n')
    .map((l) => l.replace(/^\[worker \d+\] /, ''))
    .filter((l) => l.startsWith('{'))
    .flatMap((l) => {
      try {
        return [JSON.parse(l) as Record<string, unknown>];
      } catch {
        return [];
      }
    });
}

/** Whether the process runs (a zombie, ended but not yet reaped by its new parent, does not). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    // /proc/PID/stat: "pid (comm) STATE …"
    return !/\) Z /.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true; // no /proc here: kill(0) is all we know
  }
}

beforeAll(async () => {
  sim = await startSimulator({ generated: GENERATED });
  one = await crawl(1);
  two = await crawl(2);
}, 300_000);

afterAll(async () => {
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
  for (const p of prefixes) await obliterateAll(redis, p);
  redis.disconnect();
  await sim?.close();
  tmp.cleanup();
});

describe('crawl --workers 2', () => {
  it('settles every URL once, as --workers 1 does, and stores the same articles', () => {
    expect(one.code, one.output).toBe(0);
    expect(two.code, two.output).toBe(0);
    const urls = two.ledger.map((r) => r.url);
    expect(new Set(urls).size).toBe(urls.length);
    expect(two.ledger.filter((r) => r.status === 'pending')).toEqual([]);
    expect(two.ledger.filter((r) => r.status === 'failed')).toEqual([]);
    const status = (ledger: LedgerRow[]): Record<string, string> =>
      Object.fromEntries(ledger.map((r) => [r.url, r.status]));
    expect(status(two.ledger)).toEqual(status(one.ledger));
    expect(two.articles).toEqual(one.articles);
    // The generated outlet and every simulated article from 2024 on.
    const stored = new Set(two.ledger.filter((r) => r.status === 'stored').map((r) => r.url));
    for (const x of sim.manifest.filter((m) => m.kind === 'generated' || m.published >= '2024'))
      expect(stored.has(x.url), x.url).toBe(true);
  });

  it('has more than one process take article jobs', () => {
    const line = /crawling with 2 worker processes \(pids (\d+), (\d+)\)/.exec(two.output);
    expect(line, two.output.slice(0, 2000)).not.toBeNull();
    const [own, child] = [Number(line![1]), Number(line![2])];
    expect(own).toBe(two.pid);
    const pids = new Set(
      records(two.output)
        .filter((r) => r.msg === 'article done')
        .map((r) => r.pid),
    );
    expect(pids).toEqual(new Set([own, child]));
    // --workers 1: this process alone.
    const alone = new Set(
      records(one.output)
        .filter((r) => r.msg === 'article done')
        .map((r) => r.pid),
    );
    expect(alone).toEqual(new Set([one.pid]));
    expect(one.output).not.toContain('[worker ');
  });

  it('leaves no worker process running once it has exited', () => {
    const line = /crawling with 2 worker processes \(pids ([\d, ]+)\)/.exec(two.output);
    const pids = line![1]!.split(', ').map(Number);
    expect(pids.filter(alive)).toEqual([]);
  });
});

describe('crawl --workers 2 killed', () => {
  it('takes its worker processes with it, even on SIGKILL (their stdin closes)', async () => {
    const { config } = configFor('killed');
    const cli = spawnCli(['--config', config, 'crawl', '--workers', '2'], { REDIS_URL });
    await waitForOutput(cli, 'crawling with 2 worker processes', 120_000);
    const pid = Number(
      /crawling with 2 worker processes \(pids \d+, (\d+)\)/.exec(cli.output())?.[1],
    );
    expect(alive(pid)).toBe(true);
    cli.proc.kill('SIGKILL');
    await cli.exit;
    // The child stops as on SIGTERM: its active jobs get the shutdown deadline (30 s).
    const until = Date.now() + 90_000;
    while (alive(pid) && Date.now() < until) await new Promise((r) => setTimeout(r, 250));
    expect(alive(pid), `worker ${pid} outlived the crawl`).toBe(false);
  }, 180_000);
});

describe('crawl --workers refused', () => {
  it.each([
    [['--workers', '0']],
    [['--workers', 'x']],
    [['--workers', '1.5']],
    [['--workers', '2', '--no-work']],
  ])(
    '%j: MW_ERR_BAD_ARGUMENT',
    async (args) => {
      const cli = spawnCli(['--config', join(root, 'config'), 'crawl', ...args], { REDIS_URL });
      expect(await cli.exit).toBe(1);
      expect(cli.output()).toMatch(/MW_ERR_BAD_ARGUMENT: --workers/);
    },
    60_000,
  );
});
