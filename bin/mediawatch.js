#!/usr/bin/env node
// Entry point of the `mediawatch` command: runs the compiled CLI (built by `npm ci` through
// the `prepare` script, or by `npm run build`).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const main = new URL('../dist/src/cli/main.js', import.meta.url);
if (!existsSync(fileURLToPath(main))) {
  console.error('mediawatch is not built yet: run `npm run build` (npm ci does it for you).');
  process.exit(2);
}
const { run } = await import(main.href);
process.exitCode = await run(process.argv);
