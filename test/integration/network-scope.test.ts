// Network scope (docs/reliability.md): a hostile outlet on loopback points every kind of request
// at a tripwire server on another loopback port, and the tripwire must see no connection at
// all. Each path is stopped twice over: by the HOST rule (the tripwire is not a host of the
// outlet) and, separately, by the ADDRESS rule (the tripwire is a host of the outlet, but it
// resolves to loopback and settings network.allowPrivateHosts does not name it).
// Real servers, real undici, real Chromium, real Redis for the crawl through the workers.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { enqueueCrawl, waitForCrawl } from '../../jobs/crawl.js';
import { outletSchema, type OutletConfig } from '../../src/config/schema.js';
import { discoverOutlet } from '../../src/crawl/discover-outlet.js';
import { fetchArticle, type FetchDeps } from '../../src/crawl/fetch-page.js';
import { RobotsCache } from '../../src/crawl/robots-cache.js';
import { StageTimings } from '../../src/crawl/timings.js';
import { BrowserPool } from '../../src/fetch/browser.js';
import { HttpClient } from '../../src/fetch/http.js';
import { createLogger } from '../../src/log.js';
import { describeWithChromium } from '../helpers/chromium.js';
import { outletRuntime } from '../helpers/outlet-runtime.js';
import { JANUARY } from './discover/helpers.js';
import { failure } from '../helpers/errors.js';

// --- the tripwire: any TCP connection at all is recorded -----------------------------------------

const tripSeen: string[] = [];
let tripServer: ReturnType<typeof createServer>;
let trip: string; // http://127.0.0.1:T
let tripPort: number;
/** The tripwire under a name that is a host of the outlet and resolves to loopback. */
let tripLocal: string; // http://tripwire.localhost:T

// --- the hostile outlet ----------------------------------------------------------------------------

const story = (title: string, extraHead = ''): string =>
  `<!doctype html><html lang="en"><head><title>${title}</title>${extraHead}
<meta property="article:published_time" content="2024-01-05T15:00:00+01:00"></head>
<body><article><h1>${title}</h1>
${Array.from({ length: 6 }, (_, i) => `<p>Paragraph ${i + 1} of a story about the town council, the weather and a new bridge over the canal that residents have waited for since many years.</p>`).join('\n')}
</article></body></html>`;

/** Routes of the hostile outlet; `to` is where it points the crawler (tripwire or its alias). */
function hostile(to: () => string) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const path = req.url ?? '/';
    const send = (type: string, body: string, status = 200): void => {
      res.writeHead(status, { 'content-type': type });
      res.end(body);
    };
    const html = (body: string): void => send('text/html; charset=utf-8', body);
    const xml = (body: string): void => send('application/xml', body);
    const moved = (location: string, status = 301): void => {
      res.writeHead(status, { location });
      res.end();
    };
    switch (path) {
      case '/robots.txt':
        return send('text/plain', `User-agent: *\nAllow: /\nSitemap: ${to()}/robots-sitemap.xml\n`);
      case '/index.xml':
        return xml(
          `<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>${to()}/child.xml</loc></sitemap></sitemapindex>`,
        );
      case '/moved.xml':
        return moved(`${to()}/sitemap.xml`);
      case '/a/moved':
        return moved(`${to()}/story`);
      case '/a/ok':
        return html(story('A plain story'));
      case '/a/canon':
        return html(
          story(
            'A story that claims to be elsewhere',
            `<link rel="canonical" href="${to()}/story">`,
          ),
        );
      case '/links':
        return html('<a href="/a/moved">moved</a> <a href="/a/canon">canon</a>');
      // The browser's pages
      case '/b/redirect':
        return moved(`${to()}/story`, 302);
      case '/b/hop.js':
        return moved(`${to()}/hop.js`, 302);
      case '/b/subresource':
        return html(`${story('A story with a script that hops')}<script src="/b/hop.js"></script>
<script>window.addEventListener('load', () => document.body.insertAdjacentHTML('beforeend', '<i id="done">done</i>'))</script>`);
      case '/b/fetch':
        return html(`${story('A story whose script fetches elsewhere')}<script>
fetch('${to()}/xhr').catch(() => undefined).finally(() => document.body.insertAdjacentHTML('beforeend', '<i id="done">done</i>'));
</script>`);
      case '/b/ws':
        return html(`${story('A story with a socket')}<script>
const done = () => document.body.insertAdjacentHTML('beforeend', '<i id="done">done</i>');
try { const ws = new WebSocket('${to().replace('http', 'ws')}/ws'); ws.onclose = done; ws.onerror = done; } catch { done(); }
</script>`);
      case '/b/sw':
        return html(`${story('A story with a service worker')}<script>
const done = (what) => document.body.insertAdjacentHTML('beforeend', '<i id="done">' + what + '</i>');
if (!navigator.serviceWorker) done('no service workers');
else Promise.race([
  navigator.serviceWorker.register('/b/sw.js').then(() => navigator.serviceWorker.ready).then(() => new Promise((r) => setTimeout(() => r('registered'), 500))),
  new Promise((r) => setTimeout(() => r('never registered'), 1000)),
]).then(done, (e) => done('refused: ' + e));
</script>`);
      case '/b/sw.js':
        return send(
          'application/javascript',
          `self.addEventListener('install', (e) => e.waitUntil(fetch('${to()}/from-worker').catch(() => undefined)));`,
        );
      default:
        return send('text/plain', 'not found', 404);
    }
  };
}

