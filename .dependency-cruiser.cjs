// The house's layers: which folder may import which. Written down once here and checked by
// `npm run lint` (`npm run deps`); docs/architecture.md explains the layers. A folder may
// always import its own files; anything not listed for it is an error. Tests, scripts and
// benchmarks may import anything.
//
//   app/        entry points (CLI, composition root, later the web server)
//   jobs/       everything BullMQ: queues, processors, the worker runtime
//   src/ services   crawl, coverage, report, alerts, outlets, sim: use the adapters and stages
//   src/ adapters   fetch (HTTP, browser), store (databases), politeness (Redis pacing),
//                   metrics (Prometheus registry)
//   src/ stages     discover, extract, match, summarize (pure), config (parsed at the edge)
//   src/ foundation errors, log, text, time, url, html, bytes
const FOUNDATION = [
  'src/errors',
  'src/log',
  'src/text',
  'src/time',
  'src/url',
  'src/html',
  'src/bytes',
];
const STAGES = ['src/discover', 'src/extract', 'src/match', 'src/summarize', 'src/config'];

/** folder → the folders (besides itself) it may import. */
const LAYERS = {
  // Both pass URLs through src/url/redact.ts (which imports nothing) on their way out.
  'src/errors': ['src/url'],
  'src/log': ['src/url'],
  'src/text': ['src/errors'],
  'src/bytes': ['src/errors'],
  'src/html': ['src/errors'],
  'src/url': ['src/errors', 'src/text'],
  'src/time': ['src/errors', 'src/text'],

  'src/match': FOUNDATION,
  'src/extract': FOUNDATION,
  'src/discover': FOUNDATION,
  'src/summarize': [...FOUNDATION, 'src/match', 'src/extract'],
  'src/config': [...FOUNDATION, 'src/match'],

  'src/fetch': [...FOUNDATION, 'src/config'],
  'src/politeness': FOUNDATION,
  'src/store': [...FOUNDATION, 'src/extract', 'src/match', 'src/summarize'],
  // Prometheus metrics (prom-client): only jobs/ and app/ import it; stages and services
  // report through hooks the runtime reads (StageTimings observers, BrowserPool counts).
  'src/metrics': FOUNDATION,

  'src/crawl': [...FOUNDATION, ...STAGES, 'src/fetch', 'src/politeness', 'src/store'],
  // Config events and the web app's events (the store) as one catalogue.
  'src/events': [...FOUNDATION, 'src/config', 'src/match', 'src/store'],
  'src/coverage': [...FOUNDATION, 'src/config', 'src/summarize', 'src/store'],
  'src/report': [...FOUNDATION, ...STAGES, 'src/fetch', 'src/store', 'src/coverage'],
  'src/alerts': [...FOUNDATION, 'src/config', 'src/summarize', 'src/store', 'src/report'],
  'src/outlets': [...FOUNDATION, ...STAGES, 'src/fetch', 'src/crawl'],
  'src/sim': FOUNDATION,

  jobs: ['src'],
  app: ['src', 'jobs'],
};

const esc = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
// `src/errors` is the file src/errors.ts; `src/text` the folder: match both spellings.
const re = (folders) => `^(${folders.map(esc).join('|')})(/|\\.ts$)`;

module.exports = {
  forbidden: [
    ...Object.entries(LAYERS).map(([from, allowed]) => ({
      name: `layers:${from}`,
      comment: `${from} may import only ${allowed.length ? allowed.join(', ') : 'its own files'} (.dependency-cruiser.cjs)`,
      severity: 'error',
      from: { path: re([from]) },
      to: { path: '^(src|jobs|app)/', pathNot: re([from, ...allowed]) },
    })),
    {
      name: 'layers:unlisted-folder',
      comment: 'every folder of src/ has a row in LAYERS (.dependency-cruiser.cjs)',
      severity: 'error',
      from: { path: '^src/', pathNot: re(Object.keys(LAYERS)) },
      to: {},
    },
    {
      name: 'no-circular',
      comment: 'no import cycles',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js'] },
  },
};
