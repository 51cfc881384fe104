// Three `mediawatch worker` processes (the real CLI binary) share one crawl: the per-outlet
// rate limit holds across them, the crawl completes, and SIGTERM shuts each down cleanly.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueueCrawl, waitForCrawl } from '../../jobs/crawl.js';
import { obliterateAll } from '../../jobs/queues.js';
import { startRuntime, stopRuntime, type Runtime } from '../../jobs/worker.js';
import { writeSimConfig } from '../../src/cli/demo-config.js';
import { loadConfig } from '../../src/config/load.js';
import { createLogger } from '../../src/log.js';
import { startSimulator, type Simulator } from '../../src/sim/index.js';
import type { RunCounts } from '../../src/store/index.js';
import { tmpDir } from '../helpers/tmp.js';

const RPS = 4;
// Grants are 1000/RPS ms apart on Redis's clock; a request reaches the simulator some ms after
// its grant, and on a loaded 2-core machine that delay varies by a few tens of ms. The window
// is shortened by that much so that jitter is not counted as a breach, while a limiter that did
// not hold (requests a few ms apart) still fails at once.
const WINDOW_MS = 1000 - 60;
const root = join(import.meta.dirname, '../..');
const tmp = tmpDir();
let sim: Simulator;
let producer: Runtime;
let counts: RunCounts;
const workers: Array<{ proc: ChildProcess; out: string; exit: Promise<number | null> }> = [];

beforeAll(async () => {
  sim = await startSimulator();
  const configDir = join(tmp.dir, 'config');
  writeSimConfig(join(root, 'config'), configDir, sim.origins, {
    databaseUrl: join(tmp.dir, 'mw.db'),
    redisPrefix: `mw-test-${randomUUID().slice(0, 8)}`,
    requestsPerSecond: RPS,
  });
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
  // Wait until every worker says it runs, then crawl from a producer that does no work.
  for (const w of workers) {
    for (let i = 0; i < 200 && !w.out.includes('workers running'); i++)
      await new Promise((r) => setTimeout(r, 100));
  }
  const config = loadConfig(configDir, { REDIS_URL: process.env.REDIS_URL });
  producer = await startRuntime(config, createLogger({ level: 'silent', pretty: false }), {
    work: false,
  });
  const runId = await enqueueCrawl(producer, {
    outletIds: config.outlets.map((o) => o.id),
    eventIds: [],
  });
  counts = await waitForCrawl(producer, runId);
}, 180_000);

afterAll(async () => {
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

  it("never exceed an outlet's rate limit together", () => {
    // Page subresources the browser loads itself (scripts, the RTL article API) are not paced.
    const paced = sim.requests().filter((r) => !/^\/(api|static|assets)\//.test(r.path));
    for (const outlet of Object.keys(sim.origins)) {
      const times = paced
        .filter((r) => r.outlet === outlet)
        .map((r) => r.at)
        .sort((a, b) => a - b);
      expect(times.length).toBeGreaterThan(3);
      // The limit as the server sees it: in any window of (about) one second, at most RPS.
      const windows = times.map((t) =>
        paced.filter((r) => r.outlet === outlet && r.at >= t && r.at < t + WINDOW_MS),
      );
      const busiest = windows.reduce((a, b) => (b.length > a.length ? b : a), []);
      const detail = busiest.map((r) => `${r.at - times[0]!} ${r.path}`).join('\n');
      expect(busiest.length, `${outlet}:\n${detail}`).toBeLessThanOrEqual(RPS);
    }
  });

  it('shut down cleanly on SIGTERM', async () => {
    for (const w of workers) w.proc.kill('SIGTERM');
    const codes = await Promise.all(workers.map((w) => w.exit));
    expect(codes).toEqual([0, 0, 0]);
    for (const w of workers) expect(w.out).toContain('shutting down');
  }, 60_000);
});
