// Child process of `npm run bench`: the limit — raw undici requests and an htmlparser2 parse of
// each page, nothing else (no robots.txt, no queue, no storage). Reads the sitemap index like
// the others; with a shard it takes every k-th URL.
// Usage: node dist/bench/raw-crawl.js <origin> <pages> <concurrency> [shard] [shards]
import { parseDocument } from 'htmlparser2';
import { Agent, request } from 'undici';

const [origin, pagesArg, concurrencyArg, shardArg, shardsArg] = process.argv.slice(2);
if (!origin) throw new Error('usage: raw-crawl <origin> [pages] [concurrency] [shard] [shards]');
const pages = Number(pagesArg ?? 2000);
const concurrency = Number(concurrencyArg ?? 16);
const shard = Number(shardArg ?? 0);
const shards = Number(shardsArg ?? 1);
const dispatcher = new Agent({ connections: concurrency, keepAliveTimeout: 10_000 });

async function text(url: string): Promise<string> {
  const res = await request(url, { dispatcher });
  return res.body.text();
}
const locs = (xml: string): string[] =>
  [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1] ?? '');

const start = performance.now();
const urls: string[] = [];
for (const set of locs(await text(`${origin}/sitemap.xml`))) urls.push(...locs(await text(set)));
const mine = urls.slice(0, pages).filter((_, i) => i % shards === shard);
let next = 0;
let done = 0;
let nodes = 0;
await Promise.all(
  Array.from({ length: concurrency }, async () => {
    while (next < mine.length) {
      const url = mine[next++]!;
      const doc = parseDocument(await text(url));
      nodes += doc.children.length;
      done++;
    }
  }),
);
const seconds = (performance.now() - start) / 1000;
await dispatcher.close();
process.stdout.write(
  `${JSON.stringify({
    processed: done,
    stored: done,
    nodes,
    seconds: Number(seconds.toFixed(2)),
    pagesPerSecond: Number((done / seconds).toFixed(1)),
    peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
  })}\n`,
);
