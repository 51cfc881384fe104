// The network services a crawl stage may use, built once per process at the edge (the
// runtime, jobs/worker.ts) and passed in: no singletons, no god object. Each stage names the
// few it uses (`FetchDeps`, `DiscoverServices`, `ArticleDeps`): a `NetServices` fits them all.
// Shut down by `closeNetServices`.
import type { Redis } from 'ioredis';
import type { Config } from '../config/load.js';
import type { OutletConfig } from '../config/schema.js';
import { BrowserPool } from '../fetch/browser.js';
import { HttpClient } from '../fetch/http.js';
import { HostSlots } from '../politeness/host-slots.js';
import { RateLimiter } from '../politeness/rate-limiter.js';
import { ExtractPool, extractThreadCount } from './extract-pool.js';
import { RobotsCache } from './robots-cache.js';
import { SOURCE_VALIDATORS_TTL_MS, SourceValidators } from './source-validators.js';
import { StageTimings } from './timings.js';
import { hostKey } from '../url/canonical.js';

export interface NetServices {
  http: HttpClient;
  browser: BrowserPool;
  /** Per-host pacing on Redis, shared by every worker process. */
  limiter: RateLimiter;
  /** Per-host concurrency leases on Redis. */
  slots: HostSlots;
  robots: RobotsCache;
  timings: StageTimings;
  /** Threads that decode, parse and extract pages (settings worker.extractThreads; 0: none). */
  extract: ExtractPool;
  /** ETag/Last-Modified of feeds and urlset sitemaps, for scheduled discovery's conditional GETs. */
  validators: SourceValidators;
}

export function createNetServices(config: Config, deps: { redis: Redis }): NetServices {
  const { settings } = config;
  const http = new HttpClient(settings.http, settings.network);
  const browser = new BrowserPool({
    ...settings.browser,
    userAgent: settings.http.userAgent,
    network: settings.network,
  });
  const robots = new RobotsCache(http, settings.http.userAgent);
  // Each outlet's limits by host, built once: every request looks its host up here.
  const limitsByHost = new Map(config.outlets.map((o) => [hostKey(o.baseUrl), o.rateLimit]));
  const intervalFor = (host: string): number => {
    const rps = limitsByHost.get(host)?.requestsPerSecond ?? 1;
    // A Crawl-delay is honoured up to settings politeness.maxCrawlDelayMs (600 s would starve).
    const delay = Math.min(robots.crawlDelayMs(host), settings.politeness.maxCrawlDelayMs);
    return Math.max(1000 / rps, delay);
  };
  const limiter = new RateLimiter(deps.redis, settings.redis.prefix, intervalFor);
  const slots = new HostSlots(
    deps.redis,
    settings.redis.prefix,
    (host) => limitsByHost.get(host)?.maxConcurrent ?? 2,
    settings.politeness.hostLeaseMs,
  );
  const extract = new ExtractPool(extractThreadCount(settings.worker.extractThreads));
  // A source is read in full at least as often as recent articles are revisited: revisits,
  // retries of failed URLs and reconsidered skips happen when discovery finds a URL again.
  const validators = new SourceValidators(
    deps.redis,
    settings.redis.prefix,
    Math.min(settings.recrawl.everyMinutes * 60_000, SOURCE_VALIDATORS_TTL_MS),
  );
  return {
    http,
    browser,
    limiter,
    slots,
    robots,
    timings: new StageTimings(),
    extract,
    validators,
  };
}

export async function closeNetServices(n: NetServices): Promise<void> {
  await n.browser.close();
  await n.http.close();
  await n.extract.close();
}

export function outletFor(config: Config, id: string): OutletConfig | undefined {
  return config.outlets.find((o) => o.id === id);
}
