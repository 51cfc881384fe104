// `mediawatch serve`: the analysts' web app (app/web) on the configured store, queues and
// config, without workers (run `mediawatch worker` or `start` beside it). `start` also serves
// it when settings web.enabled (app/cli/commands/worker.ts).
import { Command, Option } from 'commander';
import { MwError } from '../../../src/errors.js';
import { withRuntime } from '../../runtime.js';
import { loadFor, loggerFor, untilSignal } from '../context.js';

export function portOption(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n > 65535)
    throw new MwError(
      'MW_ERR_BAD_ARGUMENT',
      `--port must be a number from 0 to 65535, not "${value}"`,
    );
  return n;
}

export function serveCommand(): Command {
  return new Command('serve')
    .description(
      'serve the web app: events and their queries, coverage dashboards, review, exports, the crawl (sign in with a user made by `mediawatch user add`)',
    )
    .addOption(new Option('--host <host>', 'address to listen on (settings web.host)'))
    .addOption(
      new Option(
        '--port <port>',
        'port to listen on; 0 picks a free one (settings web.port)',
      ).argParser(portOption),
    )
    .action(async (opts: { host?: string; port?: number }, cmd: Command) => {
      const { startWebServer } = await import('../../web/server.js');
      const config = loadFor(cmd);
      const log = loggerFor(config);
      await withRuntime(config, log, { work: false, ops: true }, async (rt) => {
        const web = await startWebServer(rt, {
          ...(opts.host ? { host: opts.host } : {}),
          ...(opts.port !== undefined ? { port: opts.port } : {}),
        });
        const users = await rt.store.users();
        process.stderr.write(`mediawatch web app: ${web.url}\n`);
        if (users.length === 0)
          process.stderr.write(
            'No users yet: add one with `mediawatch user add you@example.org --role admin`.\n',
          );
        log.info({ url: web.url }, 'web app listening; SIGINT or SIGTERM stops it');
        await untilSignal();
        await web.close();
      });
    });
}
