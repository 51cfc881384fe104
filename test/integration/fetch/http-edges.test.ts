// The HTTP client's answers to unusual responses: a 304 nobody asked for, a 408, stacked
// content codings, a gzip body cut short, and a robots.txt larger than any limit.
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RobotsCache } from '../../../src/crawl/robots-cache.js';
import { HttpClient } from '../../../src/fetch/http.js';
import { serve } from '../../helpers/server.js';
import { failure } from '../../helpers/errors.js';

let server: Awaited<ReturnType<typeof serve>>;
const client = new HttpClient(
  { userAgent: 'mediawatch-test', timeoutMs: 2_000, maxRedirects: 2, maxBytes: 100_000 },
  { allowPrivateHosts: ['127.0.0.1'] },
);
const hits = new Map<string, number>();
const page = '<html><body><p>Stacked codings, undone in order.</p></body></html>';

beforeAll(async () => {
  server = await serve((req, res) => {
    const path = req.url ?? '/';
    hits.set(path, (hits.get(path) ?? 0) + 1);
    if (path === '/not-modified') {
      res.writeHead(304, { etag: '"v1"' }).end();
    } else if (path === '/408') {
      res.writeHead(408, { connection: 'close' }).end();
    } else if (path === '/stacked') {
      // gzip applied first, then br: the header lists them in that order (RFC 9110 §8.4).
      const body = brotliCompressSync(gzipSync(page));
      res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip, br' });
      res.end(body);
    } else if (path === '/gz-truncated') {
      // The HTTP message is complete (Content-Length matches); the gzip stream inside is not.
      const whole = gzipSync(Buffer.from(page.repeat(50)));
      const cut = whole.subarray(0, whole.length - 40);
      res.writeHead(200, {
        'content-type': 'text/html',
        'content-encoding': 'gzip',
        'content-length': String(cut.length),
      });
      res.end(cut);
    } else if (path === '/robots.txt') {
      // 2 MiB: over the client's maxBytes and RFC 9309's 500 KiB; the rules come first.
      const filler = '# filler line to make the file large\n'.repeat((2 * 1024 * 1024) / 37);
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end(`User-agent: *\nDisallow: /private\n${filler}Disallow: /after-the-limit\n`);
    } else res.writeHead(404).end();
  });
});
afterAll(async () => {
  await client.close();
  await server.close();
});

describe('HttpClient on unusual answers', () => {
  it('fails on a 304 when no validators were sent, and answers it when they were', async () => {
    const err = await failure(client.get(`${server.url}/not-modified`));
    expect([err.code, err.retry]).toEqual(['MW_ERR_HTTP_STATUS', 'never']);
    expect(err.message).toMatch(/no validators were sent/);
    const res = await client.get(`${server.url}/not-modified`, {
      headers: { 'if-none-match': '"v1"' },
    });
    expect(res.status).toBe(304);
  });

  it('retries HTTP 408 with backoff', async () => {
    const err = await failure(client.get(`${server.url}/408`));
    expect([err.code, err.retry]).toEqual(['MW_ERR_HTTP_TIMEOUT', 'backoff']);
  });

  it('undoes stacked content codings in order', async () => {
    const res = await client.get(`${server.url}/stacked`);
    expect(res.body.toString()).toBe(page);
  });

  it('retries a gzip body that is cut short, instead of reading what came', async () => {
    const err = await failure(client.get(`${server.url}/gz-truncated`));
    expect([err.code, err.retry]).toEqual(['MW_ERR_NETWORK', 'backoff']);
    expect(err.message).toMatch(/truncated/);
  });

  it('reads the first 500 KiB of an oversized robots.txt instead of disallowing the host', async () => {
    const robots = new RobotsCache(client, 'mediawatch/0.1');
    const rules = await robots.rules(`${server.url}/a`);
    expect(rules.status).toBe('parsed');
    expect(rules.allows('/a')).toBe(true);
    expect(rules.allows('/private/x')).toBe(false);
    expect(rules.allows('/after-the-limit')).toBe(true);
  });
});
