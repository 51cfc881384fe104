import { readFileSync } from 'node:fs';
import { parseHtml } from '../src/html/parse.js';
import { measureContent } from '../src/extract/content-stats.js';
import { selectContent } from '../src/extract/content-select.js';
const page = process.argv[2] as string;
const doc = parseHtml(readFileSync(`/work/shared/datasets/readability-test-pages/${page}/source.html`, 'utf8'));
for (const uh of [true, false]) {
  const cs = measureContent(doc, { unlikelyHints: uh });
  const sel = selectContent(cs, true);
  if (!sel) { console.log('none'); continue; }
  const d = (e: any) => `${e.name}#${e.attribs.id ?? ''}.${(e.attribs.class ?? '').slice(0, 40)} chars=${cs.stats.get(e)?.chars}`;
  console.log('unlikely', uh, 'top', d(sel.top), sel.topScore.toFixed(1), 'parent', d(sel.top.parent));
  console.log(' roots', sel.roots.map(d));
  const ranked = [...sel.scores.entries()].sort((a, b) => b[1] - a[1]).slice(0, 8);
  for (const [e, s] of ranked) console.log('  ', s.toFixed(1), d(e));
}
{
  const cs = measureContent(doc, { unlikelyHints: true });
  const sel = selectContent(cs, true)!;
  const p = sel.top.parent as any;
  for (const c of p.children) {
    if (c.type !== 'tag') continue;
    const s = cs.stats.get(c);
    console.log('  sib', c.name, c.attribs.id ?? '', (c.attribs.class ?? '').slice(0, 30), 'score', sel.scores.get(c)?.toFixed(1), 'chars', s?.chars, 'link', s?.linkChars, 'p', s?.paragraphs);
  }
}
