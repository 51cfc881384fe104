// Child process of `npm run bench`: Crawlee's CheerioCrawler doing less work than mediawatch on
// the same pages (fetch, parse, take the <p> texts, push a record to its dataset), for
// comparison. Storage 'memory' is Crawlee at its fastest (MemoryStorage, persistStorage
// false: request queue and dataset in memory only); 'disk' is its default (one JSON file per
// request and per record under CRAWLEE_STORAGE_DIR). The timer starts before the sitemap is
// read, as mediawatch's does. With a shard it takes every k-th URL.
// Usage: node bench/crawlee-crawl.js <origin> <pages> <concurrency> [memory|disk] [shard] [shards]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [origin, pagesArg, concurrencyArg, storageArg, shardArg, shardsArg] = process.argv.slice(2);
const pages = Number(pagesArg ?? 2000);
const concurrency = Number(concurrencyArg ?? 16);
const storageMode = storageArg === 'disk' ? 'disk' : 'memory';
const shard = Number(shardArg ?? 0);
const shards = Number(shardsArg ?? 1);
const storage = mkdtempSync(join(tmpdir(), 'crawlee-bench-'));
process.env.CRAWLEE_STORAGE_DIR = storage;
process.env.CRAWLEE_LOG_LEVEL = 'WARNING';
const { CheerioCrawler, Configuration, MemoryStorage } = await import('crawlee');

// The same URL list mediawatch discovers: the simulator's sitemap index and its URL sets.
async function sitemapUrls() {
  const index = await (await fetch(`${origin}/sitemap.xml`)).text();
  const sets = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
  const urls = [];
  for (const set of sets) {
    const xml = await (await fetch(set)).text();
    urls.push(...[...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]));
  }
  return urls.slice(0, pages).filter((_, i) => i % shards === shard);
}

const config =
  storageMode === 'memory'
    ? new Configuration({
        persistStorage: false,
        storageClient: new MemoryStorage({ persistStorage: false, writeMetadata: false }),
      })
    : new Configuration({
        persistStorage: true,
        storageClientOptions: { localDataDirectory: storage },
      });

let stored = 0;
let failed = 0;
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
    failedRequestHandler() {
      failed++;
    },
  },
  config,
);
const start = performance.now();
await crawler.run(await sitemapUrls());
const seconds = (performance.now() - start) / 1000;
rmSync(storage, { recursive: true, force: true });
process.stdout.write(
  `${JSON.stringify({
    storage: storageMode,
    processed: stored + failed,
    stored,
    failed,
    seconds: Number(seconds.toFixed(2)),
    pagesPerSecond: Number(((stored + failed) / seconds).toFixed(1)),
    peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
  })}\n`,
);
