// scratch (deleted before finishing)
import { readFileSync, readdirSync, existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { extractFromHtml } from '../src/extract/index.js';
import { parseHtml } from '../src/html/parse.js';
import { foldSpace, isElement, isText, hasChildNodes } from '../src/extract/dom.js';
import type { AnyNode } from '../src/extract/dom.js';
import { BLOCK_TAGS } from '../src/extract/content-stats.js';
const dir = '/work/shared/datasets/readability-test-pages';
const W = /[\p{L}\p{N}]+/gu;
const out: string[] = [];
const only = process.argv[2];
for (const page of readdirSync(dir).sort()) {
  if (only && page !== only) continue;
  if (!existsSync(path.join(dir, page, 'source.html'))) continue;
  const html = readFileSync(path.join(dir, page, 'source.html'), 'utf8');
  const exp = readFileSync(path.join(dir, page, 'expected.html'), 'utf8');
  const blocks: string[] = [];
  let cur: string[] = [];
  const walk = (n: AnyNode): void => {
    if (isText(n)) { cur.push(n.data); return; }
    const b = isElement(n) && (BLOCK_TAGS.has(n.name) || n.name === 'br');
    if (b) { blocks.push(foldSpace(cur.join(''))); cur = []; }
    if (hasChildNodes(n)) for (const c of n.children) walk(c);
    if (b) { blocks.push(foldSpace(cur.join(''))); cur = []; }
  };
  walk(parseHtml(exp));
  blocks.push(foldSpace(cur.join('')));
  const a = extractFromHtml(html, 'http://fakehost/test/page.html');
  const body = foldSpace(a.body ?? '').toLowerCase();
  // bag of remaining body words (consumed as matched, in order)
  const bag = new Map<string, number>();
  for (const w of body.match(W) ?? []) bag.set(w, (bag.get(w) ?? 0) + 1);
  const lines: string[] = [];
  let total = 0;
  for (const b of blocks) {
    const ws = b.toLowerCase().match(W) ?? [];
    if (ws.length === 0) continue;
    const frag = b.toLowerCase().slice(0, 50);
    if (body.includes(frag)) { for (const w of ws) bag.set(w, (bag.get(w) ?? 0) - 1); continue; }
    let miss = 0;
    for (const w of ws) { const c = bag.get(w) ?? 0; if (c > 0) bag.set(w, c - 1); else miss++; }
    if (miss > 0) { total += miss; lines.push(`  [${ws.length}w ${miss}m] ${b.slice(0, 180)}`); }
  }
  out.push(`=== ${page} missing ${total}`, ...lines);
}
writeFileSync(process.argv[3] ?? '/tmp/mw/miss.txt', out.join('\n'));
