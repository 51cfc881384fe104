// One root pino logger per process; stages that log get a child ({ queue, jobId, outlet, url }).
// JSON lines on stderr; when stderr is a terminal, pino-pretty makes them readable.
// Untrusted page data goes under its own key (`page`), never merged into the record root.
import { pino, type Logger, type LevelWithSilent } from 'pino';
import pretty from 'pino-pretty';

export type { Logger } from 'pino';

export interface LoggerOptions {
  level: LevelWithSilent;
  /** Force pretty (true) or JSON (false); default: pretty when stderr is a TTY. */
  pretty?: boolean;
  /** Where to write; default stderr (fd 2). For tests: any writable stream. */
  destination?: NodeJS.WritableStream;
}

export function createLogger(opts: LoggerOptions): Logger {
  const base = {
    level: opts.level,
    base: { pid: process.pid },
    redact: {
      paths: [
        'redisUrl',
        'databaseUrl',
        '*.password',
        '*.pass',
        'smtp.pass',
        '*.smtp.pass',
        'headers.authorization',
        'headers.cookie',
      ],
      censor: '[redacted]',
    },
  };
  const wantPretty = opts.pretty ?? (opts.destination === undefined && process.stderr.isTTY);
  if (wantPretty) {
    return pino(
      base,
      pretty({ destination: 2, colorize: true, ignore: 'pid,hostname', sync: true }),
    );
  }
  return pino(base, opts.destination ?? pino.destination({ dest: 2, sync: false }));
}
