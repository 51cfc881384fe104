// `npm run bench`: speed of mediawatch, each part in its own child process so that peak RSS is
// per crawler. Parts: crawl (mediawatch end to end vs Crawlee's CheerioCrawler on the same
// simulator pages), extract (extraction alone), match (50 events against articles), sim (the
// simulator's page rendering alone).
// Options: --pages N (default 2000) --browser-sample N (default 20) --concurrency N (16)
//          --only crawl|extract|match|sim (repeatable)
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { packageRoot } from '../src/config/paths.js';
import { startSimulator } from '../src/sim/index.js';

const { values } = parseArgs({
  options: {
    pages: { type: 'string', default: '2000' },
    'browser-sample': { type: 'string', default: '20' },
    concurrency: { type: 'string', default: '16' },
    only: { type: 'string', multiple: true, default: [] },
  },
});
const root = packageRoot();
const parts = values.only.length > 0 ? values.only : ['crawl', 'extract', 'match', 'sim'];
const pages = Number(values.pages);
const concurrency = Number(values.concurrency);

function child(cmd: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const p = spawn(cmd, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    p.stdout.on('data', (d: Buffer) => (out += d.toString()));
    p.on('error', reject);
    p.on('exit', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`${cmd} ${args.join(' ')} exited ${code}`)),
    );
  });
}

const lastJson = (out: string): Record<string, unknown> =>
  JSON.parse(
    out
      .trim()
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .at(-1) ?? '{}',
  ) as Record<string, unknown>;

process.stdout.write(
  `mediawatch bench — ${new Date().toISOString()} — node ${process.version}, ${(await import('node:os')).cpus().length} cores\n\n`,
);

if (parts.includes('crawl')) {
  if (!existsSync(join(root, 'bench/node_modules/crawlee'))) {
    process.stderr.write('installing Crawlee under bench/ (comparison only) …\n');
    execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--prefix', join(root, 'bench')], {
      stdio: 'inherit',
    });
  }
  const simHttp = await startSimulator({ generated: pages });
  const simBrowser = await startSimulator({ generated: Number(values['browser-sample']) });
  try {
    const httpOrigin = simHttp.origins.bench!;
    const browserOrigin = simBrowser.origins.bench!;
    process.stderr.write(`crawling ${pages} generated pages with mediawatch …\n`);
    const mw = lastJson(
      await child(process.execPath, [
        'dist/bench/mediawatch-crawl.js',
        httpOrigin,
        browserOrigin,
        String(pages),
        String(concurrency),
      ]),
    );
    process.stderr.write(`crawling the same pages with Crawlee CheerioCrawler …\n`);
    const cr = lastJson(
      await child(process.execPath, [
        'bench/crawlee-crawl.js',
        httpOrigin,
        String(pages),
        String(concurrency),
      ]),
    );
    const http = mw.http as {
      pagesPerSecond: number;
      peakRssMB: number;
      stored: number;
      seconds: number;
      stageMs: unknown;
    };
    const browser = mw.browser as { pagesPerSecond: number; stored: number; seconds: number };
    const crawlee = cr as {
      pagesPerSecond: number;
      peakRssMB: number;
      stored: number;
      seconds: number;
    };
    process.stdout.write(
      [
        `| crawler (${pages} pages, concurrency ${concurrency}) | pages stored | seconds | pages/s | peak RSS (MB) |`,
        '|---|---|---|---|---|',
        `| mediawatch, HTTP path (fetch, extract, match, SQLite, ledger, BullMQ) | ${http.stored} | ${http.seconds} | ${http.pagesPerSecond} | ${http.peakRssMB} |`,
        `| Crawlee 3.18 CheerioCrawler (fetch, parse, <p> texts, dataset) | ${crawlee.stored} | ${crawlee.seconds} | ${crawlee.pagesPerSecond} | ${crawlee.peakRssMB} |`,
        `| mediawatch, browser path (sample, 4 pages reused) | ${browser.stored} | ${browser.seconds} | ${browser.pagesPerSecond} | — |`,
        '',
        `HTTP path vs Crawlee: ${(http.pagesPerSecond / crawlee.pagesPerSecond).toFixed(2)}× the pages per second, ${(http.peakRssMB / crawlee.peakRssMB).toFixed(2)}× the memory.`,
        `Time per stage on the HTTP path (ms summed over concurrent jobs): ${JSON.stringify(http.stageMs)}`,
        '',
      ].join('\n'),
    );
  } finally {
    await simHttp.close();
    await simBrowser.close();
  }
}

for (const [part, file] of [
  ['extract', 'extract'],
  ['match', 'match'],
  ['sim', 'sim-render'],
] as const) {
  if (!parts.includes(part)) continue;
  const script = join(root, `dist/bench/${file}.js`);
  if (!existsSync(script)) {
    process.stdout.write(`(${part}: no dist/bench/${file}.js)\n`);
    continue;
  }
  process.stdout.write(`\n## ${part}\n`);
  process.stdout.write(await child(process.execPath, [script]));
}
