// The composition root: the one place that builds what a command, the web server or a test
// runs on, and takes it down again in reverse order. Every entry point goes through one of:
//
//   withRuntime      Redis (a private one where allowed) → Chromium if needed → the jobs
//                    runtime (store, network services, queues, workers if `work`) → fn → stop
//   openRuntime      the same, for callers that stop it themselves (tests, the benchmark)
//   withNetServices  Redis → Chromium if needed → the network services only (no store)
//   withStore        the store only (reports, queries, analysts' decisions)
//
// Nothing below app/ starts a process, installs a package or reads a command line.
//
// The heavy parts (BullMQ, Playwright, the database drivers) are imported when a function needs
// them, so that a command that never runs workers starts at once (`mediawatch --help`, `report`).
import type { Config } from '../src/config/load.js';
import { withSettings } from '../src/config/load.js';
import type { NetServices } from '../src/crawl/services.js';
import type { Logger } from '../src/log.js';
import type { Store } from '../src/store/index.js';
import type { Runtime } from '../jobs/worker.js';
import type { OpsServer } from './services/ops-server.js';
import type { PrivateRedis, RedisService } from './services/redis.js';

const load = {
  worker: () => import('../jobs/worker.js'),
  connection: () => import('../jobs/connection.js'),
  net: () => import('../src/crawl/services.js'),
  store: () => import('../src/store/index.js'),
  chromium: () => import('./services/chromium.js'),
  ops: () => import('./services/ops-server.js'),
  redis: () => import('./services/redis.js'),
};

export type { Runtime } from '../jobs/worker.js';

export interface RuntimeOptions {
  /** Run the BullMQ workers in this process (else only enqueue and read). */
  work: boolean;
  /** Pages will be rendered: find Chromium first (installing Debian's where it can). */
  browser?: boolean;
  /** Where setup messages go (installing Chromium, a private Redis); default stderr. */
  say?: (line: string) => void;
  now?: () => Date;
  /** Serve /metrics, /healthz and /readyz when settings.metrics.port is set (worker, start). */
  ops?: boolean;
  /** When a private redis-server may stand in (app/services/redis.ts): `demo` any local URL. */
  privateRedis?: PrivateRedis;
}

const toStderr = (line: string): void => void process.stderr.write(`${line}\n`);

/** Ensures Redis answers (starting a private one if it can); returns the config to use. */
async function redisFor(
  config: Config,
  log: Logger,
  privateRedis?: PrivateRedis,
): Promise<{ config: Config; redis: RedisService }> {
  const { ensureRedis } = await load.redis();
  const redis = await ensureRedis(
    config.settings.redis.url,
    log,
    privateRedis ? { private: privateRedis } : {},
  );
  const next =
    redis.url === config.settings.redis.url
      ? config
      : withSettings(config, (s) => (s.redis.url = redis.url));
  return { config: next, redis };
}

/** A started runtime and the one call that takes it down (runtime, then a private Redis). */
export interface RuntimeHandle {
  rt: Runtime;
  /** The ops endpoints, when asked for (`ops`) and configured (`metrics.port`). */
  ops: OpsServer | null;
  close(): Promise<void>;
}

export async function openRuntime(
  loaded: Config,
  log: Logger,
  opts: RuntimeOptions,
): Promise<RuntimeHandle> {
  const { config, redis } = await redisFor(loaded, log, opts.privateRedis);
  try {
    if (opts.browser)
      (await load.chromium()).ensureChromium(
        config.settings.browser.executablePath,
        opts.say ?? toStderr,
      );
    const { startRuntime, stopRuntime } = await load.worker();
    const rt = await startRuntime(config, log, {
      work: opts.work,
      ...(opts.now ? { now: opts.now } : {}),
    });
    let ops: OpsServer | null = null;
    try {
      if (opts.ops) ops = await (await load.ops()).startRuntimeOps(rt);
    } catch (err) {
      await stopRuntime(rt);
      throw err;
    }
    return {
      rt,
      ops,
      async close(): Promise<void> {
        try {
          await ops?.close();
          await stopRuntime(rt);
        } finally {
          await redis.stop();
        }
      },
    };
  } catch (err) {
    // A private redis-server started for this run stops with it, whatever happened.
    await redis.stop();
    throw err;
  }
}

export async function withRuntime<T>(
  loaded: Config,
  log: Logger,
  opts: RuntimeOptions,
  fn: (rt: Runtime) => Promise<T>,
): Promise<T> {
  const handle = await openRuntime(loaded, log, opts);
  try {
    return await fn(handle.rt);
  } finally {
    await handle.close();
  }
}

export async function withNetServices<T>(
  loaded: Config,
  log: Logger,
  opts: Pick<RuntimeOptions, 'browser' | 'say'>,
  fn: (net: NetServices, config: Config) => Promise<T>,
): Promise<T> {
  const { config, redis: service } = await redisFor(loaded, log);
  const { connectRedis } = await load.connection();
  const { createNetServices, closeNetServices } = await load.net();
  const redis = connectRedis(config.settings.redis.url, 'producer');
  try {
    if (opts.browser)
      (await load.chromium()).ensureChromium(
        config.settings.browser.executablePath,
        opts.say ?? toStderr,
      );
    await redis.connect();
    const net = createNetServices(config, { redis });
    try {
      return await fn(net, config);
    } finally {
      await closeNetServices(net);
    }
  } finally {
    redis.disconnect();
    await service.stop();
  }
}

export async function withStore<T>(config: Config, fn: (store: Store) => Promise<T>): Promise<T> {
  const { url, poolSize } = config.settings.database;
  const store = await (await load.store()).openStore(url, { poolSize });
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}
