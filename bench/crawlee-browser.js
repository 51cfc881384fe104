// Child process of `npm run bench`: Crawlee's PlaywrightCrawler on the browser sample, for
// comparison with mediawatch's browser path on the same pages. System Chromium (CHROMIUM_PATH,
// else /usr/bin/chromium) through playwright-core, in-memory storage, the same blocking as
// mediawatch (any request off the page's origin, and images, fonts and media), the same
// navigation (domcontentloaded) and the same number of pages at once; the handler takes the
// title and the <p> texts and pushes a record.
// Usage: node bench/crawlee-browser.js <origin> <pages> <concurrency>
import { blockAsMediawatchDoes, chromiumPath, report, sitemapUrls } from './peers.js';

const [origin, pagesArg, concurrencyArg] = process.argv.slice(2);
const pages = Number(pagesArg ?? 100);
const concurrency = Number(concurrencyArg ?? 4);
process.env.CRAWLEE_LOG_LEVEL = 'WARNING';
const { PlaywrightCrawler, Configuration, MemoryStorage } = await import('crawlee');
const { chromium } = await import('playwright-core');
const executablePath = chromiumPath();

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
        await blockAsMediawatchDoes(page, origin);
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
await crawler.run(await sitemapUrls(origin, pages));
report(start, stored, failed);
