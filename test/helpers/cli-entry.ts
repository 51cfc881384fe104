// bin/mediawatch.js for the TypeScript sources: `node --import tsx test/helpers/cli-entry.ts …`.
import { run } from '../../app/cli/main.js';

const code = await run(process.argv);
process.exitCode = code;
if (code !== 0) setTimeout(() => process.exit(code), 1000).unref();
