// The crawl part of `npm run bench` (issue 11, item 1): mediawatch against its peers on the same
// pages served by the simulator, each crawler in its own process(es), one after the other,
// with the peak RSS of every process (and Chromium's processes summed) read from /proc and the
// load average recorded with each run.
//
//   static pages (N, C requests in flight in total):
//     mediawatch HTTP path, 1 worker process, W worker processes (the whole machine), and
//     1 process with parse + extract on 1 worker thread (settings worker.extractThreads; the
//     default on 2+ cores), and the same matching every article against 20 events
//     Crawlee CheerioCrawler, in-memory storage (its fastest), 1 process and W shards
//     Crawlee CheerioCrawler, default disk storage, 1 process
//     raw undici + htmlparser2 (nothing else: the limit), 1 process and W shards
//   browser sample (B pages, P pages at once):
//     Crawlee PlaywrightCrawler (system Chromium, off-origin requests, images, fonts, media blocked)
//     Crawlee AdaptivePlaywrightCrawler (HTTP first, the browser where its result checker says)
//     mediawatch browser path (fetch: browser: every page rendered; same blocking)
//     mediawatch auto (fetch: auto: the static HTML first, the browser where it has no article)
//
// Pages: the Readability test pages from the data set (`real`, the default) or the simulator's
// generated pages (`generated`).
import { spawn } from 'node:child_process';
import { loadavg } from 'node:os';
import { WORKER_NODE_FLAGS } from '../jobs/worker.js';
import { startSimulator, type Simulator } from '../src/sim/index.js';
import { readabilityPages } from './datasets.js';
import { sampleTree, type TreePeak } from './proc.js';

export interface CrawlOptions {
  root: string;
  pagesFrom: 'real' | 'generated';
  pages: number;
  concurrency: number;
  browserSample: number;
  browserPages: number;
  workers: number;
  /**
   * Rounds of the static runs (each crawler once per round, the order reversed every other
   * round, so a load that changes over minutes does not always fall on the same crawler); each
   * crawler's best round is reported, with every round's pages/s beside it.
   */
  rounds: number;
}

interface RunResult {
  label: string;
  processes: number;
  processed: number;
  stored: number;
  seconds: number;
  pagesPerSecond: number;
  /** Peak RSS of each crawler process (Node), MB. */
  processRssMB: number[];
  /** Peak of Chromium's processes summed, MB (browser runs). */
  chromiumMB: number;
  /** Pages the browser rendered (browser sample; null when the crawler does not say). */
  rendered: number | null;
  /** Pages/s of every round (static runs), in round order. */
  rounds?: number[];
  load: string;
}

const load = (): string =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

function lastJson(out: string): Record<string, unknown> {
  const line = out
    .trim()
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .at(-1);
  return JSON.parse(line ?? '{}') as Record<string, unknown>;
}

function child(
  root: string,
  args: string[],
): Promise<{ json: Record<string, unknown>; tree: TreePeak }> {
  // mediawatch's worker processes run with the flags `mediawatch` gives them (bin/mediawatch.js);
  // the helpers of a multi-process run inherit them (bench/mediawatch-crawl.ts).
  if (args[0] === 'dist/bench/mediawatch-crawl.js') args = [...WORKER_NODE_FLAGS, ...args];
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    const sampler = sampleTree(p.pid!);
    let out = '';
    p.stdout.on('data', (d: Buffer) => (out += d.toString()));
    p.on('error', reject);
    p.on('exit', (code) => {
      const tree = sampler.stop();
      if (code === 0) resolve({ json: lastJson(out), tree });
      else reject(new Error(`node ${args.join(' ')} exited ${code}`));
    });
  });
}

/** Runs `shards` copies of a peer at once, shard i of k each; sums what they did. */
async function sharded(
  root: string,
  label: string,
  shards: number,
  args: (shard: number) => string[],
): Promise<RunResult> {
  const atStart = load();
  const runs = await Promise.all(Array.from({ length: shards }, (_, i) => child(root, args(i))));
  const processed = runs.reduce((s, r) => s + Number(r.json.processed ?? 0), 0);
  const stored = runs.reduce((s, r) => s + Number(r.json.stored ?? 0), 0);
  const seconds = Math.max(...runs.map((r) => Number(r.json.seconds ?? 0)));
  return {
    label,
    processes: shards,
    processed,
    stored,
    seconds,
    pagesPerSecond: Number((processed / seconds).toFixed(1)),
    processRssMB: runs.map((r) => Number(r.json.peakRssMB ?? 0)),
    chromiumMB: Math.round(runs.reduce((s, r) => s + r.tree.chromiumMB, 0)),
    rendered: runs.some((r) => typeof r.json.rendered === 'number')
      ? runs.reduce((s, r) => s + Number(r.json.rendered ?? 0), 0)
      : null,
    load: atStart,
  };
}

