// scratch (deleted before finishing)
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { extractFromHtml } from '../src/extract/index.js';
import { parseHtml } from '../src/html/parse.js';
import { foldSpace, isElement, isText, hasChildNodes } from '../src/extract/dom.js';
import type { AnyNode } from '../src/extract/dom.js';
import { BLOCK_TAGS } from '../src/extract/content-stats.js';
const dir = '/work/shared/datasets/readability-test-pages';
const page = process.argv[2] as string;
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
const a = extractFromHtml(html, 'http://fakehost/test/page.html');
const body = (a.body ?? '').toLowerCase();
const W = /[\p{L}\p{N}]+/gu;
const bodyWords = new Set(body.match(W) ?? []);
console.log('TITLE', a.title);
for (const b of blocks.filter((x) => x !== '')) {
  const ws = b.toLowerCase().match(W) ?? [];
  if (ws.length === 0) continue;
  const miss = ws.filter((w) => !bodyWords.has(w)).length;
  const found = body.includes(foldSpace(b).toLowerCase().slice(0, 40));
  if (!found) console.log(`MISS[${ws.length}w ${miss}m] ${b.slice(0, 160)}`);
}
if (process.argv[3] === 'body') console.log('----\n' + a.body);
