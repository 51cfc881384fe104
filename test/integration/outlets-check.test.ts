// `mediawatch outlets check` against the outlet simulator, on real components: the machine's
// Redis (a fresh key prefix) for the rate limiter, Chromium for RTL's client-rendered body,
// HTTP on loopback. Calls the command's function, then the command itself for --json and the
// exit code.
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { writeSimConfig } from '../../src/sim/demo-config.js';
import { outletsCheckCommand, runOutletsCheck } from '../../app/cli/commands/outlets-check.js';
import { loadConfig, type Config } from '../../src/config/load.js';
import { createLogger } from '../../src/log.js';
import type { OutletCheck } from '../../src/outlets/check.js';
import { formatCheckTable } from '../../src/outlets/check-table.js';
import { startSimulator, type Simulator } from '../../src/sim/index.js';
import { serve } from '../helpers/server.js';
import { tmpDir } from '../helpers/tmp.js';

let sim: Simulator;
let tmp: { dir: string; cleanup(): void };
let config: Config;
let results: OutletCheck[];
const quiet = createLogger({
  level: 'warn',
  pretty: false,
  destination: new Writable({ write: (_c, _e, done) => done() }),
});

function writeConfig(): Config {
  const dir = join(tmp.dir, `config-${randomUUID().slice(0, 8)}`);
  writeSimConfig(join(import.meta.dirname, '../../config'), dir, sim.origins, {
    databaseUrl: join(tmp.dir, 'unused.db'),
    redisPrefix: `mw-test-${randomUUID().slice(0, 8)}`,
    requestsPerSecond: 50,
  });
  return loadConfig(dir, {
    REDIS_URL: process.env.REDIS_URL,
    CHROMIUM_PATH: process.env.CHROMIUM_PATH,
  });
}

function result(id: string): OutletCheck {
  const r = results.find((x) => x.id === id);
  if (!r) throw new Error(`no result for ${id}`);
  return r;
}

beforeAll(async () => {
  sim = await startSimulator();
  tmp = tmpDir('mw-outlets-');
  config = writeConfig();
  results = await runOutletsCheck(config, quiet);
}, 120_000);
afterAll(async () => {
  await sim?.close();
  tmp?.cleanup();
});

describe('outlets check against the simulator', () => {
  it('checks every simulated outlet, in config order, and finds candidates for each', () => {
    expect(results.map((r) => r.id)).toEqual(config.outlets.map((o) => o.id));
    expect(results.map((r) => r.id).sort()).toEqual(['belga', 'brusselstimes', 'lalibre', 'rtl']);
    for (const r of results) {
      expect(r.robots?.status, r.id).toBe(200);
      expect(r.candidates, r.id).toBeGreaterThan(0);
      expect(r.ok).toBe(true);
    }
  });

  it('reports the Brussels Times feed as HTML where XML was expected, and its sitemap read', () => {
    const bt = result('brusselstimes');
    const feed = bt.sources.find((s) => s.kind === 'feed');
    expect(feed).toMatchObject({ ok: false, status: 200 });
    expect(feed?.error?.code).toBe('MW_ERR_NOT_XML');
    expect(feed?.error?.reason).toBe('HTML where XML was expected');
    const sitemap = bt.sources.find((s) => s.kind === 'sitemap');
    expect(sitemap).toMatchObject({ ok: true, from: 'config', status: 200 });
    expect(sitemap?.urls).toBeGreaterThan(0);
    // robots.txt declares the same sitemap: it is read once.
    expect(bt.sources.filter((s) => s.kind === 'sitemap')).toHaveLength(1);
    expect(bt.robots?.sitemaps).toEqual([sitemap?.url]);
    expect(bt.sample).toMatchObject({ mode: 'http', body: true, access: 'free' });
  });

  it('needs the browser for the RTL sample, which then extracts with a body', () => {
    const rtl = result('rtl');
    expect(rtl.sources.map((s) => s.kind)).toEqual(['page', 'page']);
    for (const page of rtl.sources) expect(page.urls).toBeGreaterThan(0);
    expect(rtl.consent).toBe('didomi');
    expect(rtl.sample?.mode).toBe('browser');
    expect(rtl.sample?.body).toBe(true);
    expect(rtl.sample?.bodyChars).toBeGreaterThan(200);
  });

  it("reads La Libre's Arc feed and news sitemap, and Belga's sitemap index", () => {
    const ll = result('lalibre');
    for (const s of ll.sources.filter((x) => x.kind !== 'page')) {
      expect(s.ok, s.url).toBe(true);
      expect(s.urls, s.url).toBeGreaterThan(0);
    }
    const belga = result('belga').sources.find((s) => s.kind === 'sitemap');
    expect(belga?.index).toEqual({ children: 1, read: 1 });
    expect(belga?.urls).toBeGreaterThan(0);
  });

  it('prints a table with one row per outlet and the problems underneath', () => {
    const table = formatCheckTable(results);
    const lines = table.split('\n');
    expect(lines[0]).toMatch(/^OUTLET\s+ROBOTS\s+SITEMAPS\s+FEEDS\s+PAGES\s+CANDIDATES\s+SAMPLE$/);
    expect(lines.find((l) => l.startsWith('rtl '))).toMatch(/browser, \d+ chars/);
    expect(table).toMatch(
      /brusselstimes\s+feed \/feed: HTML where XML was expected \(MW_ERR_NOT_XML\)/,
    );
    expect(table).toContain('4 outlets checked; every one yields candidates.');
  });

  it('prints JSON with --json and exits 1 when an outlet yields no candidate', async () => {
    const dir = writeConfig().dir;
    const run = async (args: string[]): Promise<{ out: string; code: number | undefined }> => {
      let out = '';
      const write = vi
        .spyOn(process.stdout, 'write')
        .mockImplementation((chunk: string | Uint8Array) => {
          out += String(chunk);
          return true;
        });
      const before = process.exitCode;
      try {
        const program = new Command('mediawatch')
          .option('--config <dir>')
          .exitOverride()
          .addCommand(new Command('outlets').addCommand(outletsCheckCommand()));
        await program.parseAsync([
          'node',
          'mediawatch',
          '--config',
          dir,
          'outlets',
          'check',
          ...args,
        ]);
        return { out, code: typeof process.exitCode === 'number' ? process.exitCode : undefined };
      } finally {
        write.mockRestore();
        process.exitCode = before;
      }
    };

    const ok = await run(['lalibre', '--json']);
    const parsed = JSON.parse(ok.out) as OutletCheck[];
    expect(parsed.map((r) => r.id)).toEqual(['lalibre']);
    expect(parsed[0]?.candidates).toBeGreaterThan(0);
    expect(ok.code).toBeUndefined();

    // An outlet whose only entry point is missing: no candidate, exit code 1.
    writeFileSync(
      join(dir, 'outlets', 'belga.yaml'),
      `id: belga\nname: Belga\nbaseUrl: ${sim.origins.belga}\nlanguages: [nl]\nfetch: http\n` +
        'discovery:\n  robots: false\n  sitemaps: [/no-such-sitemap.xml]\n  pages: []\n',
    );
    const empty = await run(['belga']);
    expect(empty.code).toBe(1);
    expect(empty.out).toMatch(/sitemap \/no-such-sitemap\.xml: HTTP 404 \(MW_ERR_HTTP_NOT_FOUND\)/);
    expect(empty.out).toContain('no candidates: belga.');
  });
});

