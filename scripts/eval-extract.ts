// Scores the article extractor on the Readability test pages (a development set) and runs
// @mozilla/readability (with jsdom) on the same pages in the same run, for comparison.
//
//   npx tsx scripts/eval-extract.ts [--verbose]      (npm run eval:extract)
//
// Reference: each page's expected.html, which is Readability's own output (so the comparison
// favours Readability). Text is compared as bags of lower-cased word tokens: tags stripped,
// white space folded; precision, recall and F1 per page, then their means over all pages. A
// page where an extractor returns no body scores 0. Title accuracy compares with
// expected-metadata.json: "exact" after folding white space, "lenient" also when the expected
// title is ours plus a site suffix (" | Site", " - Site"), which our extractor strips on purpose.
// The data set path comes from MW_DATASETS, else ../shared/datasets next to the repository.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../src/config/paths.js';
import { performance } from 'node:perf_hooks';
import { JSDOM, VirtualConsole } from 'jsdom';
import { Readability } from '@mozilla/readability';
import { extractFromHtml } from '../src/extract/index.js';
import { parseHtml } from '../src/html/parse.js';
import { foldSpace, hasChildNodes, isElement, isText } from '../src/extract/dom.js';
import type { AnyNode } from '../src/extract/dom.js';
import { BLOCK_TAGS } from '../src/extract/content-stats.js';

const repoRoot = packageRoot();
const datasets = process.env['MW_DATASETS'] ?? path.resolve(repoRoot, '../shared/datasets');
const dir = path.join(datasets, 'readability-test-pages');
const verbose = process.argv.includes('--verbose');
// The URL the Readability test suite uses for these pages.
const PAGE_URL = 'http://fakehost/test/page.html';

interface Scores {
  p: number;
  r: number;
  f1: number;
}
interface Row {
  page: string;
  ours: Scores;
  theirs: Scores;
  oursTitle: TitleMatch;
  theirsTitle: TitleMatch;
}
type TitleMatch = 'exact' | 'lenient' | 'no';

function main(): void {
  if (!existsSync(dir)) {
    console.error(`MW_ERR_DATASET_MISSING: ${dir} not found (set MW_DATASETS)`);
    process.exit(1);
  }
  const pages = readdirSync(dir)
    .filter((d) => existsSync(path.join(dir, d, 'source.html')))
    .sort();
  const inputs = pages.map((page) => ({
    page,
    html: readFileSync(path.join(dir, page, 'source.html'), 'utf8'),
    expected: bag(htmlToText(readFileSync(path.join(dir, page, 'expected.html'), 'utf8'))),
    title: readExpectedTitle(page),
  }));

  // Ours first, in a loop of its own, so that jsdom's garbage does not land in our timing.
  let oursMs = 0;
  const ours = inputs.map(({ html }) => {
    const t = performance.now();
    const a = extractFromHtml(html, PAGE_URL);
    oursMs += performance.now() - t;
    return a;
  });

  let theirsMs = 0;
  const rows: Row[] = inputs.map(({ page, html, expected, title }, i) => {
    const t = performance.now();
    const dom = new JSDOM(html, { url: PAGE_URL, virtualConsole: new VirtualConsole() });
    const theirs = new Readability(dom.window.document).parse();
    theirsMs += performance.now() - t;
    dom.window.close();
    const mine = ours[i];
    const row: Row = {
      page,
      ours: score(bag(mine?.body ?? ''), expected),
      theirs: score(bag(theirs?.content ? htmlToText(theirs.content) : ''), expected),
      oursTitle: matchTitle(mine?.title ?? null, title),
      theirsTitle: matchTitle(theirs?.title ?? null, title),
    };
    if (verbose) printRow(row);
    return row;
  });
  printSummary(rows, oursMs, theirsMs);
}

function readExpectedTitle(page: string): string | null {
  const file = path.join(dir, page, 'expected-metadata.json');
  const meta = JSON.parse(readFileSync(file, 'utf8')) as { title?: string | null };
  return meta.title ?? null;
}

