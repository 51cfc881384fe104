// A worker runtime for one test outlet (usually a loopback server of the test's own): a config
// folder written from plain objects, a fresh SQLite file and BullMQ prefix, a silent logger.
// `close` removes the queues, stops the runtime and deletes the folder.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { obliterateAll } from '../../jobs/queues.js';
import { openRuntime, type Runtime } from '../../app/runtime.js';
import { loadConfig } from '../../src/config/load.js';
import { createLogger } from '../../src/log.js';
import { writeConfigDir } from './config-dir.js';
import { tmpDir } from './tmp.js';

export async function outletRuntime(parts: {
  outlet: Record<string, unknown>;
  settings?: Record<string, unknown>;
  events?: Array<Record<string, unknown>>;
}): Promise<{ rt: Runtime; close(): Promise<void> }> {
  const tmp = tmpDir();
  const dir = writeConfigDir(join(tmp.dir, 'config'), {
    settings: {
      redis: { prefix: `mw-test-${randomUUID().slice(0, 8)}` },
      database: { url: join(tmp.dir, 'mw.db') },
      ...parts.settings,
    },
    outlets: [parts.outlet],
    ...(parts.events ? { events: parts.events } : {}),
  });
  const config = loadConfig(dir, { REDIS_URL: process.env.REDIS_URL });
  const { rt, close } = await openRuntime(
    config,
    createLogger({ level: 'silent', pretty: false }),
    { work: true },
  );
  return {
    rt,
    async close(): Promise<void> {
      await obliterateAll(rt.redis, config.settings.redis.prefix);
      await close();
      tmp.cleanup();
    },
  };
}
