// Report exports end to end: a real crawl of the outlet simulator (BullMQ on Redis, Chromium,
// SQLite), then `mediawatch report` in every format and `mediawatch mention set`, read back
// and checked against the simulator's known coverage.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { parse, stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { enqueueCrawl, waitForCrawl } from '../../jobs/crawl.js';
import { run } from '../../app/cli/main.js';
import { seedArticle } from '../helpers/articles.js';
import { crawlEnv, type CrawlEnv } from '../helpers/crawl-env.js';
import { tmpDir } from '../helpers/tmp.js';

const EVENT = 'vilvoorde-2024';
/** Audience figures written into the test's outlet files (Brussels Times left without one). */
const AUDIENCE: Record<string, number> = { belga: 50_000, rtl: 400_000, lalibre: 250_000 };

let env: CrawlEnv;
const out = tmpDir('mw-report-');
const file = (name: string): string => join(out.dir, name);

interface JsonReport {
  totals: { articles: number; notRelevant: number; reach: number; audienceUnknown: string[] };
  outlets: Array<{ id: string; articles: number; audience: number | null; reach: number | null }>;
  byLanguage: Array<{ language: string; articles: number }>;
  firstToReport: { outlet: string; url: string; published: string } | null;
  timeline: { days: string[]; total: number[] };
  shareOfVoice: Array<{ eventId: string; articles: number; share: number }>;
  articles: Array<{
    articleId: number;
    url: string;
    tags: string[];
    tone: string | null;
    story: { originalId: number; relation: string; size: number };
  }>;
}

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((c: string | Uint8Array) => {
    stdout += String(c);
    return true;
  });
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((c: string | Uint8Array) => {
    stderr += String(c);
    return true;
  });
  try {
    const argv = ['node', 'mediawatch', '--config', env.config.dir, ...args];
    return { code: await run(argv), stdout, stderr };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

async function report(format: string): Promise<string> {
  const target = file(`report.${format}`);
  const r = await cli(['report', EVENT, '--format', format, '--out', target]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return target;
}

function json(): JsonReport {
  return JSON.parse(readFileSync(file('report.json'), 'utf8')) as JsonReport;
}

/** RFC 4180 records (quoted cells may hold commas, quotes and line breaks). */
function csvRecords(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted && c === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === ',') {
      row.push(cell);
      cell = '';
    } else if (!quoted && c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  return rows;
}

beforeAll(async () => {
  env = await crawlEnv();
  const runId = await enqueueCrawl(env.rt, {
    outletIds: env.config.outlets.map((o) => o.id),
    eventIds: [],
  });
  await waitForCrawl(env.rt, runId);
  // Analysts keep audience figures in the outlet files; the report reads the config again.
  for (const [id, audience] of Object.entries(AUDIENCE)) {
    const path = join(env.config.dir, 'outlets', `${id}.yaml`);
    const outlet = parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
    writeFileSync(path, stringify({ ...outlet, audience }));
  }
}, 240_000);

afterAll(async () => {
  await env?.close();
  out.cleanup();
});

describe('report exports of a simulator crawl', () => {
  it('reports the known coverage: counts per outlet and language, first to report, reach', async () => {
    await report('json');
    const r = json();
    const coverage = env.sim.manifest.filter((a) => a.kind === 'coverage');
    const tally = (key: (a: (typeof coverage)[number]) => string): Record<string, number> => {
      const t: Record<string, number> = {};
      for (const a of coverage) t[key(a)] = (t[key(a)] ?? 0) + 1;
      return t;
    };
    expect(r.totals.articles).toBe(coverage.length);
    expect(Object.fromEntries(r.outlets.map((o) => [o.id, o.articles]))).toEqual(
      tally((a) => a.outlet),
    );
    expect(Object.fromEntries(r.byLanguage.map((l) => [l.language, l.articles]))).toEqual(
      tally((a) => a.lang),
    );
    const earliest = [...coverage].sort(
      (a, b) => Date.parse(a.published) - Date.parse(b.published),
    )[0];
    expect(r.firstToReport?.url).toBe(earliest?.url);
    expect(r.firstToReport?.outlet).toBe(earliest?.outlet);

    const byOutlet = tally((a) => a.outlet);
    const reach = Object.entries(AUDIENCE).reduce(
      (n, [id, aud]) => n + aud * (byOutlet[id] ?? 0),
      0,
    );
    expect(r.totals.reach).toBe(reach);
    expect(r.totals.audienceUnknown).toEqual(['brusselstimes']);
    expect(r.outlets.find((o) => o.id === 'brusselstimes')?.reach).toBeNull();

    // Every article falls on a day of the timeline (the simulator's coverage is dated).
    expect(r.timeline.total.reduce((a, b) => a + b, 0)).toBe(coverage.length);
    expect(r.shareOfVoice).toEqual([
      {
        eventId: EVENT,
        name: expect.any(String) as string,
        articles: coverage.length,
        share: 1,
        current: true,
      },
    ]);
  });

  it('groups the Belga dispatch with its pickups', () => {
    const r = json();
    const dispatch = env.sim.manifest
      .filter((a) => a.dispatchId === 'belga-vilvoorde')
      .map((a) => a.url)
      .sort();
    const groups = new Map<number, string[]>();
    for (const a of r.articles) {
      if (a.story.size > 1)
        groups.set(a.story.originalId, [...(groups.get(a.story.originalId) ?? []), a.url]);
    }
    expect([...groups.values()].map((g) => g.sort())).toEqual([dispatch]);
  });

  it('writes CSV and Excel with one row per mention', async () => {
    const mentions = await env.rt.store.mentions(EVENT);
    const csv = csvRecords(readFileSync(await report('csv'), 'utf8'));
    expect(csv[0]?.slice(0, 3)).toEqual(['story_original_id', 'story_relation', 'article_id']);
    expect(csv.length - 1).toBe(mentions.length);
    expect(
      csv
        .slice(1)
        .map((r) => Number(r[2]))
        .sort(),
    ).toEqual(mentions.map((m) => m.articleId).sort());

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(await report('xlsx'));
    const ws = wb.getWorksheet('Mentions');
    expect(ws?.rowCount).toBe(mentions.length + 1);
    const ids: number[] = [];
    ws?.eachRow((row, n) => {
      if (n > 1) ids.push(Number(row.getCell(3).value));
    });
    expect(ids.sort()).toEqual(mentions.map((m) => m.articleId).sort());
    expect(wb.worksheets.map((w) => w.name)).toEqual(
      expect.arrayContaining(['Mentions', 'Summary', 'Outlets', 'Timeline', 'Stories']),
    );
  });

  it("filters like the dashboard: --outlet lists that outlet's articles only, and says so", async () => {
    const mentions = await env.rt.store.mentions(EVENT);
    const of = (outlet: string) => mentions.filter((m) => m.article.outletId === outlet);
    // The outlet with the most mentions that still leaves others out.
    const outlet = [...new Set(mentions.map((m) => m.article.outletId))]
      .filter((o) => of(o).length < mentions.length)
      .sort((a, b) => of(b).length - of(a).length)[0];
    if (!outlet) throw new Error('the crawl stored mentions of one outlet only');
    const ids = of(outlet).map((m) => m.articleId);

    const r = await cli(['report', EVENT, '--outlet', outlet, '--format', 'csv']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const csv = csvRecords(r.stdout);
    // No comment line before the header: a CSV parser reads the header first.
    expect(csv[0]?.slice(0, 4)).toEqual([
      'story_original_id',
      'story_relation',
      'article_id',
      'outlet',
    ]);
    expect(csv.slice(1).map((row) => row[3])).toEqual(ids.map(() => outlet));
    expect(
      csv
        .slice(1)
        .map((row) => Number(row[2]))
        .sort(),
    ).toEqual([...ids].sort());

    const md = await cli(['report', EVENT, '--outlet', outlet, '--language', 'fr,nl']);
    expect(md.code).toBe(0);
    expect(md.stdout).toContain(`\nFilter: outlet: ${outlet} · languages: fr, nl.\n`);
    const frNl = of(outlet).filter((m) => ['fr', 'nl'].includes(m.article.language ?? ''));
    expect(md.stdout).toContain(
      `**${frNl.length} article(s)** from ${frNl.length ? 1 : 0} outlet(s).`,
    );
    // Unfiltered, the Markdown has no filter line.
    expect((await cli(['report', EVENT])).stdout).not.toContain('Filter:');

    const bad = await cli(['report', EVENT, '--from', '01/03/2024']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/MW_ERR_BAD_FILTER: from=01\/03\/2024/);
  });

  it('refuses xlsx and pdf on standard output with a clear error', async () => {
    const r = await cli(['report', EVENT, '--format', 'xlsx']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/MW_ERR_REPORT_NEEDS_OUT: .*--out/);
  });

  it('writes one self-contained HTML file whose only links are the articles', async () => {
    const html = readFileSync(await report('html'), 'utf8');
    const urls = new Set((await env.rt.store.mentions(EVENT)).map((m) => m.article.url));
    const refs = [
      ...html.matchAll(/\s(?:src|href|xlink:href|action|srcset)\s*=\s*["']?([^"'\s>]*)/gi),
    ].map((m) => (m[1] ?? '').replace(/&amp;/g, '&'));
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) expect(urls.has(ref), ref).toBe(true);
    expect(html).not.toMatch(/<script|<link|<iframe|<img|@import|url\(/i);
    expect(html).toContain('<svg');
    expect(html).toContain("default-src 'none'");
  });

  it('prints a PDF with Chromium', async () => {
    const pdf = readFileSync(await report('pdf'));
    expect(pdf.subarray(0, 4).toString('latin1')).toBe('%PDF');
    expect(pdf.length).toBeGreaterThan(10_000);
  }, 60_000);

  it('keeps an analyst override out of totals and exports, and in the database', async () => {
    const mentions = await env.rt.store.mentions(EVENT);
    const target = mentions.find((m) => m.article.outletId === 'lalibre');
    if (!target) throw new Error('no La Libre mention');
    const set = await cli([
      'mention',
      'set',
      EVENT,
      String(target.articleId),
      '--not-relevant',
      '--tag',
      'opinion',
      '--tone',
      'negative',
    ]);
    expect(set.stdout).toContain('NOT RELEVANT');
    const other = mentions.find((m) => m.articleId !== target.articleId);
    await cli([
      'mention',
      'set',
      EVENT,
      String(other?.articleId),
      '--tag',
      'key',
      '--tone',
      'positive',
    ]);

    // `mention list` shows every mention with its id and the decisions just taken.
    const listed = await cli(['mention', 'list', EVENT]);
    const lines = listed.stdout.trim().split('\n').slice(1);
    expect(lines).toHaveLength(mentions.length);
    const line = (id: number): string =>
      lines.find((l) => l.trimStart().startsWith(`${id} `)) ?? '';
    expect(line(target.articleId)).toContain('NOT RELEVANT; tags: opinion; tone: negative');
    expect(line(other?.articleId ?? 0)).toContain('[tags: key; tone: positive]');
    const rows = JSON.parse((await cli(['mention', 'list', EVENT, '--json'])).stdout) as Array<{
      articleId: number;
      relevant: boolean;
    }>;
    expect(rows.map((x) => x.articleId).sort()).toEqual(mentions.map((m) => m.articleId).sort());
    expect(rows.find((x) => x.articleId === target.articleId)?.relevant).toBe(false);

    await report('json');
    const r = json();
    expect(r.totals.articles).toBe(mentions.length - 1);
    expect(r.totals.notRelevant).toBe(1);
    expect(r.articles.some((a) => a.articleId === target.articleId)).toBe(false);
    expect(r.articles.find((a) => a.articleId === other?.articleId)).toMatchObject({
      tags: ['key'],
      tone: 'positive',
    });
    const csv = csvRecords(readFileSync(await report('csv'), 'utf8'));
    expect(csv.length - 1).toBe(mentions.length - 1);
    expect((await env.rt.store.mentions(EVENT)).length).toBe(mentions.length);

    // The crawler rewrites the mention; the analyst's decision stays.
    await seedArticle(env.rt.store, target.article, [
      { ...target, summary: `${target.summary} (updated)` },
    ]);
    await report('json');
    expect(json().totals.notRelevant).toBe(1);

    const undo = await cli(['mention', 'set', EVENT, String(target.articleId), '--relevant']);
    expect(undo.stdout).toContain('relevant; tags: opinion; tone: negative');
    await report('json');
    expect(json().totals.articles).toBe(mentions.length);
  });

  it('refuses an unknown mention', async () => {
    // As a user sees it: exit code 1 and the error code named on stderr.
    const r = await cli(['mention', 'set', EVENT, '999999', '--tag', 'x']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^mediawatch: MW_ERR_UNKNOWN_MENTION: /);
  });
});
