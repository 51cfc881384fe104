#!/usr/bin/env -S node --heap-growing-percent=20
// Entry point of the `mediawatch` command: runs the bundled CLI (dist/cli/, built by `npm ci` through
// the `prepare` script, or by `npm run build`). The flag on the first line is the workers'
// (WORKER_NODE_FLAGS, jobs/worker.ts: a bounded heap growth; it costs the other commands
// nothing); `node bin/mediawatch.js` without it sets it once the workers start.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const main = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(fileURLToPath(main))) {
  console.error('mediawatch is not built yet: run `npm run build` (npm ci does it for you).');
  process.exit(2);
}
const { run } = await import(main.href);
const code = await run(process.argv);
process.exitCode = code;
// After a failure something may still hold the event loop (a connection that was opening):
// leave shortly after, once stderr had its chance to flush.
if (code !== 0) setTimeout(() => process.exit(code), 1000).unref();
