// The check's table and short error reasons, from hand-made results (pure functions).
import { describe, expect, it } from 'vitest';
import { MwError } from '../../../src/errors.js';
import type { OutletCheck } from '../../../src/outlets/check.js';
import { describeError } from '../../../src/outlets/check-errors.js';
import { formatCheckTable } from '../../../src/outlets/check-table.js';

const base = 'https://www.krant.test';

function check(over: Partial<OutletCheck>): OutletCheck {
  return {
    id: 'krant',
    name: 'De Krant',
    baseUrl: base,
    fetch: 'http',
    consent: null,
    robots: { url: `${base}/robots.txt`, status: 200, sitemaps: [] },
    sources: [],
    candidates: 0,
    skipped: { offSite: 0, robots: 0 },
    sample: null,
    ok: false,
    ...over,
  };
}

describe('describeError', () => {
  it('says "HTML where XML was expected" for a feed that answers a web page', () => {
    const e = describeError(
      new MwError(
        'MW_ERR_NOT_XML',
        `${base}/feed answered an HTML page where a sitemap or feed was expected`,
      ),
    );
    expect(e).toMatchObject({
      code: 'MW_ERR_NOT_XML',
      reason: 'HTML where XML was expected',
      status: null,
    });
  });

  it('keeps the HTTP status of a refused request', () => {
    const e = describeError(new MwError('MW_ERR_HTTP_FORBIDDEN', `HTTP 403 from ${base}/rss`));
    expect(e).toMatchObject({ reason: 'HTTP 403', status: 403 });
    expect(e.message).toBe(`MW_ERR_HTTP_FORBIDDEN: HTTP 403 from ${base}/rss`);
  });

  it('says "no answer" for a network error and gives other errors without their URL', () => {
    expect(
      describeError(new MwError('MW_ERR_NETWORK', `ECONNREFUSED fetching ${base}/`)).reason,
    ).toBe('no answer');
    expect(describeError(new Error(`boom at ${base}/x`))).toMatchObject({
      code: 'MW_ERR_INTERNAL',
      reason: 'boom at …',
    });
  });
});

describe('formatCheckTable', () => {
  it('shows a gated sample with the consent host it ended on, and each failing source', () => {
    const table = formatCheckTable([
      check({
        consent: 'privacy-gate',
        sources: [
          {
            kind: 'feed',
            from: 'config',
            url: `${base}/rss.xml`,
            ok: false,
            status: 403,
            urls: 0,
            notes: [],
            error: { code: 'MW_ERR_HTTP_FORBIDDEN', reason: 'HTTP 403', message: '', status: 403 },
          },
          {
            kind: 'page',
            from: 'config',
            url: `${base}/`,
            ok: true,
            status: 200,
            urls: 12,
            notes: [],
          },
        ],
        candidates: 12,
        ok: true,
        sample: {
          url: `${base}/binnenland/iets~a1234567/`,
          body: false,
          bodyChars: 0,
          mode: 'http',
          finalUrl: 'https://myprivacy.dpgmedia.be/consent?siteKey=x',
          access: 'gated',
          redirectedTo: 'myprivacy.dpgmedia.be',
        },
      }),
    ]);
    const row = table.split('\n')[1];
    expect(row).toMatch(
      /^krant\s+200\s+-\s+0\/1 · 0\s+1\/1 · 12\s+12\s+http, no body \(gated at myprivacy\.dpgmedia\.be\)$/,
    );
    expect(table).toMatch(/\n {2}krant\s+feed \/rss\.xml: HTTP 403 \(MW_ERR_HTTP_FORBIDDEN\)\n/);
    expect(table).toMatch(
      /\n {2}krant\s+sample \/binnenland\/iets~a1234567\/: no article body \(gated\)\n/,
    );
    expect(table).toContain('1 outlet checked; every one yields candidates.');
  });

  it('names the outlets without candidates', () => {
    const table = formatCheckTable([
      check({ id: 'a' }),
      check({ id: 'b', candidates: 1, ok: true }),
    ]);
    expect(table).toContain('2 outlets checked; no candidates: a.');
  });
});
