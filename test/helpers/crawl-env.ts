// A complete crawl environment on real components: the outlet simulator on loopback, a
// config pointed at it, a fresh SQLite file, a fresh BullMQ prefix on the machine's Redis,
// Chromium for the browser path, and a logger whose records the test can read back.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { loadConfig, withSettings, type Config } from '../../src/config/load.js';
import type { Settings } from '../../src/config/schema.js';
import { writeSimConfig } from '../../src/sim/demo-config.js';
import { startSimulator, type Simulator, type SimOptions } from '../../src/sim/index.js';
import { obliterateAll } from '../../jobs/queues.js';
import { openRuntime, type Runtime } from '../../app/runtime.js';
import { freshDatabase, type DialectName } from './databases.js';
import { capturedLogger } from './log-capture.js';
import { tmpDir } from './tmp.js';

export interface CrawlEnv {
  sim: Simulator;
  config: Config;
  rt: Runtime;
  logs: Array<Record<string, unknown>>;
  close(): Promise<void>;
}

export async function crawlEnv(
  opts: {
    sim?: SimOptions;
    requestsPerSecond?: number;
    settings?: (s: Settings) => void;
    /** The database (default SQLite in the folder of the run). */
    database?: DialectName;
  } = {},
): Promise<CrawlEnv> {
  const sim = await startSimulator(opts.sim);
  const tmp = tmpDir('mw-crawl-');
  const database = opts.database === 'postgres' ? freshDatabase('postgres') : null;
  writeSimConfig(join(import.meta.dirname, '../../config'), join(tmp.dir, 'config'), sim.origins, {
    databaseUrl: database?.url ?? join(tmp.dir, 'mediawatch.db'),
    redisPrefix: `mw-test-${randomUUID().slice(0, 8)}`,
    requestsPerSecond: opts.requestsPerSecond ?? 50,
  });
  const env: Record<string, string | undefined> = {
    REDIS_URL: process.env.REDIS_URL,
    CHROMIUM_PATH: process.env.CHROMIUM_PATH,
  };
  const loaded = loadConfig(join(tmp.dir, 'config'), env);
  const config = opts.settings ? withSettings(loaded, opts.settings) : loaded;
  const { log, logs } = capturedLogger();
  const { rt, close } = await openRuntime(config, log, { work: true });
  return {
    sim,
    config,
    rt,
    logs,
    async close(): Promise<void> {
      await obliterateAll(rt.redis, config.settings.redis.prefix);
      await close();
      await sim.close();
      tmp.cleanup();
      await database?.drop();
    },
  };
}
