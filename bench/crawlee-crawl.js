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
import { report, sitemapUrls } from './peers.js';

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
await crawler.run(await sitemapUrls(origin, pages, shard, shards));
rmSync(storage, { recursive: true, force: true });
report(start, stored, failed, { storage: storageMode });
