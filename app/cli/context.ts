// What every command shares: the global --config option, the logger, and the error printer.
import type { Command } from 'commander';
import { loadConfig, type Config } from '../../src/config/load.js';
import { logLevelFromEnv } from '../../src/config/env.js';
import { configDir } from '../../src/config/paths.js';
import { createLogger, type Logger } from '../../src/log.js';

export function globalConfigDir(cmd: Command): string {
  const opts = cmd.optsWithGlobals<{ config?: string }>();
  return configDir(opts.config);
}

export function loadFor(cmd: Command): Config {
  return loadConfig(globalConfigDir(cmd));
}

export function loggerFor(config: Config, quiet = false): Logger {
  // Interactive commands keep the terminal for progress: below warn only when asked for.
  const level = quiet && !logLevelFromEnv() ? 'warn' : config.settings.log.level;
  return createLogger({ level });
}

/** Resolves on SIGINT or SIGTERM. */
export function untilSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const on = (sig: NodeJS.Signals): void => {
      process.off('SIGINT', on);
      process.off('SIGTERM', on);
      resolve(sig);
    };
    process.on('SIGINT', on);
    process.on('SIGTERM', on);
  });
}
