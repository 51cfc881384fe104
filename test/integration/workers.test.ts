// Three `mediawatch worker` processes (the real CLI binary, bundled in dist/cli/) share one
// crawl: the per-outlet rate limit holds across them, the crawl completes with each extracting
// on its own thread (worker.extractThreads: 1), and SIGTERM shuts each down cleanly.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { enqueueCrawl, waitForCrawl } from '../../jobs/crawl.js';
import { obliterateAll } from '../../jobs/queues.js';
import { startRuntime, stopRuntime, type Runtime } from '../../jobs/worker.js';
import { writeSimConfig } from '../../src/sim/demo-config.js';
import { loadConfig } from '../../src/config/load.js';
import { createLogger } from '../../src/log.js';
import { startSimulator, type Simulator } from '../../src/sim/index.js';
import type { RunCounts } from '../../src/store/index.js';
import { expectPacedTogether, recordGrants, type GrantLog } from '../helpers/grants.js';
import { tmpDir } from '../helpers/tmp.js';

const RPS = 4;
const INTERVAL_MS = 1000 / RPS;
const root = join(import.meta.dirname, '../..');
const tmp = tmpDir();
let sim: Simulator;
let producer: Runtime;
let counts: RunCounts;
let grants: GrantLog;
const workers: Array<{ proc: ChildProcess; out: string; exit: Promise<number | null> }> = [];

beforeAll(async () => {
  sim = await startSimulator();
  const configDir = join(tmp.dir, 'config');
  writeSimConfig(join(root, 'config'), configDir, sim.origins, {
    databaseUrl: join(tmp.dir, 'mw.db'),
    redisPrefix: `mw-test-${randomUUID().slice(0, 8)}`,
    requestsPerSecond: RPS,
  });
  const settingsFile = join(configDir, 'mediawatch.yaml');
  const settings = parse(readFileSync(settingsFile, 'utf8')) as Record<string, object>;
  settings.worker = { ...settings.worker, extractThreads: 1 };
  writeFileSync(settingsFile, stringify(settings));
  const config = loadConfig(configDir, { REDIS_URL: process.env.REDIS_URL });
  grants = await recordGrants(config.settings.redis.url, config.settings.redis.prefix);
  for (let i = 0; i < 3; i++) {
    const proc = spawn(
      process.execPath,
      [join(root, 'bin/mediawatch.js'), '--config', configDir, 'worker'],
      {
        cwd: tmp.dir,
        env: { ...process.env, LOG_LEVEL: 'info' },
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    const w = {
      proc,
      out: '',
      exit: new Promise<number | null>((r) => proc.on('exit', (code) => r(code))),
    };
    proc.stderr?.on('data', (d: Buffer) => (w.out += d.toString()));
    workers.push(w);
  }
  // Wait until every worker says it runs (a condition, not a fixed count of polls: a loaded
  // machine starts Node slowly), then crawl from a producer that does no work.
  const started = Date.now();
  while (!workers.every((w) => w.out.includes('workers running'))) {
    const down = workers.find((w) => w.proc.exitCode !== null);
    if (down || Date.now() - started > 90_000)
      throw new Error(`a worker did not start:\n${workers.map((w) => w.out).join('\n---\n')}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  producer = await startRuntime(config, createLogger({ level: 'silent', pretty: false }), {
    work: false,
  });
  const runId = await enqueueCrawl(producer, {
    outletIds: config.outlets.map((o) => o.id),
    eventIds: [],
  });
  counts = await waitForCrawl(producer, runId);
}, 300_000);

afterAll(async () => {
  await grants?.close();
  for (const w of workers) if (w.proc.exitCode === null) w.proc.kill('SIGKILL');
  if (producer) {
    await obliterateAll(producer.redis, producer.config.settings.redis.prefix);
    await stopRuntime(producer);
  }
  await sim?.close();
  tmp.cleanup();
});

describe('three worker processes', () => {
  it('finish the crawl together', async () => {
    expect(counts.pending).toBe(0);
    expect(counts.failed).toBe(0);
    const ledger = new Set(
      (await producer.store.ledger()).filter((r) => r.status === 'stored').map((r) => r.url),
    );
    for (const a of sim.manifest.filter((x) => x.published >= '2024'))
      expect(ledger.has(a.url), a.url).toBe(true);
  });

  it('each extract on the thread the build ships (its script found beside the bundle)', () => {
    for (const w of workers) {
      const running = w.out
        .split('\n')
        .filter((l) => l.includes('workers running'))
        .map((l) => JSON.parse(l) as { extractThreads?: number });
      expect(running).toHaveLength(1);
      expect(running[0]!.extractThreads).toBe(1);
    }
  });

  it("never exceed an outlet's rate limit together", () => {
    expectPacedTogether(grants, sim.origins, sim.requests(), INTERVAL_MS);
  });

  it('shut down cleanly on SIGTERM', async () => {
    for (const w of workers) w.proc.kill('SIGTERM');
    const codes = await Promise.all(workers.map((w) => w.exit));
    expect(codes).toEqual([0, 0, 0]);
    for (const w of workers) expect(w.out).toContain('shutting down');
  }, 60_000);
});
