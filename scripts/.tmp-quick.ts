// scratch: our scores only, compared with a saved baseline
import { readFileSync, readdirSync, existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { extractFromHtml } from '../src/extract/index.js';
import { parseHtml } from '../src/html/parse.js';
import { foldSpace, hasChildNodes, isElement, isText } from '../src/extract/dom.js';
import type { AnyNode } from '../src/extract/dom.js';
import { BLOCK_TAGS } from '../src/extract/content-stats.js';
const dir = '/work/shared/datasets/readability-test-pages';
function htmlToText(html: string): string {
  const parts: string[] = [];
  const walk = (node: AnyNode): void => {
    if (isText(node)) { parts.push(node.data); return; }
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
const size = (b: Map<string, number>) => [...b.values()].reduce((a, c) => a + c, 0);
const rows: Record<string, [number, number, number]> = {};
let P = 0, R = 0, F = 0, n = 0;
for (const page of readdirSync(dir).sort()) {
  if (!existsSync(path.join(dir, page, 'source.html'))) continue;
  const html = readFileSync(path.join(dir, page, 'source.html'), 'utf8');
  const exp = bag(htmlToText(readFileSync(path.join(dir, page, 'expected.html'), 'utf8')));
  const got = bag(extractFromHtml(html, 'http://fakehost/test/page.html').body ?? '');
  let o = 0;
  for (const [w, c] of got) o += Math.min(c, exp.get(w) ?? 0);
  const p = size(got) ? o / size(got) : 0, r = size(exp) ? o / size(exp) : 0;
  const f = p + r ? (2 * p * r) / (p + r) : 0;
  rows[page] = [p, r, f]; P += p; R += r; F += f; n++;
}
console.log(`P ${(P / n).toFixed(4)} R ${(R / n).toFixed(4)} F1 ${(F / n).toFixed(4)} (${n} pages)`);
const base = process.argv[2] === 'save' ? null : existsSync('/tmp/mw/base.json') ? JSON.parse(readFileSync('/tmp/mw/base.json', 'utf8')) : null;
if (base) for (const [k, v] of Object.entries(rows)) {
  const b = base[k];
  if (Math.abs(b[2] - v[2]) > 0.0005 || Math.abs(b[0] - v[0]) > 0.0005) console.log(`${k.padEnd(40)} P ${b[0].toFixed(3)}->${v[0].toFixed(3)} R ${b[1].toFixed(3)}->${v[1].toFixed(3)} F ${b[2].toFixed(3)}->${v[2].toFixed(3)}`);
}
if (process.argv[2] === 'save') writeFileSync('/tmp/mw/base.json', JSON.stringify(rows));