/** One mediawatch crawl: processes, extract threads each, events each article is matched against. */
interface MediawatchRun {
  fetch: 'http' | 'browser' | 'auto';
  pages: number;
  workers?: number;
  extractThreads?: number;
  events?: number;
}

async function mediawatch(
  opts: CrawlOptions,
  label: string,
  origin: string,
  { fetch, pages, workers = 1, extractThreads = 0, events = 1 }: MediawatchRun,
): Promise<RunResult> {
  const atStart = load();
  const { json, tree } = await child(opts.root, [
    'dist/bench/mediawatch-crawl.js',
    '--origin',
    origin,
    '--pages',
    String(pages),
    '--concurrency',
    String(fetch === 'http' ? opts.concurrency : opts.browserPages),
    '--fetch',
    fetch,
    '--workers',
    String(workers),
    '--browser-pages',
    String(opts.browserPages),
    '--extract-threads',
    String(extractThreads),
    '--events',
    String(events),
  ]);
  process.stderr.write(`  ${label}: ${JSON.stringify(json)}\n`);
  return {
    label,
    processes: workers,
    processed: Number(json.processed),
    stored: Number(json.stored),
    seconds: Number(json.seconds),
    pagesPerSecond: Number(json.pagesPerSecond),
    processRssMB: (json.workersPeakRssMB as number[]).map(Number),
    chromiumMB: Math.round(tree.chromiumMB),
    rendered: typeof json.rendered === 'number' ? json.rendered : null,
    load: atStart,
  };
}

async function simulate(opts: CrawlOptions, count: number): Promise<Simulator> {
  return opts.pagesFrom === 'real'
    ? startSimulator({ realPages: { pages: realPages(), count } })
    : startSimulator({ generated: count });
}

let cachedPages: ReturnType<typeof readabilityPages> | undefined;
const realPages = (): ReturnType<typeof readabilityPages> => (cachedPages ??= readabilityPages());

const ratio = (a: number, b: number): string => (b > 0 ? `${(a / b).toFixed(2)}×` : '—');
const verdict = (ok: boolean): string => (ok ? 'met' : 'NOT met');

