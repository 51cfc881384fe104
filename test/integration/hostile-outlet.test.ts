// Bad input from a server: every URL ends in the ledger with a reason that names the problem,
// failures that will not heal fail at once, transient ones are retried, a 429 waits without
// spending an attempt, and nothing already stored is lost. Real Redis, BullMQ and SQLite.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueueCrawl, waitForCrawl } from '../../jobs/crawl.js';
import type { Runtime } from '../../jobs/worker.js';
import { outletRuntime } from '../helpers/outlet-runtime.js';
import type { LedgerRow } from '../../src/store/index.js';
import { serve } from '../helpers/server.js';

const article = (
  title: string,
): string => `<!doctype html><html lang="en"><head><title>${title} - Hostile Times</title>
<meta property="og:title" content="${title}"><meta property="article:published_time" content="2024-01-05T15:00:00+01:00"></head>
<body><nav><a href="/">Home</a></nav><article><h1>${title}</h1>
${Array.from({ length: 6 }, (_, i) => `<p>Paragraph ${i + 1} of a story written for this test about the town council, the weather and a new bridge over the canal that residents have waited for since many years.</p>`).join('\n')}
</article></body></html>`;

const hits = new Map<string, number>();
/** Set for the last crawl: every article path answers 500 from then on. */
let broken = false;
let server: Awaited<ReturnType<typeof serve>>;
let rt: Runtime;
let ledger: Map<string, LedgerRow>;
let runId: string;
let env: Awaited<ReturnType<typeof outletRuntime>>;

beforeAll(async () => {
  server = await serve((req, res) => {
    const path = req.url ?? '/';
    const n = (hits.get(path) ?? 0) + 1;
    hits.set(path, n);
    const html = (body: string, status = 200): void => {
      res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' });
      res.end(body);
    };
    if (broken && path.startsWith('/a/')) {
      res.writeHead(500);
      return void res.end('down');
    }
    switch (path) {
      case '/robots.txt':
        return void res.end('User-agent: *\nDisallow: /secret\n');
      case '/links':
        return html(
          [
            '/a/ok',
            '/a/missing',
            '/a/pdf',
            '/a/home',
            '/a/huge',
            '/a/flaky',
            '/a/busy',
            '/a/garbage',
            '/secret/x',
          ]
            .map((p) => `<a href="${p}">${p}</a>`)
            .join('\n'),
        );
      case '/a/ok':
        return html(article('A plain story'));
      case '/a/pdf':
        res.writeHead(200, { 'content-type': 'application/pdf' });
        return void res.end('%PDF-1.4');
      case '/a/home':
        return html(
          '<html><body><nav><a href="/a/ok">A plain story</a><a href="/a/busy">Another</a></nav><footer>© Hostile</footer></body></html>',
        );
      case '/a/huge':
        res.writeHead(200, { 'content-type': 'text/html' });
        return void res.end(`<html><body>${'<p>x</p>'.repeat(300_000)}</body></html>`);
      case '/a/flaky':
        return n === 1 ? html('oops', 500) : html(article('A story after a server error'));
      case '/a/busy':
        if (n <= 2) {
          res.writeHead(429, { 'retry-after': '1' });
          return void res.end();
        }
        return html(article('A story after a wait'));
      case '/a/garbage':
        res.writeHead(200, { 'content-type': 'text/html' });
        return void res.end(Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7919) % 256)));
      default:
        return html('<h1>Not found</h1>', 404);
    }
  });
  env = await outletRuntime({
    settings: {
      // No request here waits on the timeout (/a/huge stops at maxBytes), so the default one:
      // a 5 s timeout could turn a slow answer on a loaded machine into an extra attempt, and
      // the exact hit counts below would then be off.
      http: { maxBytes: 1_000_000, timeoutMs: 20_000 },
      // Two attempts: /a/flaky needs both; /a/busy answers 429 twice and must still get through.
      worker: { attempts: 2, backoffMs: 50 },
    },
    outlet: {
      id: 'hostile',
      name: 'Hostile Times',
      baseUrl: server.url,
      languages: ['en'],
      fetch: 'http',
      rateLimit: { requestsPerSecond: 50 },
      discovery: { pages: ['/links'] },
    },
  });
  rt = env.rt;
  runId = await enqueueCrawl(rt, { outletIds: ['hostile'], eventIds: [] });
  await waitForCrawl(rt, runId);
  ledger = new Map(
    (await rt.store.ledger({ runId: runId })).map((r) => [new URL(r.url).pathname, r]),
  );
}, 120_000);

afterAll(async () => {
  await env?.close();
  await server?.close();
});

describe('an outlet that answers badly', () => {
  it('stores the good article and the ones that healed', () => {
    for (const p of ['/a/ok', '/a/flaky', '/a/busy'])
      expect(ledger.get(p)?.status, p).toBe('stored');
    expect(hits.get('/a/flaky')).toBe(2);
    expect(hits.get('/a/busy')).toBe(3);
  });

  it('fails at once, with the reason, what will not heal', () => {
    expect(ledger.get('/a/missing')).toMatchObject({
      status: 'failed',
      reason: expect.stringMatching(/^MW_ERR_HTTP_NOT_FOUND: HTTP 404/),
    });
    expect(hits.get('/a/missing')).toBe(1);
    expect(ledger.get('/a/huge')).toMatchObject({
      status: 'failed',
      reason: expect.stringMatching(/^MW_ERR_TOO_LARGE/),
    });
    expect(hits.get('/a/huge')).toBe(1);
  });

  it('skips, with the reason, what is not an article', () => {
    expect(ledger.get('/a/pdf')).toMatchObject({
      status: 'skipped',
      reason: expect.stringMatching(/^MW_SKIP_NOT_HTML: .*application\/pdf/),
    });
    expect(ledger.get('/a/home')).toMatchObject({
      status: 'skipped',
      reason: expect.stringMatching(/^MW_SKIP_NOT_ARTICLE/),
    });
    expect(ledger.get('/a/garbage')?.status).toBe('skipped');
    expect(ledger.get('/secret/x')).toMatchObject({
      status: 'skipped',
      reason: expect.stringMatching(/^MW_ERR_ROBOTS_DISALLOWED/),
    });
    expect(hits.has('/secret/x')).toBe(false);
  });

  it('loses nothing stored when the server breaks later', async () => {
    const before = await rt.store.articles();
    broken = true;
    const again = await enqueueCrawl(rt, { outletIds: ['hostile'], eventIds: [] });
    const counts = await waitForCrawl(rt, again);
    expect(counts.stored).toBe(0);
    // The URLs that failed are tried again (their jobs were removed on failure): the broken
    // server fails them again, after both attempts, and they settle as failed with its reason.
    expect(counts.pending).toBe(0);
    expect(hits.get('/a/missing')).toBe(3);
    const ledger = new Map((await rt.store.ledger()).map((r) => [new URL(r.url).pathname, r]));
    expect(ledger.get('/a/missing')).toMatchObject({
      status: 'failed',
      reason: expect.stringMatching(/^MW_ERR_HTTP_SERVER/),
    });
    for (const p of ['/a/ok', '/a/flaky', '/a/busy']) expect(ledger.get(p)?.status).toBe('stored');
    const after = await rt.store.articles();
    expect(after.map((a) => [a.url, a.contentHash])).toEqual(
      before.map((a) => [a.url, a.contentHash]),
    );
    expect(after.map((a) => a.title).sort()).toEqual([
      'A plain story',
      'A story after a server error',
      'A story after a wait',
    ]);
  }, 60_000);
});
