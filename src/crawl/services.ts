// Everything a crawl stage needs, built once per process at the edge and passed in
// (no singletons). Shut down in reverse order of creation by `closeServices`.
import type { Redis } from 'ioredis';
import type { Config } from '../config/load.js';
import type { OutletConfig } from '../config/schema.js';
import { BrowserPool } from '../fetch/browser.js';
import { HttpClient } from '../fetch/http.js';
import type { Logger } from '../log.js';
import { HostSlots } from '../politeness/host-slots.js';
import { RateLimiter } from '../politeness/rate-limiter.js';
import type { Store } from '../store/index.js';
import { RobotsCache } from './robots-cache.js';
import { StageTimings } from './timings.js';
import { hostKey } from '../url/canonical.js';

export interface Services {
  config: Config;
  store: Store;
  http: HttpClient;
  browser: BrowserPool;
  limiter: RateLimiter;
  slots: HostSlots;
  robots: RobotsCache;
  log: Logger;
  now: () => Date;
  timings: StageTimings;
}

export function createServices(
  config: Config,
  deps: { store: Store; redis: Redis; log: Logger; now?: () => Date },
): Services {
  const { settings } = config;
  const http = new HttpClient(settings.http);
  const browser = new BrowserPool({ ...settings.browser, userAgent: settings.http.userAgent });
  const robots = new RobotsCache(http, settings.http.userAgent);
  // Each outlet's limits by host, built once: every request looks its host up here.
  const limitsByHost = new Map(config.outlets.map((o) => [hostKey(o.baseUrl), o.rateLimit]));
  const intervalFor = (host: string): number => {
    const rps = limitsByHost.get(host)?.requestsPerSecond ?? 1;
    return Math.max(1000 / rps, robots.crawlDelayMs(host));
  };
  const limiter = new RateLimiter(deps.redis, settings.redis.prefix, intervalFor);
  const slots = new HostSlots(
    deps.redis,
    settings.redis.prefix,
    (host) => limitsByHost.get(host)?.maxConcurrent ?? 2,
  );
  return {
    config,
    store: deps.store,
    http,
    browser,
    limiter,
    slots,
    robots,
    log: deps.log,
    now: deps.now ?? (() => new Date()),
    timings: new StageTimings(),
  };
}

export async function closeServices(s: Services): Promise<void> {
  await s.browser.close();
  await s.http.close();
}

export function outletFor(s: Services, id: string): OutletConfig | undefined {
  return s.config.outlets.find((o) => o.id === id);
}
