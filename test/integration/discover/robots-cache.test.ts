// RobotsCache against a loopback server: what each HTTP outcome means, the 24-hour cache, the
// retry after an unreachable host, the last good copy, the 500 KiB limit, one fetch for
// concurrent callers. The clock is injected.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient } from '../../../src/fetch/http.js';
import { RobotsCache, robotsText } from '../../../src/crawl/robots-cache.js';
import { serve } from '../../helpers/server.js';

type Answer = { status: number; body?: string; headers?: Record<string, string> };
let answer: Answer = { status: 200, body: '' };
let hits = 0;
let server: Awaited<ReturnType<typeof serve>>;
const http = new HttpClient(
  {
    userAgent: 'mediawatch/0.1 (+https://example.invalid)',
    timeoutMs: 5_000,
    maxRedirects: 5,
    maxBytes: 8 * 1024 * 1024,
  },
  { allowPrivateHosts: ['127.0.0.1'] },
);

beforeAll(async () => {
  server = await serve((req, res) => {
    hits++;
    if (req.url === '/robots-real.txt') return void res.end('User-agent: *\nDisallow: /moved\n');
    res.writeHead(answer.status, { 'content-type': 'text/plain', ...answer.headers });
    res.end(answer.body ?? '');
  });
});
afterAll(async () => {
  await server.close();
  await http.close();
});
afterEach(() => {
  hits = 0;
});

function cacheAt(clock: { t: number }): RobotsCache {
  return new RobotsCache(http, 'mediawatch/0.1 (+https://example.invalid)', {
    now: () => clock.t,
  });
}

describe('RobotsCache', () => {
  it('parses the file for our token and keeps it for 24 hours', async () => {
    answer = {
      status: 200,
      body: 'User-agent: mediawatch\nDisallow: /no\nCrawl-delay: 3\n\nUser-agent: *\nDisallow: /',
    };
    const clock = { t: 0 };
    const cache = cacheAt(clock);
    expect(cache.token).toBe('mediawatch');
    const r = await cache.rules(`${server.url}/some/page`);
    expect(r.status).toBe('parsed');
    expect(r.allows('/no/1')).toBe(false);
    expect(r.allows('/yes')).toBe(true);
    expect(cache.crawlDelayMs(new URL(server.url).host)).toBe(3000);
    clock.t += 23 * 3600_000;
    await cache.rules(`${server.url}/other`);
    expect(hits).toBe(1);
    clock.t += 2 * 3600_000;
    await cache.rules(`${server.url}/other`);
    expect(hits).toBe(2);
  });

  it('allows everything when robots.txt answers 4xx', async () => {
    for (const status of [404, 410, 401, 403, 400]) {
      answer = { status };
      const r = await cacheAt({ t: 0 }).rules(server.url);
      expect(r.status, String(status)).toBe('unavailable');
      expect(r.allows('/anything')).toBe(true);
    }
  });

  it('allows everything after more redirects than the client follows (RFC 9309 §2.3.1.2)', async () => {
    answer = { status: 302, headers: { location: '/robots.txt' } };
    const r = await cacheAt({ t: 0 }).rules(server.url);
    expect(hits).toBe(6); // the first request and five redirects
    expect(r.status).toBe('unavailable');
    expect(r.allows('/news/1')).toBe(true);
  });

  it('follows a redirect to the file', async () => {
    answer = { status: 301, headers: { location: '/robots-real.txt' } };
    const r = await cacheAt({ t: 0 }).rules(server.url);
    expect(r.status).toBe('parsed');
    expect(r.allows('/moved/1')).toBe(false);
  });

  it('disallows everything on 5xx and 429, and asks again after 10 minutes', async () => {
    for (const status of [500, 503, 429]) {
      answer = { status };
      hits = 0;
      const clock = { t: 0 };
      const cache = cacheAt(clock);
      const r = await cache.rules(server.url);
      expect(r.status, String(status)).toBe('unreachable');
      expect(r.allows('/news/1')).toBe(false);
      clock.t += 9 * 60_000;
      await cache.rules(server.url);
      expect(hits).toBe(1);
      answer = { status: 200, body: 'User-agent: *\nDisallow: /x' };
      clock.t += 2 * 60_000;
      const again = await cache.rules(server.url);
      expect(hits).toBe(2);
      expect(again.allows('/news/1')).toBe(true);
    }
  });

  it('waits as long as Retry-After asks when that is longer', async () => {
    answer = { status: 503, headers: { 'retry-after': '1800' } };
    const clock = { t: 0 };
    const cache = cacheAt(clock);
    await cache.rules(server.url);
    clock.t += 20 * 60_000;
    await cache.rules(server.url);
    expect(hits).toBe(1);
    clock.t += 11 * 60_000;
    await cache.rules(server.url);
    expect(hits).toBe(2);
  });

  it('keeps the last copy that parsed while the host is unreachable', async () => {
    answer = { status: 200, body: 'User-agent: *\nDisallow: /private/' };
    const clock = { t: 0 };
    const cache = cacheAt(clock);
    await cache.rules(server.url);
    answer = { status: 502 };
    clock.t += 25 * 3600_000;
    const r = await cache.rules(server.url);
    expect(r.status).toBe('parsed');
    expect(r.allows('/news/1')).toBe(true);
    expect(r.allows('/private/1')).toBe(false);
  });

  it('disallows everything when the host cannot be reached', async () => {
    const r = await cacheAt({ t: 0 }).rules('http://127.0.0.1:9/x');
    expect(r.status).toBe('unreachable');
    expect(r.allows('/')).toBe(false);
  });

  it('shares one fetch among concurrent callers', async () => {
    answer = { status: 200, body: 'User-agent: *\nAllow: /' };
    const cache = cacheAt({ t: 0 });
    await Promise.all([1, 2, 3, 4].map((i) => cache.rules(`${server.url}/p${i}`)));
    expect(hits).toBe(1);
  });

  it('parses no more than 500 KiB, and no half line', async () => {
    const filler = `# ${'x'.repeat(98)}\n`.repeat(5200); // 520,000 bytes
    answer = {
      status: 200,
      body: `User-agent: *\nDisallow: /early\n${filler}Disallow: /late\n`,
    };
    const r = await cacheAt({ t: 0 }).rules(server.url);
    expect(r.allows('/early')).toBe(false);
    expect(r.allows('/late')).toBe(true);

    const text = robotsText(Buffer.from('Disallow: /a\nDisallow: /abcdef\n'), 20);
    expect(text).toBe('Disallow: /a\n');
  });
});