describe('outlets check on a privacy-gated outlet', () => {
  it('records the article as gated at the consent host, without clicking anything', async () => {
    // Two loopback hosts: the newspaper, whose articles redirect to a consent host, and the
    // consent host (its /consent path is what DPG's myprivacy.dpgmedia.be serves).
    const gate = await serve((req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(
        '<!doctype html><html lang="nl"><head><title>Privacy Gate</title></head><body>' +
          '<h1>Jouw privacy</h1><p>Wij en onze partners gebruiken cookies.</p>' +
          '<button id="accept">Akkoord en doorgaan</button></body></html>',
      );
    });
    const paper = await serve((req, res) => {
      const path = req.url ?? '/';
      if (path === '/robots.txt') {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end('User-agent: *\nAllow: /\n');
      } else if (path === '/rss.xml') {
        res.writeHead(200, { 'content-type': 'application/rss+xml' });
        res.end(
          '<?xml version="1.0"?><rss version="2.0"><channel><title>Krant</title>' +
            `<item><title>Iets</title><link>${paper.url}/binnenland/iets~a1234567/</link></item>` +
            '</channel></rss>',
        );
      } else {
        const callback = encodeURIComponent(`${paper.url}/privacy-gate/accept?redirectUri=${path}`);
        res.writeHead(302, { location: `${gate.url}/consent?siteKey=x&callbackUrl=${callback}` });
        res.end();
      }
    });
    try {
      const dir = writeConfig().dir;
      writeFileSync(
        join(dir, 'outlets', 'krant.yaml'),
        `id: krant\nname: De Krant\nbaseUrl: ${paper.url}\nlanguages: [nl]\nfetch: http\n` +
          'rateLimit: { requestsPerSecond: 50 }\n' +
          'discovery:\n  feeds: [/rss.xml]\n  pages: []\n' +
          'consent:\n  platform: privacy-gate\n' +
          // The gate is the outlet's own consent host: listed, so the redirect may go there.
          `hosts: ['${new URL(gate.url).host}']\n`,
      );
      const config = loadConfig(dir, { REDIS_URL: process.env.REDIS_URL });
      const [krant] = await runOutletsCheck(config, quiet, { outletIds: ['krant'] });
      expect(krant).toMatchObject({
        id: 'krant',
        consent: 'privacy-gate',
        candidates: 1,
        ok: true,
      });
      expect(krant?.sample).toMatchObject({
        url: `${paper.url}/binnenland/iets~a1234567/`,
        mode: 'http',
        body: false,
        access: 'gated',
        redirectedTo: new URL(gate.url).host,
      });
    } finally {
      await paper.close();
      await gate.close();
    }
  });
});
