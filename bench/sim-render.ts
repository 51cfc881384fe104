// Simulator speed: how many generated 'bench' outlet pages (108–189 KB each) renderGenerated
// produces per second, in memory, without HTTP. The crawl bench needs the simulator to serve
// pages well ahead of any crawler (over 1000 pages/s); this was once asserted by a test and is
// measured here instead. Best of N rounds, after one warm-up round.
// Run: npx tsx bench/sim-render.ts [--pages N] [--rounds N]   (or node dist/bench/sim-render.js)
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { generatedMeta } from '../src/sim/generated/prose.js';
import { renderGenerated } from '../src/sim/generated/page.js';

const { values } = parseArgs({
  options: { pages: { type: 'string', default: '1500' }, rounds: { type: 'string', default: '3' } },
});
const pages = Math.max(1, Number(values.pages));
const rounds = Math.max(1, Number(values.rounds));

function round(): { ms: number; bytes: number } {
  const t = performance.now();
  let bytes = 0;
  for (let i = 1; i <= pages; i++)
    bytes += renderGenerated(1, generatedMeta(1, i), pages, 'http://127.0.0.1:1').length;
  return { ms: performance.now() - t, bytes };
}

round(); // warm-up
let best = Infinity;
let bytes = 0;
for (let r = 0; r < rounds; r++) {
  const x = round();
  if (x.ms < best) ({ ms: best, bytes } = x);
}
process.stdout.write(
  [
    `${pages} generated pages, ${(bytes / 1e6).toFixed(1)} MB; best of ${rounds} rounds`,
    `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}`,
    '',
    '| what | pages/s | ms/page |',
    '|---|---|---|',
    `| simulator page rendering (renderGenerated) | ${((pages * 1000) / best).toFixed(0)} | ${(best / pages).toFixed(2)} |`,
    '',
  ].join('\n'),
);
