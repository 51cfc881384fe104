// Second step of `npm run build` (after tsc): bundles the compiled CLI into dist/cli/ so that
// `mediawatch` starts at once (issue 11, item 5). Node 20 loads an ES module graph file by file
// and has no compile cache: kysely alone is 263 modules (about 180 ms), zod 95, and yaml and
// commander are CommonJS trees of their own. One bundle with shared chunks, each command's own
// code still loaded by its dynamic import(), cuts `report` on an empty store by about a third
// (docs/benchmarks.md, "The CLI").
//
// Bundled: our compiled code and the pure-JS packages that every command loads. Left to Node
// (imported from node_modules as before): everything else, because it loads native code
// (better-sqlite3), reads files beside its own modules (bullmq's Lua scripts, playwright-core,
// pino's transport threads, bull-board's UI), or is loaded only by the commands that use it.
// The extract worker thread is an entry of its own: the pool finds it beside the chunks
// (`new URL('./extract-worker.js', import.meta.url)`, src/crawl/extract-pool.ts).
import { rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { argv } from 'node:process';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const BUNDLED = new Set(['commander', 'kysely', 'yaml', 'zod']);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'dist/cli');

/** The package a bare import names: `zod/v4/core` → zod, `@scope/pkg/x` → @scope/pkg. */
const packageOf = (spec) =>
  spec
    .split('/')
    .slice(0, spec.startsWith('@') ? 2 : 1)
    .join('/');

// `node scripts/bundle-cli.mjs --meta FILE` also writes esbuild's metafile: what each chunk holds.
const meta = argv.includes('--meta') ? argv[argv.indexOf('--meta') + 1] : undefined;

rmSync(outdir, { recursive: true, force: true });
const result = await build({
  entryPoints: {
    main: join(root, 'dist/app/cli/main.js'),
    'extract-worker': join(root, 'dist/src/crawl/extract-worker.js'),
  },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
  metafile: meta !== undefined,
  // Less source for V8 to compile at each start; names are kept, so stack traces still say
  // which function threw (their line numbers point into dist/cli/).
  minifyWhitespace: true,
  minifySyntax: true,
  // The CommonJS packages bundled (yaml, commander) require Node's built-ins.
  banner: {
    js: "import { createRequire as __bundleRequire } from 'node:module'; const require = __bundleRequire(import.meta.url);",
  },
  plugins: [
    {
      name: 'only-listed-packages',
      setup(b) {
        b.onResolve({ filter: /^[^./]/ }, (args) =>
          args.path.startsWith('node:') || !BUNDLED.has(packageOf(args.path))
            ? { path: args.path, external: true }
            : undefined,
        );
      },
    },
  ],
});
if (meta && result.metafile) writeFileSync(meta, JSON.stringify(result.metafile));