interface Server {
  url: string;
  hits: string[];
  close(): Promise<void>;
}

async function serveOn(
  handler: (req: IncomingMessage, res: ServerResponse) => void,
  hits: string[] = [],
): Promise<Server> {
  const server = createServer((req, res) => {
    hits.push(req.url ?? '');
    handler(req, res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    hits,
    close: () =>
      new Promise((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

// Two hostile outlets with the same routes: one points at the tripwire by its address (the
// HOST rule stops it), the other at tripwire.localhost, a host it lists (the ADDRESS rule does).
let byHost: Server;
let byAddress: Server;
/** An outlet whose robots.txt redirects to the tripwire. */
let robotsMover: Server;

const UA = 'mediawatch/0.1 (+https://example.invalid; tests)';
const settings = { userAgent: UA, timeoutMs: 5_000, maxRedirects: 5, maxBytes: 1024 * 1024 };
// Only the outlets' own address may be private: not tripwire.localhost.
const network = { allowPrivateHosts: ['127.0.0.1'] };
let http: HttpClient;

function outlet(baseUrl: string, extra: Record<string, unknown> = {}): OutletConfig {
  return outletSchema.parse({
    id: 'hostile',
    name: 'Hostile Times',
    baseUrl,
    languages: ['en'],
    fetch: 'http',
    ...extra,
  });
}

/** An outlet of `server` that lists the tripwire's loopback alias as one of its hosts. */
const listsTripwire = (server: Server, extra: Record<string, unknown> = {}): OutletConfig =>
  outlet(server.url, { hosts: [new URL(tripLocal).host], ...extra });

function deps(browser?: BrowserPool): FetchDeps {
  return {
    http,
    browser: browser as BrowserPool,
    robots: new RobotsCache(http, UA),
    limiter: { acquire: () => Promise.resolve() } as unknown as FetchDeps['limiter'],
    slots: {
      run: (_u: string, fn: () => Promise<unknown>) => fn(),
    } as unknown as FetchDeps['slots'],
    timings: new StageTimings(),
    log: createLogger({ level: 'silent', pretty: false }),
  };
}

function discover(o: OutletConfig) {
  return discoverOutlet(
    {
      http,
      robots: new RobotsCache(http, UA),
      limiter: { acquire: () => Promise.resolve() },
      config: { settings: { http: { maxBytes: settings.maxBytes } } },
    },
    o,
    JANUARY,
  );
}

beforeAll(async () => {
  tripServer = createServer((req, res) => {
    tripSeen.push(`request ${req.url}`);
    res.end('tripped');
  });
  tripServer.on('connection', () => tripSeen.push('connection'));
  await new Promise<void>((r) => tripServer.listen(0, '127.0.0.1', r));
  tripPort = (tripServer.address() as AddressInfo).port;
  trip = `http://127.0.0.1:${tripPort}`;
  tripLocal = `http://tripwire.localhost:${tripPort}`;
  byHost = await serveOn(hostile(() => trip));
  byAddress = await serveOn(hostile(() => tripLocal));
  robotsMover = await serveOn((req, res) => {
    if (req.url === '/robots.txt') res.writeHead(301, { location: `${trip}/robots.txt` });
    else if (req.url === '/local-robots.txt')
      res.writeHead(301, { location: `${tripLocal}/robots.txt` });
    else res.writeHead(200, { 'content-type': 'text/html' });
    res.end(req.url?.startsWith('/a/') ? story('A story') : '');
  });
  http = new HttpClient(settings, network);
});

afterEach(() => {
  // Every case: the tripwire saw nothing.
  expect(tripSeen).toEqual([]);
  tripSeen.length = 0;
});

afterAll(async () => {
  await http?.close();
  await Promise.all([byHost, byAddress, robotsMover].map((s) => s?.close()));
  await new Promise((r) => tripServer?.close(r));
});

describe('network scope, HTTP: the host rule', () => {
  it('skips a robots.txt Sitemap line on another host without asking that host anything', async () => {
    const r = await discover(outlet(byHost.url));
    expect(r.skippedSources).toContainEqual({
      url: `${trip}/robots-sitemap.xml`,
      reason: expect.stringMatching(/^sitemap: MW_SKIP_OFF_SITE/),
    });
  });

  it('skips a sitemap-index child on another host', async () => {
    const r = await discover(outlet(byHost.url, { discovery: { sitemaps: ['/index.xml'] } }));
    expect(r.skippedSources).toContainEqual({
      url: `${trip}/child.xml`,
      reason: expect.stringMatching(/^sitemap: MW_SKIP_OFF_SITE/),
    });
  });

  it('skips a configured feed on another host', async () => {
    const r = await discover(outlet(byHost.url, { discovery: { feeds: [`${trip}/feed.xml`] } }));
    expect(r.skippedSources).toContainEqual({
      url: `${trip}/feed.xml`,
      reason: expect.stringMatching(/^feed: MW_SKIP_OFF_SITE/),
    });
  });

  it('does not follow a sitemap that redirects to another host', async () => {
    const r = await discover(outlet(byHost.url, { discovery: { sitemaps: ['/moved.xml'] } }));
    expect(r.errors).toContainEqual(expect.stringMatching(/moved\.xml: MW_ERR_OFF_SITE/));
  });

  it('fails an article that redirects to another host: its outlet never changes', async () => {
    const err = await failure(fetchArticle(deps(), outlet(byHost.url), `${byHost.url}/a/moved`));
    expect([err.code, err.retry]).toEqual(['MW_ERR_OFF_SITE', 'never']);
    expect(err.message).toContain(`${trip}/story`);
  });

  it('reads robots.txt that redirects to another host as unavailable (allow all), without following', async () => {
    const robots = new RobotsCache(http, UA);
    const rules = await robots.rules(`${robotsMover.url}/a/x`, undefined, {
      hosts: [new URL(robotsMover.url).host],
    });
    expect(rules.status).toBe('unavailable');
  });
});

describe('network scope, HTTP: the address rule', () => {
  it('refuses a Sitemap line on a host of the outlet that resolves to loopback', async () => {
    const r = await discover(listsTripwire(byAddress));
    expect(r.errors).toContainEqual(
      expect.stringMatching(/robots-sitemap\.xml: MW_ERR_BLOCKED_ADDRESS: tripwire\.localhost/),
    );
  });

  it('refuses a sitemap-index child there', async () => {
    const r = await discover(listsTripwire(byAddress, { discovery: { sitemaps: ['/index.xml'] } }));
    expect(r.errors).toContainEqual(expect.stringMatching(/child\.xml: MW_ERR_BLOCKED_ADDRESS/));
  });

  it('refuses a feed there', async () => {
    const r = await discover(
      listsTripwire(byAddress, { discovery: { feeds: [`${tripLocal}/feed.xml`] } }),
    );
    expect(r.errors).toContainEqual(expect.stringMatching(/feed\.xml: MW_ERR_BLOCKED_ADDRESS/));
  });

  it('fails an article whose redirect goes there', async () => {
    const o = listsTripwire(byAddress);
    const err = await failure(fetchArticle(deps(), o, `${byAddress.url}/a/moved`));
    expect([err.code, err.retry]).toEqual(['MW_ERR_BLOCKED_ADDRESS', 'never']);
  });

  it('refuses an IP literal the outlet lists when allowPrivateHosts does not name it', async () => {
    // The outlet is reached as localhost (allowed); the tripwire by its IP, a listed host.
    const local = new HttpClient(settings, { allowPrivateHosts: ['localhost'] });
    try {
      const base = byHost.url.replace('127.0.0.1', 'localhost');
      const o = outlet(base, { hosts: [new URL(trip).host] });
      const err = await failure(
        fetchArticle(
          { ...deps(), http: local, robots: new RobotsCache(local, UA) },
          o,
          `${base}/a/moved`,
        ),
      );
      expect(err.code).toBe('MW_ERR_BLOCKED_ADDRESS');
    } finally {
      await local.close();
    }
  });

  it('reads robots.txt that redirects there as unavailable, without following', async () => {
    const robots = new RobotsCache(
      { get: (u, o) => http.get(u.replace('/robots.txt', '/local-robots.txt'), o) },
      UA,
    );
    const rules = await robots.rules(`${robotsMover.url}/a/x`, undefined, {
      hosts: [new URL(robotsMover.url).host, new URL(tripLocal).host],
    });
    expect(rules.status).toBe('unavailable');
  });

  it('never fetches a cloud metadata address, whatever the settings allow', async () => {
    const open = new HttpClient(settings, {
      allowPrivateHosts: ['169.254.169.254', 'fd00:ec2::254'],
    });
    try {
      for (const url of ['http://169.254.169.254/latest/meta-data/', 'http://[fd00:ec2::254]/']) {
        const err = await failure(open.get(url));
        expect(err.code, url).toBe('MW_ERR_BLOCKED_ADDRESS');
      }
    } finally {
      await open.close();
    }
  });
});

describe('network scope, through the workers', () => {
  it('records an article that redirects to another outlet as failed, and ignores a canonical there', async () => {
    const env = await outletRuntime({
      outlet: {
        id: 'hostile',
        name: 'Hostile Times',
        baseUrl: byHost.url,
        languages: ['en'],
        fetch: 'http',
        rateLimit: { requestsPerSecond: 50 },
        discovery: { robots: false, pages: ['/links'] },
      },
    });
    try {
      const runId = await enqueueCrawl(env.rt, { outletIds: ['hostile'], eventIds: [] });
      await waitForCrawl(env.rt, runId);
      const ledger = new Map(
        (await env.rt.store.ledger({ runId })).map((r) => [new URL(r.url).pathname, r]),
      );
      expect(ledger.get('/a/moved')).toMatchObject({
        status: 'failed',
        reason: expect.stringMatching(
          /^MW_ERR_OFF_SITE: .*redirects to http:\/\/127\.0\.0\.1:\d+\/story/,
        ),
      });
      expect(ledger.get('/a/canon')?.status).toBe('stored');
      const stored = await env.rt.store.articles();
      expect(stored.map((a) => a.url)).toEqual([`${byHost.url}/a/canon`]);
    } finally {
      await env.close();
    }
  }, 60_000);
});

describeWithChromium('network scope, in the browser', () => {
  let pool: BrowserPool;
  beforeAll(() => {
    pool = new BrowserPool({
      executablePath: null,
      pages: 1,
      navigationTimeoutMs: 10_000,
      userAgent: UA,
      network,
    });
  });
  afterAll(async () => {
    await pool?.close();
  });
  const render = (server: Server, path: string, hosts: string[] = []) =>
    pool.render(`${server.url}${path}`, {
      scope: { hosts: [new URL(server.url).host, ...hosts] },
      consent: { waitFor: '#done' },
    });
  const tripLocalHost = (): string => new URL(tripLocal).host;

  describe('the host rule', () => {
    it('fails a page that redirects to another host', async () => {
      const err = await failure(render(byHost, '/b/redirect'));
      expect(err.code).toBe('MW_ERR_OFF_SITE');
    }, 30_000);

    it('fails the article in browser mode too', async () => {
      const o = outlet(byHost.url, { fetch: 'browser' });
      const err = await failure(fetchArticle(deps(pool), o, `${byHost.url}/b/redirect`));
      expect(err.code).toBe('MW_ERR_OFF_SITE');
    }, 30_000);

    it('stops a script whose URL redirects to another host', async () => {
      const r = await render(byHost, '/b/subresource');
      expect(r.html).toContain('A story with a script that hops');
    }, 30_000);

    it('stops a fetch to another host', async () => {
      await render(byHost, '/b/fetch');
    }, 30_000);

    it('closes a WebSocket to another host', async () => {
      await render(byHost, '/b/ws');
    }, 30_000);

    it('blocks service workers', async () => {
      const r = await render(byHost, '/b/sw');
      expect(r.html).toMatch(
        /<i id="done">(no service workers|never registered|refused: [^<]*)<\/i>/,
      );
    }, 30_000);
  });

  describe('the address rule', () => {
    it('fails a page that redirects to a listed host that resolves to loopback', async () => {
      const err = await failure(render(byAddress, '/b/redirect', [tripLocalHost()]));
      expect(err.code).toBe('MW_ERR_BLOCKED_ADDRESS');
    }, 30_000);

    it('stops a script redirect, a fetch and a WebSocket there', async () => {
      for (const path of ['/b/subresource', '/b/fetch', '/b/ws'])
        await render(byAddress, path, [tripLocalHost()]);
    }, 60_000);
  });
});
