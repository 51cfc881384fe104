// Scores the article extractor, and @mozilla/readability (with jsdom) on the same pages in the
// same run, on four sets:
//
//   1. the Readability test pages (../shared/datasets/readability-test-pages): 130 real pages,
//      whose reference is Readability's own output (expected.html), so the comparison favours
//      Readability; titles, dates and bylines come from expected-metadata.json;
//   2. our gold pages (test/fixtures/extract-gold): pages written by us on the markup of
//      Belgian outlets, with a reference written by hand the way news bodies are annotated
//      (no captions, bylines, related lists …), body null for pages without an article;
//   3. our held-out pages (test/fixtures/extract-holdout): written the same way by someone who
//      did not see the extractor or the gold pages; measured, never tuned on;
//   4. the second held-out batch (test/fixtures/extract-holdout-2): pages in the shapes of
//      issue 14 (short articles with comments, press-release boilerplate or teasers around them,
//      listicles, blog posts, pages in Korean, Japanese, Arabic and Cyrillic scripts), written by
//      someone who never saw the extractor; measured, never tuned on.
//
//   npx tsx scripts/eval-extract.ts [--verbose] [--set readability|gold|holdout|holdout2]
//   (npm run eval:extract)
//
// Scoring (scripts/lib/eval-score.ts): bags of lower-cased word tokens (a Han or kana character
// is a token: Chinese and Japanese put no spaces between words), precision, recall and F1 per page, then their means; a page where an extractor returns no body scores 0 (1 when the
// reference says there is no article). The data set path comes from MW_DATASETS, else
// ../shared/datasets next to the repository.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { JSDOM, VirtualConsole } from 'jsdom';
import { Readability } from '@mozilla/readability';
import { packageRoot } from '../src/config/paths.js';
import { extractFromHtml } from '../src/extract/index.js';
import type { ExtractedArticle } from '../src/extract/types.js';
import {
  bag,
  bylineReference,
  htmlToText,
  matchTitle,
  mean,
  percent,
  sameAuthors,
  sameInstant,
  score,
  scoreBody,
} from './lib/eval-score.js';
import type { Scores, TitleMatch } from './lib/eval-score.js';
import { readGoldPages } from './lib/gold-pages.js';

const repoRoot = packageRoot();
const datasets = process.env['MW_DATASETS'] ?? path.resolve(repoRoot, '../shared/datasets');
const readabilityDir = path.join(datasets, 'readability-test-pages');
const GOLD_SETS = {
  gold: 'test/fixtures/extract-gold',
  holdout: 'test/fixtures/extract-holdout',
  holdout2: 'test/fixtures/extract-holdout-2',
} as const;
const { values: args } = parseArgs({
  options: { verbose: { type: 'boolean', default: false }, set: { type: 'string' } },
});
// The URL the Readability test suite uses for its pages.
const PAGE_URL = 'http://fakehost/test/page.html';

interface TheirResult {
  body: string | null;
  title: string | null;
  byline: string | null;
  published: string | null;
}

/** Runs both extractors over the pages, ours first in a loop of its own (jsdom's garbage stays
 * out of our timing); returns the outputs and the time each took. */
function runBoth(pages: readonly { html: string; url: string }[]): {
  ours: ExtractedArticle[];
  theirs: TheirResult[];
  oursMs: number;
  theirsMs: number;
} {
  let oursMs = 0;
  const ours = pages.map(({ html, url }) => {
    const t = performance.now();
    const a = extractFromHtml(html, url);
    oursMs += performance.now() - t;
    return a;
  });
  let theirsMs = 0;
  const theirs = pages.map(({ html, url }) => {
    const t = performance.now();
    const dom = new JSDOM(html, { url, virtualConsole: new VirtualConsole() });
    const r = new Readability(dom.window.document).parse();
    theirsMs += performance.now() - t;
    dom.window.close();
    const body = r?.content ? htmlToText(r.content) : '';
    return {
      body: body === '' ? null : body,
      title: r?.title ?? null,
      byline: r?.byline ?? null,
      published: r?.publishedTime ?? null,
    };
  });
  return { ours, theirs, oursMs, theirsMs };
}

