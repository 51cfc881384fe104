// Extraction speed: parse (htmlparser2, once per page) + extractArticle on the development set
// (the Readability test pages), single process, pages held in memory so that no disk time is
// counted. One warm-up round, then N timed rounds; prints the median round as pages/s, with
// parse alone for comparison.
// Run: npx tsx bench/extract.ts [--rounds N]   (or node dist/bench/extract.js; npm run bench)
// The data set path comes from MW_DATASETS, else ../shared/datasets next to the repository.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { packageRoot } from '../src/config/paths.js';
import { extractArticle } from '../src/extract/index.js';
import { parseHtml } from '../src/html/parse.js';

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '5' } } });
const rounds = Math.max(1, Number(values.rounds));
const datasets = process.env['MW_DATASETS'] ?? resolve(packageRoot(), '../shared/datasets');
const dir = join(datasets, 'readability-test-pages');
if (!existsSync(dir)) {
  process.stdout.write(`(extract: MW_ERR_DATASET_MISSING: ${dir} not found; set MW_DATASETS)\n`);
  process.exit(0);
}
const pages = readdirSync(dir)
  .filter((d) => existsSync(join(dir, d, 'source.html')))
  .sort()
  .map((d) => readFileSync(join(dir, d, 'source.html'), 'utf8'));
const megabytes = pages.reduce((n, p) => n + Buffer.byteLength(p), 0) / 1e6;
const URL = 'http://fakehost/test/page.html';

function round(withExtract: boolean): number {
  const t = performance.now();
  let bodies = 0;
  for (const html of pages) {
    const doc = parseHtml(html);
    if (withExtract && extractArticle(doc, URL).body !== null) bodies++;
  }
  const ms = performance.now() - t;
  if (withExtract && bodies === 0) throw new Error('no bodies extracted');
  return ms;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

round(true); // warm-up: JIT, regex compilation
const full: number[] = [];
const parseOnly: number[] = [];
for (let i = 0; i < rounds; i++) {
  full.push(round(true));
  parseOnly.push(round(false));
}
const line = (name: string, ms: number): string =>
  `| ${name} | ${((pages.length * 1000) / ms).toFixed(1)} | ${(ms / pages.length).toFixed(2)} | ${((megabytes * 1000) / ms).toFixed(1)} |`;
const cpu = cpus()[0]?.model ?? 'unknown CPU';
process.stdout.write(
  [
    `${pages.length} pages, ${megabytes.toFixed(1)} MB of HTML (${dir}); median of ${rounds} rounds`,
    `${cpus().length} × ${cpu}, Node ${process.version}`,
    '',
    '| what | pages/s | ms/page | MB/s |',
    '|---|---|---|---|',
    line('parse + extract (one process)', median(full)),
    line('parse alone (htmlparser2)', median(parseOnly)),
    '',
  ].join('\n'),
);