export async function runCrawlPart(opts: CrawlOptions): Promise<string> {
  const { root, pages, concurrency: c, workers: w } = opts;
  const source =
    opts.pagesFrom === 'real'
      ? `the ${realPages().length} Readability test pages cycled to ${pages} URLs`
      : `${pages} generated pages`;
  const simHttp = await simulate(opts, pages);
  const simBrowser = await simulate(opts, opts.browserSample);
  const rows: RunResult[] = [];
  const say = (s: string): void => void process.stderr.write(`${s}\n`);
  try {
    const o = simHttp.origins.bench!;
    const ob = simBrowser.origins.bench!;
    say(`crawl: ${source}, ${c} requests in flight, ${w} worker processes for the whole machine`);
    const crawlee = (storage: string, shards: number) => (): Promise<RunResult> =>
      sharded(root, `Crawlee CheerioCrawler, ${storage} storage`, shards, (i) => [
        'bench/crawlee-crawl.js',
        o,
        String(pages),
        String(Math.max(1, Math.round(c / shards))),
        storage,
        String(i),
        String(shards),
      ]);
    const raw = (shards: number) => (): Promise<RunResult> =>
      sharded(root, 'raw undici + htmlparser2 (the limit)', shards, (i) => [
        'dist/bench/raw-crawl.js',
        o,
        String(pages),
        String(Math.max(1, Math.round(c / shards))),
        String(i),
        String(shards),
      ]);
    // Every static run, by key; W > 1 adds the whole-machine runs.
    type Runner = readonly [string, () => Promise<RunResult>];
    const mwStatic =
      (label: string, run: Omit<MediawatchRun, 'fetch' | 'pages'> = {}) =>
      (): Promise<RunResult> =>
        mediawatch(opts, label, o, { fetch: 'http', pages, ...run });
    const runners: Runner[] = [
      ['mw1', mwStatic('mediawatch HTTP path, no thread')],
      ...(w > 1
        ? [['mwW', mwStatic('mediawatch HTTP path, no thread', { workers: w })] as Runner]
        : []),
      // The other way to use the cores, and the default on 2+ cores (worker.extractThreads
      // auto): one process, parse + extract on a worker thread.
      [
        'mwT',
        mwStatic('mediawatch HTTP path, 1 extract thread (the default)', { extractThreads: 1 }),
      ],
      // A deployment following many stories: every article matched against 20 events.
      [
        'mwE',
        mwStatic('mediawatch HTTP path, 1 extract thread, 20 events', {
          extractThreads: 1,
          events: 20,
        }),
      ],
      ['cm1', crawlee('memory', 1)],
      ...(w > 1 ? [['cmW', crawlee('memory', w)] as Runner] : []),
      ['cd1', crawlee('disk', 1)],
      ['r1', raw(1)],
      ...(w > 1 ? [['rW', raw(w)] as Runner] : []),
    ];
    const runs = new Map<string, RunResult[]>();
    const rounds = Math.max(1, opts.rounds);
    for (let round = 0; round < rounds; round++) {
      say(`  static round ${round + 1} of ${rounds} …`);
      const order = round % 2 === 0 ? runners : [...runners].reverse();
      for (const [key, run] of order) {
        const r = await run();
        say(`    ${r.label} ×${r.processes}: ${r.pagesPerSecond} pages/s`);
        runs.set(key, [...(runs.get(key) ?? []), r]);
      }
    }
    const best = (key: string): RunResult => {
      const all = runs.get(key)!;
      const top = all.reduce((a, b) => (b.pagesPerSecond > a.pagesPerSecond ? b : a));
      return { ...top, rounds: all.map((r) => r.pagesPerSecond) };
    };
    const mw1 = best('mw1');
    const mwW = w > 1 ? best('mwW') : mw1;
    const mwT = best('mwT');
    const mwE = best('mwE');
    const cm1 = best('cm1');
    const cmW = w > 1 ? best('cmW') : cm1;
    const cd1 = best('cd1');
    const r1 = best('r1');
    const rW = w > 1 ? best('rW') : r1;
    rows.push(
      ...[mw1, ...(w > 1 ? [mwW] : []), mwT, mwE, cm1, ...(w > 1 ? [cmW] : []), cd1, r1],
      ...(w > 1 ? [rW] : []),
    );

    say(`  browser sample of ${opts.browserSample}: Crawlee PlaywrightCrawler …`);
    const pw = await sharded(root, 'Crawlee PlaywrightCrawler (browser sample)', 1, () => [
      'bench/crawlee-browser.js',
      ob,
      String(opts.browserSample),
      String(opts.browserPages),
    ]);
    say('  browser sample: Crawlee AdaptivePlaywrightCrawler …');
    const apw = await sharded(root, 'Crawlee AdaptivePlaywrightCrawler (HTTP first)', 1, () => [
      'bench/crawlee-adaptive.js',
      ob,
      String(opts.browserSample),
      String(opts.browserPages),
    ]);
    say('  browser sample: mediawatch browser path …');
    const mwb = await mediawatch(opts, 'mediawatch browser path (fetch: browser)', ob, {
      fetch: 'browser',
      pages: opts.browserSample,
    });
    say('  browser sample: mediawatch auto …');
    const mwa = await mediawatch(opts, 'mediawatch auto (static HTML first)', ob, {
      fetch: 'auto',
      pages: opts.browserSample,
    });
    const browserRows = [pw, apw, mwb, mwa];

    const staticRows = rows;
    const bestCrawlee = cmW.pagesPerSecond >= cm1.pagesPerSecond ? cmW : cm1;
    const maxWorker = Math.max(...mw1.processRssMB, ...mwW.processRssMB);
    const bestMw = [mw1, mwW, mwT].reduce((a, b) => (b.pagesPerSecond > a.pagesPerSecond ? b : a));
    const lines = [
      `Static pages: ${source}; ${c} requests in flight in total (split over the shards of a sharded run); whole machine = ${w} processes; ${rounds} round(s), each crawler's best shown.`,
      '',
      '| crawler | processes | pages done (stored) | seconds | pages/s (best) | pages/s per round | peak RSS per process (MB) | load avg at start |',
      '|---|---|---|---|---|---|---|---|',
      ...staticRows.map(
        (r) =>
          `| ${r.label} | ${r.processes} | ${r.processed} (${r.stored}) | ${r.seconds} | ${r.pagesPerSecond} | ${(r.rounds ?? [r.pagesPerSecond]).join(', ')} | ${r.processRssMB.join(', ')} | ${r.load} |`,
      ),
      '',
      `Browser sample: ${opts.browserSample} of the same pages, ${opts.browserPages} pages at once, system Chromium.`,
      '',
      '| crawler | pages done (stored) | rendered in Chromium | seconds | pages/s | Node peak RSS (MB) | Chromium peak RSS, summed over its processes (MB) | load avg at start |',
      '|---|---|---|---|---|---|---|---|',
      ...browserRows.map(
        (r) =>
          `| ${r.label} | ${r.processed} (${r.stored}) | ${r.rendered ?? (r === pw ? r.processed : '—')} | ${r.seconds} | ${r.pagesPerSecond} | ${r.processRssMB.join(', ')} | ${r.chromiumMB} | ${r.load} |`,
      ),
      '',
      'Ratios (mediawatch / peer, pages per second, same run) against issue 11:',
      '',
      '| comparison | ratio | target | |',
      '|---|---|---|---|',
      `| one process: mediawatch ×1, no thread / Crawlee in-memory ×1 | ${ratio(mw1.pagesPerSecond, cm1.pagesPerSecond)} | ≥ 1.3× | ${verdict(mw1.pagesPerSecond >= 1.3 * cm1.pagesPerSecond)} |`,
      `| one process: mediawatch ×1 with its extract thread (the default) / Crawlee in-memory ×1 | ${ratio(mwT.pagesPerSecond, cm1.pagesPerSecond)} | ≥ 1.3× | ${verdict(mwT.pagesPerSecond >= 1.3 * cm1.pagesPerSecond)} |`,
      `| whole machine: mediawatch ×${w} / Crawlee's fastest (in-memory ×${bestCrawlee.processes}) | ${ratio(mwW.pagesPerSecond, bestCrawlee.pagesPerSecond)} | ≥ 2× | ${verdict(mwW.pagesPerSecond >= 2 * bestCrawlee.pagesPerSecond)} |`,
      `| whole machine: mediawatch ×1 + 1 extract thread / Crawlee's fastest | ${ratio(mwT.pagesPerSecond, bestCrawlee.pagesPerSecond)} | ≥ 2× | ${verdict(mwT.pagesPerSecond >= 2 * bestCrawlee.pagesPerSecond)} |`,
      `| mediawatch's best setup (${bestMw.label}, ${bestMw.processes} process(es)) / Crawlee's fastest | ${ratio(bestMw.pagesPerSecond, bestCrawlee.pagesPerSecond)} | ≥ 2× | ${verdict(bestMw.pagesPerSecond >= 2 * bestCrawlee.pagesPerSecond)} |`,
      `| one process with 20 events: mediawatch ×1 with its thread / Crawlee in-memory ×1 | ${ratio(mwE.pagesPerSecond, cm1.pagesPerSecond)} | — | |`,
      `| mediawatch ×1 / Crawlee disk ×1 | ${ratio(mw1.pagesPerSecond, cd1.pagesPerSecond)} | — | |`,
      `| mediawatch ×1 / raw limit ×1 | ${ratio(mw1.pagesPerSecond, r1.pagesPerSecond)} | — | |`,
      `| mediawatch ×${w} / raw limit ×${rW.processes} | ${ratio(mwW.pagesPerSecond, rW.pagesPerSecond)} | — | |`,
      `| worker peak RSS (largest mediawatch process, ×1 and ×${w}) | ${maxWorker} MB | ≤ 250 MB | ${verdict(maxWorker <= 250)} |`,
      `| worker peak RSS, 1 process + 1 extract thread | ${mwT.processRssMB[0]} MB | ≤ 250 MB | ${verdict(mwT.processRssMB[0]! <= 250)} |`,
      `| memory, whole machine: mediawatch ×${w} summed / Crawlee in-memory ×${cmW.processes} summed | ${ratio(
        mwW.processRssMB.reduce((a, b) => a + b, 0),
        cmW.processRssMB.reduce((a, b) => a + b, 0),
      )} | < 1× | ${verdict(mwW.processRssMB.reduce((a, b) => a + b, 0) < cmW.processRssMB.reduce((a, b) => a + b, 0))} |`,
      `| memory, one process: mediawatch ×1 / Crawlee in-memory ×1 | ${ratio(Math.max(...mw1.processRssMB), Math.max(...cm1.processRssMB))} | — | |`,
      `| browser, every page rendered: mediawatch (fetch: browser) / PlaywrightCrawler | ${ratio(mwb.pagesPerSecond, pw.pagesPerSecond)} | ≥ 3× | ${verdict(mwb.pagesPerSecond >= 3 * pw.pagesPerSecond)} |`,
      `| browser where needed: mediawatch auto / PlaywrightCrawler | ${ratio(mwa.pagesPerSecond, pw.pagesPerSecond)} | ≥ 3× | ${verdict(mwa.pagesPerSecond >= 3 * pw.pagesPerSecond)} |`,
      `| browser where needed: mediawatch auto / AdaptivePlaywrightCrawler | ${ratio(mwa.pagesPerSecond, apw.pagesPerSecond)} | — | |`,
      `| browser memory (Node + Chromium): mediawatch / PlaywrightCrawler | ${ratio(mwb.processRssMB[0]! + mwb.chromiumMB, pw.processRssMB[0]! + pw.chromiumMB)} | — | |`,
      '',
    ];
    return lines.join('\n');
  } finally {
    await simHttp.close();
    await simBrowser.close();
  }
}