/** The columns every table starts with. */
const SCORE_HEAD = ['extractor', 'P', 'R', 'F1', 'title'];
const fmt = (n: number): string => n.toFixed(3);
const rate = (n: number, ms: number): string => ((n * 1000) / ms).toFixed(1);
const table = (head: string[], rows: string[][]): void => {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string =>
    `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  console.log(line(head));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const r of rows) console.log(line(r));
};
const titleOk = (t: TitleMatch, lenient: boolean): boolean =>
  t === 'exact' || (lenient && t === 'lenient');

// ---------------------------------------------------------------- the Readability test pages

interface ReadabilityMeta {
  title?: string | null;
  byline?: string | null;
  publishedTime?: string | null;
}

function readabilitySet(): void {
  if (!existsSync(readabilityDir)) {
    console.error(`MW_ERR_DATASET_MISSING: ${readabilityDir} not found (set MW_DATASETS)`);
    process.exitCode = 1;
    return;
  }
  const pages = readdirSync(readabilityDir)
    .filter((d) => existsSync(path.join(readabilityDir, d, 'source.html')))
    .sort()
    .map((page) => {
      const file = (name: string): string =>
        readFileSync(path.join(readabilityDir, page, name), 'utf8');
      return {
        page,
        url: PAGE_URL,
        html: file('source.html'),
        expected: bag(htmlToText(file('expected.html'))),
        meta: JSON.parse(file('expected-metadata.json')) as ReadabilityMeta,
      };
    });
  const { ours, theirs, oursMs, theirsMs } = runBoth(pages);
  const rows = pages.map((pg, i) => {
    const mine = ours[i];
    const their = theirs[i];
    const byline = pg.meta.byline ?? null;
    const published = pg.meta.publishedTime ?? null;
    return {
      page: pg.page,
      ours: score(bag(mine?.body ?? ''), pg.expected),
      theirs: score(bag(their?.body ?? ''), pg.expected),
      oursTitle: matchTitle(mine?.title ?? null, pg.meta.title ?? null),
      theirsTitle: matchTitle(their?.title ?? null, pg.meta.title ?? null),
      // Readability's own byline and date are the reference: scored for ours only, on the
      // pages that have one.
      date: published === null ? null : sameInstant(mine?.published ?? null, published),
      author: byline === null ? null : sameAuthors(mine?.authors ?? [], [bylineReference(byline)]),
    };
  });
  if (args.verbose) {
    for (const r of rows)
      console.log(
        `${r.page.padEnd(42)} ours P ${fmt(r.ours.p)} R ${fmt(r.ours.r)} F1 ${fmt(r.ours.f1)}  ` +
          `readability P ${fmt(r.theirs.p)} R ${fmt(r.theirs.r)} F1 ${fmt(r.theirs.f1)}  ` +
          `title ${r.oursTitle}/${r.theirsTitle}` +
          (r.date === false ? '  date differs' : '') +
          (r.author === false ? '  author differs' : ''),
      );
  }
  const dated = rows.filter((r) => r.date !== null);
  const signed = rows.filter((r) => r.author !== null);
  const line = (
    name: string,
    s: (r: (typeof rows)[number]) => Scores,
    t: (r: (typeof rows)[number]) => TitleMatch,
    ms: number,
    meta: [string, string],
  ): string[] => [
    name,
    fmt(mean(rows, (r) => s(r).p)),
    fmt(mean(rows, (r) => s(r).r)),
    fmt(mean(rows, (r) => s(r).f1)),
    percent(rows, rows.filter((r) => titleOk(t(r), false)).length),
    percent(rows, rows.filter((r) => titleOk(t(r), true)).length),
    ...meta,
    rate(rows.length, ms),
  ];
  console.log(`\n${rows.length} pages from ${readabilityDir} (reference: Readability's output)`);
  table(
    [...SCORE_HEAD, 'title ~', `date (${dated.length})`, `author (${signed.length})`, 'pages/s'],
    [
      line(
        'mediawatch (htmlparser2)',
        (r) => r.ours,
        (r) => r.oursTitle,
        oursMs,
        [
          percent(dated, dated.filter((r) => r.date).length),
          percent(signed, signed.filter((r) => r.author).length),
        ],
      ),
      line(
        'Readability 0.6 + jsdom',
        (r) => r.theirs,
        (r) => r.theirsTitle,
        theirsMs,
        ['reference', 'reference'],
      ),
    ],
  );
  const empty = rows.filter((r) => r.ours.p === 0 && r.ours.r === 0).length;
  console.log(`pages where mediawatch returned no body: ${empty}`);
}

// ---------------------------------------------------------------- our gold pages

function goldSet(name: keyof typeof GOLD_SETS): void {
  const goldDir = path.join(repoRoot, GOLD_SETS[name]);
  if (!existsSync(goldDir)) {
    console.error(`MW_ERR_DATASET_MISSING: ${goldDir} not found`);
    process.exitCode = 1;
    return;
  }
  const pages = readGoldPages(goldDir).map((p) => ({ ...p, url: p.gold.url }));
  const { ours, theirs, oursMs, theirsMs } = runBoth(pages);
  const rows = pages.map(({ page, gold }, i) => {
    const mine = ours[i];
    const their = theirs[i];
    return {
      page,
      ours: scoreBody(mine?.body ?? null, gold.body),
      theirs: scoreBody(their?.body ?? null, gold.body),
      oursTitle: matchTitle(mine?.title ?? null, gold.title),
      theirsTitle: matchTitle(their?.title ?? null, gold.title),
      oursDate: sameInstant(mine?.published ?? null, gold.published),
      theirsDate: sameInstant(their?.published ?? null, gold.published),
      oursAuthor: sameAuthors(mine?.authors ?? [], gold.authors),
      theirsAuthor: sameAuthors(their?.byline ? [their.byline] : [], gold.authors),
      language: mine?.language === gold.language,
      access: mine?.access === gold.access,
      wire: (mine?.wireCredit ?? null) === gold.wireCredit,
    };
  });
  if (args.verbose) {
    for (const r of rows) {
      const misses = [
        r.oursTitle === 'exact' ? '' : 'title',
        r.oursDate ? '' : 'date',
        r.oursAuthor ? '' : 'author',
        r.language ? '' : 'language',
        r.access ? '' : 'access',
        r.wire ? '' : 'wire',
      ].filter(Boolean);
      console.log(
        `${r.page.padEnd(32)} ours P ${fmt(r.ours.p)} R ${fmt(r.ours.r)} F1 ${fmt(r.ours.f1)}  ` +
          `readability P ${fmt(r.theirs.p)} R ${fmt(r.theirs.r)} F1 ${fmt(r.theirs.f1)}` +
          (misses.length > 0 ? `  differs: ${misses.join(', ')}` : ''),
      );
    }
  }
  const count = (ok: (r: (typeof rows)[number]) => boolean): string =>
    percent(rows, rows.filter(ok).length);
  console.log(`\n${rows.length} pages from ${GOLD_SETS[name]} (reference written by hand)`);
  table(
    [...SCORE_HEAD, 'date', 'authors', 'language', 'access', 'wire', 'pages/s'],
    [
      [
        'mediawatch (htmlparser2)',
        fmt(mean(rows, (r) => r.ours.p)),
        fmt(mean(rows, (r) => r.ours.r)),
        fmt(mean(rows, (r) => r.ours.f1)),
        count((r) => r.oursTitle === 'exact'),
        count((r) => r.oursDate),
        count((r) => r.oursAuthor),
        count((r) => r.language),
        count((r) => r.access),
        count((r) => r.wire),
        rate(rows.length, oursMs),
      ],
      [
        'Readability 0.6 + jsdom',
        fmt(mean(rows, (r) => r.theirs.p)),
        fmt(mean(rows, (r) => r.theirs.r)),
        fmt(mean(rows, (r) => r.theirs.f1)),
        count((r) => r.theirsTitle === 'exact'),
        count((r) => r.theirsDate),
        count((r) => r.theirsAuthor),
        '–',
        '–',
        '–',
        rate(rows.length, theirsMs),
      ],
    ],
  );
}

const sets = ['readability', 'gold', 'holdout', 'holdout2'];
if (args.set !== undefined && !sets.includes(args.set)) {
  console.error(`MW_ERR_BAD_ARGUMENT: --set is one of ${sets.join(', ')}, not "${args.set}"`);
  process.exitCode = 2;
} else {
  if (args.set === undefined || args.set === 'readability') readabilitySet();
  if (args.set === undefined || args.set === 'gold') goldSet('gold');
  if (args.set === undefined || args.set === 'holdout') goldSet('holdout');
  if (args.set === undefined || args.set === 'holdout2') goldSet('holdout2');
}
