// A loopback outlet for fault tests: robots.txt (optionally with a Crawl-delay), a home page
// linking `articles` stories, each story a plain article page; every request is recorded.
// `hold` makes story responses wait (a crawl that is still running when the test strikes).
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { openRuntime, type Runtime, type RuntimeOptions } from '../../app/runtime.js';
import { obliterateAll } from '../../jobs/queues.js';
import { loadConfig, type Config } from '../../src/config/load.js';
import { writeConfigDir } from './config-dir.js';
import { serve } from './server.js';
import { capturedLogger } from './log-capture.js';
import { tmpDir } from './tmp.js';

export interface LoopbackOutlet {
  url: string;
  requests: Array<{ path: string; at: number }>;
  close(): Promise<void>;
}

const PARAGRAPH =
  '<p>A paragraph of a story about the harbour, its cranes and its ferries, written for this test only.</p>';

export async function loopbackOutlet(opts: {
  articles: number;
  crawlDelaySeconds?: number;
  holdMs?: number;
}): Promise<LoopbackOutlet> {
  const requests: LoopbackOutlet['requests'] = [];
  const server = await serve((req, res) => {
    const path = req.url ?? '/';
    requests.push({ path, at: Date.now() });
    if (path === '/robots.txt') {
      const delay = opts.crawlDelaySeconds ? `Crawl-delay: ${opts.crawlDelaySeconds}\n` : '';
      return void res.end(`User-agent: *\nAllow: /\n${delay}`);
    }
    res.writeHead(200, { 'content-type': 'text/html' });
    if (path === '/') {
      const links = Array.from(
        { length: opts.articles },
        (_, i) => `<a href="/n/${i + 1}">${i + 1}</a>`,
      );
      return void res.end(`<html><body>${links.join(' ')}</body></html>`);
    }
    const page = `<html><head><title>Story ${path}</title></head><body><article><h1>Story ${path}</h1>${PARAGRAPH.repeat(6)}</article></body></html>`;
    if (opts.holdMs) setTimeout(() => res.end(page), opts.holdMs);
    else res.end(page);
  });
  return { url: server.url, requests, close: () => server.close() };
}

export function outletConfig(id: string, baseUrl: string, over: Record<string, unknown> = {}) {
  return {
    id,
    name: id,
    baseUrl,
    languages: ['en'],
    fetch: 'http',
    rateLimit: { requestsPerSecond: 50, maxConcurrent: 4 },
    discovery: { pages: ['/'], articlePattern: '^/n/' },
    ...over,
  };
}

export interface TestRuntime {
  rt: Runtime;
  config: Config;
  logs: Array<Record<string, unknown>>;
  close(): Promise<void>;
}

/** A runtime on the given Redis URL (no REDIS_URL from the environment), fresh SQLite file. */
export async function runtimeOn(
  redisUrl: string,
  outlets: Array<Record<string, unknown>>,
  settings: Record<string, unknown> = {},
  opts: Partial<RuntimeOptions> = {},
): Promise<TestRuntime> {
  const tmp = tmpDir();
  const dir = writeConfigDir(join(tmp.dir, 'config'), {
    settings: {
      redis: { url: redisUrl, prefix: `mw-test-${randomUUID().slice(0, 8)}` },
      database: { url: join(tmp.dir, 'mw.db') },
      ...settings,
    },
    outlets,
    events: [],
  });
  const config = loadConfig(dir, {});
  const { log, logs } = capturedLogger();
  const { rt, close } = await openRuntime(config, log, { work: true, ...opts });
  return {
    rt,
    config,
    logs,
    async close(): Promise<void> {
      await obliterateAll(rt.redis, config.settings.redis.prefix).catch(() => undefined);
      await close();
      tmp.cleanup();
    },
  };
}

/** Polls until `check` holds (a condition, not a fixed wait). */
export async function until(
  check: () => Promise<boolean> | boolean,
  what: string,
  timeoutMs = 60_000,
): Promise<void> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
