// What the Crawlee peers of `npm run bench` share (bench/crawlee-*.js, plain JavaScript run
// against bench/node_modules): the URL list every crawler crawls, the browser blocking they
// apply, and the JSON line they print.
import { existsSync } from 'node:fs';

/**
 * The same URL list mediawatch discovers: the simulator's sitemap index and its URL sets, the
 * first `pages`, every `shards`-th from `shard`.
 */
export async function sitemapUrls(origin, pages, shard = 0, shards = 1) {
  const index = await (await fetch(`${origin}/sitemap.xml`)).text();
  const sets = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
  const urls = [];
  for (const set of sets) {
    const xml = await (await fetch(set)).text();
    urls.push(...[...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]));
  }
  return urls.slice(0, pages).filter((_, i) => i % shards === shard);
}

/** System Chromium: CHROMIUM_PATH, else Debian's. */
export function chromiumPath() {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(path)) throw new Error(`no Chromium at ${path}`);
  return path;
}

const BLOCKED_TYPES = new Set(['image', 'font', 'media']);

/** What mediawatch's browser blocks too: requests off the page's origin, images, fonts, media. */
export async function blockAsMediawatchDoes(page, origin) {
  await page.route('**/*', (route) => {
    const req = route.request();
    if (BLOCKED_TYPES.has(req.resourceType()) || new URL(req.url()).origin !== origin)
      return route.abort('blockedbyclient');
    return route.continue();
  });
}

/** The result line the bench reads: pages done, time, pages/s, peak RSS, plus `extra`. */
export function report(start, stored, failed, extra = {}) {
  const seconds = (performance.now() - start) / 1000;
  process.stdout.write(
    `${JSON.stringify({
      ...extra,
      processed: stored + failed,
      stored,
      failed,
      seconds: Number(seconds.toFixed(2)),
      pagesPerSecond: Number(((stored + failed) / seconds).toFixed(1)),
      peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
    })}\n`,
  );
}

/**
 * What the two browser peers share: their arguments (<origin> <pages> <concurrency>), Crawlee
 * (imported after its log level is set), the crawler options both use (pages at once, one
 * retry, system Chromium, 30 s navigations) and in-memory storage, Crawlee's fastest.
 */
export async function browserPeer() {
  const [origin, pagesArg, concurrencyArg] = process.argv.slice(2);
  const concurrency = Number(concurrencyArg ?? 4);
  process.env.CRAWLEE_LOG_LEVEL = 'WARNING';
  const crawlee = await import('crawlee');
  const { chromium } = await import('playwright-core');
  return {
    crawlee,
    origin,
    pages: Number(pagesArg ?? 100),
    options: {
      minConcurrency: concurrency,
      maxConcurrency: concurrency,
      maxRequestRetries: 1,
      launchContext: {
        launcher: chromium,
        launchOptions: { executablePath: chromiumPath(), headless: true, args: ['--no-sandbox'] },
      },
      navigationTimeoutSecs: 30,
    },
    memoryStorage: new crawlee.Configuration({
      persistStorage: false,
      storageClient: new crawlee.MemoryStorage({ persistStorage: false, writeMetadata: false }),
    }),
  };
}
