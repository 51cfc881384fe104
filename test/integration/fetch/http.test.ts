import { randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient } from '../../../src/fetch/http.js';
import { serve } from '../../helpers/server.js';
import { failure } from '../../helpers/errors.js';

let server: Awaited<ReturnType<typeof serve>>;
const client = new HttpClient(
  {
    userAgent: 'mediawatch-test',
    timeoutMs: 2_000,
    maxRedirects: 2,
    maxBytes: 10_000,
  },
  { allowPrivateHosts: ['127.0.0.1'] },
);

beforeAll(async () => {
  server = await serve((req, res) => {
    const path = req.url ?? '/';
    if (path === '/ok') {
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(`<p>${req.headers['user-agent']}</p>`);
    } else if (path.startsWith('/hop/')) {
      const n = Number(path.slice(5));
      res.writeHead(302, { location: n > 0 ? `/hop/${n - 1}` : '/ok' }).end();
    } else if (path === '/bomb') {
      res.writeHead(200, { 'content-encoding': 'gzip', 'content-type': 'text/html' });
      res.end(gzipSync(Buffer.alloc(1_000_000, 'a')));
    } else if (path === '/gz-broken') {
      res.writeHead(200, { 'content-encoding': 'gzip', 'content-type': 'text/html' });
      // Incompressible bytes: the first 500 compressed bytes decode to well under the limit.
      res.write(gzipSync(randomBytes(5_000)).subarray(0, 500));
      setTimeout(() => res.socket?.destroy(), 50);
    } else if (path === '/gz') {
      res.writeHead(200, { 'content-encoding': 'gzip', 'content-type': 'text/html' });
      res.end(gzipSync('<p>zipped</p>'));
    } else if (path === '/busy') {
      res.writeHead(429, { 'retry-after': '7' }).end();
    } else if (path === '/boom') {
      res.writeHead(500).end();
    } else if (path === '/slow') {
      setTimeout(() => res.end('late'), 5_000);
    } else res.writeHead(404).end();
  });
});
afterAll(async () => {
  await client.close();
  await server.close();
});

describe('HttpClient', () => {
  it('fetches with our user agent and follows redirects within the limit', async () => {
    const res = await client.get(`${server.url}/hop/1`);
    expect(res.finalUrl).toBe(`${server.url}/ok`);
    expect(res.body.toString()).toBe('<p>mediawatch-test</p>');
  });

  it('decompresses gzip', async () => {
    expect((await client.get(`${server.url}/gz`)).body.toString()).toBe('<p>zipped</p>');
  });

  it('classifies failures by what happens next', async () => {
    expect((await failure(client.get(`${server.url}/hop/5`))).code).toBe(
      'MW_ERR_TOO_MANY_REDIRECTS',
    );
    const bomb = await failure(client.get(`${server.url}/bomb`));
    expect([bomb.code, bomb.retry]).toEqual(['MW_ERR_TOO_LARGE', 'never']);
    const busy = await failure(client.get(`${server.url}/busy`));
    expect([busy.retry, busy.retryAfterMs]).toEqual(['later', 7000]);
    expect((await failure(client.get(`${server.url}/boom`))).retry).toBe('backoff');
    expect((await failure(client.get(`${server.url}/missing`))).code).toBe('MW_ERR_HTTP_NOT_FOUND');
    const slow = await failure(client.get(`${server.url}/slow`));
    expect([slow.code, slow.retry]).toEqual(['MW_ERR_NETWORK', 'backoff']);
  });

  it('ends a compressed body that breaks off with a retryable error instead of hanging', async () => {
    const broken = await failure(client.get(`${server.url}/gz-broken`));
    expect([broken.code, broken.retry]).toEqual(['MW_ERR_NETWORK', 'backoff']);
  });

  it('does not count the politeness wait against the request timeout', async () => {
    const res = await client.get(`${server.url}/ok`, {
      beforeRequest: () => new Promise((r) => setTimeout(r, 2_500)),
    });
    expect(res.status).toBe(200);
  });

  it('calls beforeRequest for every hop', async () => {
    const seen: string[] = [];
    await client.get(`${server.url}/hop/1`, {
      beforeRequest: async (u) => void seen.push(new URL(u).pathname),
    });
    expect(seen).toEqual(['/hop/1', '/hop/0', '/ok']);
  });
});
