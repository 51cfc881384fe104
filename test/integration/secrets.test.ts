// Credentials in an outlet's URLs (user info in baseUrl, a token in a feed's query) never
// reach the terminal, the logs, the ledger or crawl_runs: a real `mediawatch crawl` process
// against a loopback outlet, with debug logs, then the SQLite file read back whole.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { spawnCli } from '../helpers/cli.js';
import { writeConfigDir } from '../helpers/config-dir.js';
import { serve } from '../helpers/server.js';
import { tmpDir } from '../helpers/tmp.js';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const SECRETS = ['hunter2-pw-5e1', 'tok-9a8b7c', 'key-4d3e2f'];
const cleanups: Array<() => Promise<void> | void> = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

describe('credentials in an outlet URL', () => {
  it('are redacted in the terminal, the logs, the ledger and crawl_runs', async () => {
    const server = await serve((req, res) => {
      const path = req.url ?? '/';
      if (path === '/robots.txt') return void res.end('User-agent: *\nAllow: /\n');
      if (path.startsWith('/broken.xml')) {
        res.writeHead(500);
        return void res.end('down');
      }
      if (path.startsWith('/feed.xml')) {
        res.writeHead(200, { 'content-type': 'application/rss+xml' });
        return void res.end(
          `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><item><title>Gone</title><link>${server.url}/n/gone</link></item></channel></rss>`,
        );
      }
      if (path === '/n/gone') {
        res.writeHead(404);
        return void res.end('gone');
      }
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html><body><a href="/n/gone">gone</a></body></html>');
    });
    cleanups.push(() => server.close());
    const withCreds = server.url.replace('http://', `http://alice:${SECRETS[0]}@`);
    const tmp = tmpDir();
    cleanups.push(() => tmp.cleanup());
    const db = join(tmp.dir, 'mw.db');
    const dir = writeConfigDir(join(tmp.dir, 'config'), {
      settings: {
        redis: { url: REDIS_URL, prefix: `mw-test-${randomUUID().slice(0, 8)}` },
        database: { url: db },
        network: { allowPrivateHosts: ['127.0.0.1'] },
      },
      outlets: [
        {
          id: 'leaky',
          name: 'Leaky',
          baseUrl: withCreds,
          languages: ['en'],
          fetch: 'http',
          rateLimit: { requestsPerSecond: 50 },
          discovery: {
            pages: ['/'],
            feeds: [`/feed.xml?token=${SECRETS[1]}`, `/broken.xml?api_key=${SECRETS[2]}`],
            articlePattern: '^/n/',
          },
        },
      ],
      events: [],
    });
    const cli = spawnCli(['--config', dir, 'crawl'], { REDIS_URL, LOG_LEVEL: 'debug' });
    await cli.exit;
    const terminal = cli.output();
    // The crawl did run into the errors that carry the URLs.
    expect(terminal).toContain('discovery sources that failed');
    for (const s of SECRETS) expect(terminal).not.toContain(s);
    const sqlite = new Database(db, { readonly: true });
    cleanups.push(() => void sqlite.close());
    const ledger = JSON.stringify(sqlite.prepare('SELECT * FROM ledger').all());
    const runs = JSON.stringify(sqlite.prepare('SELECT * FROM crawl_runs').all());
    expect(ledger).toContain('MW_ERR_HTTP_NOT_FOUND');
    expect(runs).toContain('MW_ERR_HTTP_SERVER');
    for (const s of SECRETS) {
      expect(ledger).not.toContain(s);
      expect(runs).not.toContain(s);
    }
  }, 90_000);
});
