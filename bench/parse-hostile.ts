// Parsing hostile pages (docs/reliability.md): how long parseHtml, and parseHtml + extractArticle,
// take on pages built to be slow: 200,000 nested <div>s (2.2 MB; htmlparser2 alone is quadratic
// on it, ~40 s), 200,000 unclosed <p>, <li> and <span>, nested tables, 100,000 paragraphs, a
// title of a megabyte. Every page should take well under a second, so that no page holds a
// worker anywhere near its BullMQ lock. For comparison, htmlparser2's own parseDocument on the
// nested page at 10,000, 20,000 and 40,000 levels shows its quadratic growth (--unbounded-full
// adds the 200,000 levels: ~40 s).
// Run: npx tsx bench/parse-hostile.ts [--rounds N] [--unbounded-full]   (npm run bench)
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { parseDocument } from 'htmlparser2';
import { extractArticle } from '../src/extract/index.js';
import { parseHtml } from '../src/html/parse.js';

const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '3' },
    'unbounded-full': { type: 'boolean', default: false },
  },
});
const rounds = Math.max(1, Number(values.rounds));
const N = 200_000;
const nested = (n: number): string =>
  `<html><body>${'<div>'.repeat(n)}deep text${'</div>'.repeat(n)}</body></html>`;
const sentence = 'Le conseil communal a voté le budget, après un long débat. ';
const pages: Array<[string, string]> = [
  ['200,000 nested <div>', nested(N)],
  ['200,000 nested <div class id>', `${'<div class="a" id="b">'.repeat(N)}x${'</div>'.repeat(N)}`],
  ['200,000 unclosed <span>', '<span>x'.repeat(N)],
  ['200,000 unclosed <p>', '<p>x'.repeat(N)],
  ['200,000 <li> in one list', `<ul>${'<li>x'.repeat(N)}</ul>`],
  ['50,000 nested tables', '<table><tr><td>'.repeat(N / 4)],
  ['100,000 paragraphs', `<article>${`<p>${sentence}</p>`.repeat(N / 2)}</article>`],
  ['a 1 MB <title>', `<title>${'Vilvorde '.repeat(120_000)}</title><p>${sentence}</p>`],
];

function best(fn: () => void): number {
  let min = Infinity;
  for (let i = 0; i < rounds; i++) {
    const t = performance.now();
    fn();
    min = Math.min(min, performance.now() - t);
  }
  return min;
}

const URL = 'https://outlet.test/a';
parseHtml(pages[0]![1]); // warm-up
const rows = pages.map(([name, html]) => {
  const parse = best(() => parseHtml(html));
  const total = best(() => extractArticle(parseHtml(html), URL));
  return `| ${name} | ${(html.length / 1e6).toFixed(1)} | ${parse.toFixed(0)} | ${total.toFixed(0)} |`;
});
const depths = [10_000, 20_000, 40_000, ...(values['unbounded-full'] ? [N] : [])];
const unbounded = depths.map((n) => {
  const html = nested(n);
  const t = performance.now();
  parseDocument(html, { decodeEntities: true, lowerCaseAttributeNames: true });
  const ms = performance.now() - t;
  const ours = best(() => parseHtml(html));
  return `| ${n.toLocaleString('en')} nested <div> | ${ms.toFixed(0)} | ${ours.toFixed(0)} |`;
});
process.stdout.write(
  [
    `hostile pages, best of ${rounds} rounds; ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}`,
    '',
    '| page | MB | parseHtml (ms) | parseHtml + extractArticle (ms) |',
    '|---|---|---|---|',
    ...rows,
    '',
    '| page | htmlparser2 parseDocument, unbounded (ms) | parseHtml (ms) |',
    '|---|---|---|',
    ...unbounded,
    '',
  ].join('\n'),
);
