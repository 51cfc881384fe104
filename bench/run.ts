// `npm run bench`: speed of mediawatch, each part in its own child process so that peak RSS is
// per crawler. Parts:
//   crawl      mediawatch end to end vs its peers on the same simulator pages (bench/crawl-compare.ts):
//              Crawlee CheerioCrawler (in-memory and disk storage), raw undici + htmlparser2, and
//              on a browser sample Crawlee PlaywrightCrawler vs mediawatch's browser path
//   cli        start time of mediawatch commands (bench/cli-start.ts)
//   freshness  appearance → stored mention under `mediawatch start` (bench/freshness.ts)
//   extract    extraction alone; match: 50 events against articles; sim: the simulator's rendering
//   hostile    parsing and extracting pages built to be slow (bench/parse-hostile.ts)
// Options: --pages N (default 2000) --pages-from real|generated (real: the Readability test pages
//          from MW_DATASETS, else ../shared/datasets) --concurrency N (16) --browser-sample N (100)
//          --browser-pages N (4) --workers N (nproc: the whole machine) --cli-runs N (7)
//          --seconds N (freshness: 480) --every N (freshness: 10 s) --schedule default|short
//          --only crawl|cli|freshness|scale|extract|hostile|match|sim|web (repeatable)
//          --database sqlite|postgres (web: sqlite) --requests N (web: 60 per page kind)
//   scale      pages/s with 1, 2 and 4 `mediawatch worker` processes on SQLite and PostgreSQL
//              (bench/scale.ts; --pages defaults to 600 there, --rounds N (2) keeps each
//              configuration's best round, as the crawl part's static runs do; BENCH_DATABASE_URL, else
//              TEST_DATABASE_URL, else postgres://postgres@127.0.0.1:5432/test)
//   web        the web app's server time per page with 50,000 mentions over 20 events
//              (bench/web.ts, issue 9): dashboard, review queue, article, exports at p50/p95
// Defaults: every part but freshness and scale (minutes of wall clock of their own); web is in
// (about three minutes on 2 cores: the fill and stored summaries, then the requests).
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cpus, freemem, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { packageRoot } from '../src/config/paths.js';
import { runCliPart } from './cli-start.js';
import { runCrawlPart } from './crawl-compare.js';
import { runFreshnessPart } from './freshness.js';
import { runScalePart } from './scale.js';

const { values } = parseArgs({
  options: {
    pages: { type: 'string' },
    'pages-from': { type: 'string', default: 'real' },
    'browser-sample': { type: 'string', default: '100' },
    'browser-pages': { type: 'string', default: '4' },
    concurrency: { type: 'string', default: '16' },
    workers: { type: 'string', default: String(cpus().length) },
    'cli-runs': { type: 'string', default: '7' },
    seconds: { type: 'string', default: '480' },
    every: { type: 'string', default: '10' },
    schedule: { type: 'string', default: 'default' },
    only: { type: 'string', multiple: true, default: [] },
    rounds: { type: 'string', default: '2' },
    database: { type: 'string', default: 'sqlite' },
    requests: { type: 'string', default: '60' },
  },
});
const root = packageRoot();
const parts =
  values.only.length > 0
    ? values.only
    : ['crawl', 'cli', 'extract', 'hostile', 'match', 'sim', 'web'];
const pages = Number(values.pages ?? 2000);
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

process.stdout.write(
  `mediawatch bench — ${new Date().toISOString()} — node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB memory (${(freemem() / 2 ** 30).toFixed(1)} free), load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}\n\n`,
);

if (parts.includes('crawl')) {
  if (!existsSync(join(root, 'bench/node_modules/crawlee'))) {
    process.stderr.write('installing Crawlee under bench/ (comparison only) …\n');
    execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--prefix', join(root, 'bench')], {
      stdio: 'inherit',
    });
  }
  process.stdout.write('## crawl\n\n');
  process.stdout.write(
    await runCrawlPart({
      root,
      pagesFrom: values['pages-from'] === 'generated' ? 'generated' : 'real',
      pages,
      concurrency,
      browserSample: Number(values['browser-sample']),
      browserPages: Number(values['browser-pages']),
      workers: Math.max(1, Number(values.workers)),
      rounds: Number(values.rounds),
    }),
  );
}

if (parts.includes('cli')) {
  process.stdout.write('\n## cli\n\n');
  process.stdout.write(await runCliPart(root, Math.max(1, Number(values['cli-runs']))));
}

if (parts.includes('scale')) {
  process.stdout.write('\n## scale\n\n');
  process.stdout.write(
    await runScalePart({
      root,
      pages: Number(values.pages ?? 600),
      concurrency,
      rounds: Number(values.rounds),
      ...(process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL
        ? { postgresUrl: process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL }
        : {}),
    }),
  );
}

if (parts.includes('freshness')) {
  process.stdout.write('\n## freshness\n\n');
  process.stdout.write(
    await runFreshnessPart({
      root,
      seconds: Number(values.seconds),
      everySeconds: Number(values.every),
      schedule: values.schedule === 'short' ? 'short' : 'default',
    }),
  );
}

if (parts.includes('web')) {
  // Its own process, as the other parts: the server's heap and caches are the web app's alone.
  process.stdout.write('\n## web\n\n');
  process.stdout.write(
    await child(process.execPath, [
      join(root, 'dist/bench/web.js'),
      '--database',
      values.database === 'postgres' ? 'postgres' : 'sqlite',
      '--requests',
      String(Math.max(1, Number(values.requests))),
    ]),
  );
}

for (const [part, file] of [
  ['extract', 'extract'],
  ['hostile', 'parse-hostile'],
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