/** Text of an HTML fragment: tags stripped (blocks separated), entities decoded, space folded. */
function htmlToText(html: string): string {
  const parts: string[] = [];
  const walk = (node: AnyNode): void => {
    if (isText(node)) {
      parts.push(node.data);
      return;
    }
    if (isElement(node) && (node.type as string) !== 'tag') return;
    const block = isElement(node) && (BLOCK_TAGS.has(node.name) || node.name === 'br');
    if (block) parts.push(' ');
    if (hasChildNodes(node)) for (const c of node.children) walk(c);
    if (block) parts.push(' ');
  };
  walk(parseHtml(html));
  return foldSpace(parts.join(''));
}

const WORD = /[\p{L}\p{N}]+/gu;

function bag(text: string): Map<string, number> {
  const m = new Map<string, number>();
  for (const w of text.toLowerCase().match(WORD) ?? []) m.set(w, (m.get(w) ?? 0) + 1);
  return m;
}

function size(b: Map<string, number>): number {
  let n = 0;
  for (const c of b.values()) n += c;
  return n;
}

function score(got: Map<string, number>, expected: Map<string, number>): Scores {
  let overlap = 0;
  for (const [w, c] of got) overlap += Math.min(c, expected.get(w) ?? 0);
  const g = size(got);
  const e = size(expected);
  const p = g === 0 ? 0 : overlap / g;
  const r = e === 0 ? 0 : overlap / e;
  return { p, r, f1: p + r === 0 ? 0 : (2 * p * r) / (p + r) };
}

function matchTitle(got: string | null, expected: string | null): TitleMatch {
  if (expected === null || got === null) return expected === got ? 'exact' : 'no';
  const g = foldSpace(got);
  const e = foldSpace(expected);
  if (g === e) return 'exact';
  if (g.length > 0 && e.startsWith(g) && /^\s*[|\-–—:·•»]/.test(e.slice(g.length)))
    return 'lenient';
  if (g.length > 0 && e.endsWith(g) && /[|\-–—:·•«]\s*$/.test(e.slice(0, e.length - g.length)))
    return 'lenient';
  return 'no';
}

function fmt(n: number): string {
  return n.toFixed(3);
}

function printRow(r: Row): void {
  console.log(
    `${r.page.padEnd(42)} ours P ${fmt(r.ours.p)} R ${fmt(r.ours.r)} F1 ${fmt(r.ours.f1)}  ` +
      `readability P ${fmt(r.theirs.p)} R ${fmt(r.theirs.r)} F1 ${fmt(r.theirs.f1)}  ` +
      `title ${r.oursTitle}/${r.theirsTitle}`,
  );
}

function mean(rows: readonly Row[], pick: (r: Row) => number): number {
  return rows.reduce((n, r) => n + pick(r), 0) / rows.length;
}

function printSummary(rows: readonly Row[], oursMs: number, theirsMs: number): void {
  const share = (pick: (r: Row) => TitleMatch, lenient: boolean): string => {
    const ok = rows.filter((r) => pick(r) === 'exact' || (lenient && pick(r) === 'lenient')).length;
    return `${((100 * ok) / rows.length).toFixed(1)}%`;
  };
  const line = (
    name: string,
    s: (r: Row) => Scores,
    t: (r: Row) => TitleMatch,
    ms: number,
  ): string =>
    `| ${name.padEnd(26)} | ${fmt(mean(rows, (r) => s(r).p))} | ${fmt(mean(rows, (r) => s(r).r))} | ` +
    `${fmt(mean(rows, (r) => s(r).f1))} | ${share(t, false).padStart(6)} | ${share(t, true).padStart(8)} | ` +
    `${((rows.length * 1000) / ms).toFixed(1).padStart(7)} |`;
  const empty = rows.filter((r) => r.ours.p === 0 && r.ours.r === 0).length;
  console.log(`\n${rows.length} pages from ${dir}`);
  console.log(
    '| extractor                  | P     | R     | F1    | title  | title ~  | pages/s |',
  );
  console.log(
    '|----------------------------|-------|-------|-------|--------|----------|---------|',
  );
  console.log(
    line(
      'mediawatch (htmlparser2)',
      (r) => r.ours,
      (r) => r.oursTitle,
      oursMs,
    ),
  );
  console.log(
    line(
      'Readability 0.6 + jsdom',
      (r) => r.theirs,
      (r) => r.theirsTitle,
      theirsMs,
    ),
  );
  console.log(`pages where mediawatch returned no body: ${empty}`);
}

main();
