// Real Chromium: a page that never lets go is cut off by the render deadline, the pool keeps
// working afterwards, and the main document's status reaches the caller.
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
