// Child process of `npm run bench`: Crawlee's PlaywrightCrawler on the browser sample, for
// comparison with mediawatch's browser path on the same pages. System Chromium (CHROMIUM_PATH,
// else /usr/bin/chromium) through playwright-core, in-memory storage, the same blocking as
// mediawatch (any request off the page's origin, and images, fonts and media), the same
// navigation (domcontentloaded) and the same number of pages at once; the handler takes the
// title and the <p> texts and pushes a record.
// Usage: node bench/crawlee-browser.js <origin> <pages> <concurrency>
import { blockAsMediawatchDoes, browserPeer, report, sitemapUrls } from './peers.js';

const { crawlee, origin, pages, options, memoryStorage } = await browserPeer();
let stored = 0;
let failed = 0;
const crawler = new crawlee.PlaywrightCrawler(
  {
    ...options,
    browserPoolOptions: { useFingerprints: false },
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
  memoryStorage,
);
const start = performance.now();
await crawler.run(await sitemapUrls(origin, pages));
report(start, stored, failed);
