// Real Chromium: a page that never lets go is cut off by the render deadline, the pool keeps
// working afterwards, and the main document's status reaches the caller; a page is retired
// with its context after `pageUses` renders (what a site left in it is gone).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MwError } from '../../../src/errors.js';
import { BrowserPool } from '../../../src/fetch/browser.js';
import { serve } from '../../helpers/server.js';

let site: Awaited<ReturnType<typeof serve>>;
const pool = new BrowserPool({
  executablePath: null,
  pages: 1,
  navigationTimeoutMs: 1_500,
  userAgent: 'mediawatch-test',
  network: { allowPrivateHosts: ['127.0.0.1'] },
});

beforeAll(async () => {
  site = await serve((req, res) => {
    if (req.url === '/busy') {
      res.writeHead(200, { 'content-type': 'text/html' });
      return void res.end(
        '<html><body><p>x</p><script>addEventListener("DOMContentLoaded", () => { for (;;) {} });</script></body></html>',
      );
    }
    if (req.url === '/visit') {
      // Sets a cookie in the context, and says which cookie the context sent.
      res.writeHead(200, { 'content-type': 'text/html', 'set-cookie': 'seen=1; Path=/' });
      return void res.end(
        `<html><body><p id="c">cookie:${req.headers.cookie ?? 'none'}</p></body></html>`,
      );
    }
    if (req.url === '/busy429') {
      res.writeHead(429, { 'content-type': 'text/html', 'retry-after': '30' });
      return void res.end('<html><body>slow down</body></html>');
    }
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('<html><body><article><p>Fine page.</p></article></body></html>');
  });
});
afterAll(async () => {
  await pool.close();
  await site.close();
});

describe('BrowserPool', () => {
  it('cuts off a page that busy-loops and goes on with a fresh page', async () => {
    const err = await pool.render(`${site.url}/busy`).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(MwError);
    expect((err as MwError).retry).toBe('backoff');
    const ok = await pool.render(`${site.url}/fine`);
    expect(ok.html).toContain('Fine page.');
  }, 30_000);

  it('passes the status and Retry-After of the main document', async () => {
    const r = await pool.render(`${site.url}/busy429`);
    expect([r.status, r.retryAfter]).toEqual([429, '30']);
  }, 30_000);
});

describe('BrowserPool page retirement', () => {
  const retiring = (pageUses: number): BrowserPool =>
    new BrowserPool({
      executablePath: null,
      pages: 1,
      navigationTimeoutMs: 10_000,
      pageUses,
      userAgent: 'mediawatch-test',
      network: { allowPrivateHosts: ['127.0.0.1'] },
    });

  it('closes a page and its context after pageUses renders; the next render starts clean', async () => {
    const p = retiring(2);
    try {
      const seen: string[] = [];
      for (let i = 0; i < 5; i++)
        seen.push(/cookie:([^<]*)/.exec((await p.render(`${site.url}/visit`)).html)![1]!);
      // Renders 1-2 in one context, 3-4 in a fresh one, 5 in a third.
      expect(seen).toEqual(['none', 'seen=1', 'none', 'seen=1', 'none']);
      expect(p.pageCounts()).toEqual({ open: 1, busy: 0, retired: 2 });
    } finally {
      await p.close();
    }
  }, 60_000);

  it('gives renders waiting for the only page a fresh one when it retires', async () => {
    const p = retiring(1);
    try {
      const pages = await Promise.all(
        Array.from({ length: 4 }, () => p.render(`${site.url}/visit`)),
      );
      expect(pages.map((r) => /cookie:([^<]*)/.exec(r.html)![1])).toEqual([
        'none',
        'none',
        'none',
        'none',
      ]);
      expect(p.pageCounts().retired).toBe(4);
    } finally {
      await p.close();
    }
  }, 60_000);
});
