// Child process of `npm run bench`: Crawlee's CheerioCrawler doing less work than mediawatch on
// the same pages (fetch, parse, take the <p> texts, store a record), for comparison.
// Usage: node bench/crawlee-crawl.js <origin> <pages> <concurrency>
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [origin, pagesArg, concurrencyArg] = process.argv.slice(2);
const pages = Number(pagesArg ?? 2000);
const concurrency = Number(concurrencyArg ?? 16);
const storage = mkdtempSync(join(tmpdir(), 'crawlee-bench-'));
process.env.CRAWLEE_STORAGE_DIR = storage;
process.env.CRAWLEE_LOG_LEVEL = 'WARNING';
const { CheerioCrawler, Configuration } = await import('crawlee');

// The same URL list mediawatch discovers: the simulator's sitemap index and its URL sets.
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

const urls = await sitemapUrls();
let stored = 0;
const crawler = new CheerioCrawler(
  {
    minConcurrency: concurrency,
    maxConcurrency: concurrency,
    maxRequestRetries: 1,
    async requestHandler({ $, request, pushData }) {
      const paragraphs = $('p')
        .map((_, el) => $(el).text())
        .get();
      await pushData({ url: request.url, title: $('title').text(), paragraphs });
      stored++;
    },
  },
  new Configuration({
    persistStorage: true,
    storageClientOptions: { localDataDirectory: storage },
  }),
);
const start = performance.now();
await crawler.run(urls);
const seconds = (performance.now() - start) / 1000;
rmSync(storage, { recursive: true, force: true });
process.stdout.write(
  `${JSON.stringify({
    stored,
    seconds: Number(seconds.toFixed(2)),
    pagesPerSecond: Number((stored / seconds).toFixed(1)),
    peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
  })}\n`,
);
