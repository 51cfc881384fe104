// Child process of `npm run bench`: Crawlee's PlaywrightCrawler on the browser sample, for
// comparison with mediawatch's browser path on the same pages. System Chromium (CHROMIUM_PATH,
// else /usr/bin/chromium) through playwright-core, in-memory storage, the same blocking as
// mediawatch (any request off the page's origin, and images, fonts and media), the same
// navigation (domcontentloaded) and the same number of pages at once; the handler takes the
// title and the <p> texts and pushes a record.
// Usage: node bench/crawlee-browser.js <origin> <pages> <concurrency>
import { existsSync } from 'node:fs';

const [origin, pagesArg, concurrencyArg] = process.argv.slice(2);
const pages = Number(pagesArg ?? 100);
const concurrency = Number(concurrencyArg ?? 4);
process.env.CRAWLEE_LOG_LEVEL = 'WARNING';
const { PlaywrightCrawler, Configuration, MemoryStorage } = await import('crawlee');
const { chromium } = await import('playwright-core');
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(executablePath)) throw new Error(`no Chromium at ${executablePath}`);

async function sitemapUrls() {
  const index = await (await fetch(`${origin}/sitemap.xml`)).text();
  const sets = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
  const urls = [];
  for (const set of sets) {
    const xml = await (await fetch(set)).text();
    urls.push(...[...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]));
  }
  return urls.slice(0, pages);
}

const BLOCKED_TYPES = new Set(['image', 'font', 'media']);
let stored = 0;
let failed = 0;
const crawler = new PlaywrightCrawler(
  {
    minConcurrency: concurrency,
    maxConcurrency: concurrency,
    maxRequestRetries: 1,
    launchContext: {
      launcher: chromium,
      launchOptions: { executablePath, headless: true, args: ['--no-sandbox'] },
    },
    browserPoolOptions: { useFingerprints: false },
    navigationTimeoutSecs: 30,
    preNavigationHooks: [
      async ({ page }, gotoOptions) => {
        gotoOptions.waitUntil = 'domcontentloaded';
        await page.route('**/*', (route) => {
          const req = route.request();
          if (BLOCKED_TYPES.has(req.resourceType()) || new URL(req.url()).origin !== origin)
            return route.abort('blockedbyclient');
          return route.continue();
        });
      },
    ],
    async requestHandler({ page, request, pushData }) {
      const title = await page.title();
      const paragraphs = await page.$$eval('p', (ps) => ps.map((p) => p.textContent ?? ''));
      await pushData({ url: request.url, title, paragraphs });
      stored++;
    },
    failedRequestHandler() {
      failed++;
    },
  },
  new Configuration({
    persistStorage: false,
    storageClient: new MemoryStorage({ persistStorage: false, writeMetadata: false }),
  }),
);
const start = performance.now();
await crawler.run(await sitemapUrls());
const seconds = (performance.now() - start) / 1000;
process.stdout.write(
  `${JSON.stringify({
    processed: stored + failed,
    stored,
    failed,
    seconds: Number(seconds.toFixed(2)),
    pagesPerSecond: Number(((stored + failed) / seconds).toFixed(1)),
    peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
  })}\n`,
);
