import { Command } from 'commander';
import { untilSignal } from '../context.js';

export function simCommand(): Command {
  return new Command('sim')
    .description(
      'serve the outlet simulator on loopback (one port per outlet) until SIGINT/SIGTERM',
    )
    .option(
      '--generated <n>',
      'also serve a "bench" outlet with N generated heavy articles',
      (v) => Number.parseInt(v, 10),
      0,
    )
    .action(async (opts: { generated: number }) => {
      const { startSimulator } = await import('../../../src/sim/index.js');
      const sim = await startSimulator({ generated: opts.generated });
      for (const [id, origin] of Object.entries(sim.origins))
        process.stdout.write(`${id.padEnd(14)} ${origin}\n`);
      process.stdout.write(`${sim.manifest.length} article pages; Ctrl-C stops\n`);
      await untilSignal();
      await sim.close();
    });
}
