import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Command, Option } from 'commander';
import type { Runtime } from '../../runtime.js';
import { loadConfig } from '../../../src/config/load.js';
import { withRuntime } from '../../runtime.js';
import { globalConfigDir, loggerFor, untilSignal } from '../context.js';
import { progressPrinter, runSummary } from '../progress.js';
import { portOption } from './serve.js';

/** The demo's web app: one admin with a fresh password, open until SIGINT or SIGTERM. */
async function serveDemo(rt: Runtime, port: number, say: (l: string) => void): Promise<void> {
  const { startWebServer } = await import('../../web/server.js');
  const { generatePassword, hashPassword } = await import('../../web/passwords.js');
  const email = 'demo@example.org';
  const password = generatePassword();
  await rt.store.addUser({ email, role: 'admin', passwordHash: await hashPassword(password) });
  const web = await startWebServer(rt, { port });
  say(`\nWeb app: ${web.url}  (sign in as ${email} with password ${password}; Ctrl-C stops it)`);
  await untilSignal();
  await web.close();
}

export function demoCommand(): Command {
  return new Command('demo')
    .description(
      'start the outlet simulator, point a config at it, crawl it with real workers, print the report',
    )
    .option('--data <dir>', 'where the demo keeps its config and SQLite database', 'data/demo')
    .option('--serve', 'then keep the web app open on the demo data (prints the URL and a login)')
    .addOption(
      new Option('--port <port>', "the web app's port with --serve (0: a free one)")
        .argParser(portOption)
        .default(8080),
    )
    .action(async (opts: { data: string; serve?: boolean; port: number }, cmd: Command) => {
      const { writeSimConfig } = await import('../../../src/sim/demo-config.js');
      const { startSimulator } = await import('../../../src/sim/index.js');
      const { renderReport } = await import('../../../src/report/render.js');
      const { gatherReport } = await import('../../../src/report/gather.js');
      const { obliterateAll } = await import('../../../jobs/queues.js');
      const { enqueueCrawl, waitForCrawl } = await import('../../../jobs/crawl.js');
      const dataDir = resolve(opts.data);
      const sim = await startSimulator();
      const say = (l: string): boolean => process.stderr.write(`${l}\n`);
      try {
        say(
          `Simulator: ${Object.entries(sim.origins)
            .map(([id, o]) => `${id} ${o}`)
            .join(', ')}`,
        );
        const dbFile = join(dataDir, 'mediawatch.db');
        for (const f of [dbFile, `${dbFile}-wal`, `${dbFile}-shm`]) rmSync(f, { force: true });
        writeSimConfig(globalConfigDir(cmd), join(dataDir, 'config'), sim.origins, {
          databaseUrl: dbFile,
          redisPrefix: `mw-demo-${process.pid}`,
        });
        const loaded = loadConfig(join(dataDir, 'config'));
        const log = loggerFor(loaded, true);
        await withRuntime(
          loaded,
          log,
          { work: true, browser: true, say, privateRedis: 'any-local-url' },
          async (rt) => {
            const { config } = rt;
            try {
              const started = Date.now();
              const runId = await enqueueCrawl(rt, {
                outletIds: config.outlets.map((o) => o.id),
                eventIds: [],
              });
              const progress = progressPrinter();
              const counts = await waitForCrawl(rt, runId, (c) => progress.update(c));
              progress.done();
              say(runSummary(runId, counts, (Date.now() - started) / 1000));
              for (const event of config.events) {
                // The same report `mediawatch report` prints (overrides, audience, pickups).
                const input = await gatherReport(rt.store, config, event.id);
                process.stdout.write(`\n${renderReport(input, 'md')}`);
              }
              say(
                `\nThe demo database is ${dbFile}; e.g. mediawatch --config ${join(opts.data, 'config')} report ${config.events[0]?.id ?? 'EVENT'} --format csv`,
              );
              if (opts.serve) await serveDemo(rt, opts.port, say);
            } finally {
              // The demo's queues live under their own prefix; leave nothing behind in Redis.
              await obliterateAll(rt.redis, config.settings.redis.prefix);
            }
          },
        );
      } finally {
        await sim.close();
      }
    });
}
