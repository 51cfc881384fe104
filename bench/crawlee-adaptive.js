// Child process of `npm run bench`: Crawlee's AdaptivePlaywrightCrawler on the browser sample,
// the peer of mediawatch's `fetch: auto` (static HTML first, the browser where it is needed).
// It fetches a page over HTTP and judges the result; pages where that is not enough, and a
// share of the others (renderingTypeDetectionRatio, 0.1 by default) to learn which URLs need a
// browser, are rendered in system Chromium with the same blocking as crawlee-browser.js
// (requests off the page's origin, images, fonts, media), in-memory storage, the same number of
// pages at once. The handler takes the title and the <p> texts; a result with under 500
// characters of paragraphs is taken as needing the browser (resultChecker).
// Usage: node bench/crawlee-adaptive.js <origin> <pages> <concurrency>
import { blockAsMediawatchDoes, browserPeer, report, sitemapUrls } from './peers.js';

const { crawlee, origin, pages, options, memoryStorage } = await browserPeer();
let failed = 0;
const crawler = new crawlee.AdaptivePlaywrightCrawler(
  {
    ...options,
    browserPoolOptions: {
      useFingerprints: false,
      postPageCreateHooks: [(page) => blockAsMediawatchDoes(page, origin)],
    },
    resultChecker: (result) =>
      result.datasetItems.some((d) => d.item.paragraphs.reduce((n, p) => n + p.length, 0) >= 500),
    async requestHandler({ parseWithCheerio, request, pushData }) {
      const $ = await parseWithCheerio();
      const title = $('title').first().text();
      const paragraphs = $('p')
        .map((_, p) => $(p).text())
        .get();
      await pushData({ url: request.url, title, paragraphs });
    },
    failedRequestHandler() {
      failed++;
    },
  },
  memoryStorage,
);
const start = performance.now();
const stats = await crawler.run(await sitemapUrls(origin, pages));
report(start, stats.requestsFinished, failed, {
  rendered: crawler.stats?.state?.browserRequestHandlerRuns ?? null,
});
