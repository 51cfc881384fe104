// One root pino logger per process; stages that log get a child ({ queue, jobId, outlet, url }).
// JSON lines on stderr; when stderr is a terminal, pino-pretty makes them readable.
// Untrusted page data goes under its own key (`page`), never merged into the record root.
// No secrets out: every URL in a message, a field, a binding or an error has its user info and
// credential query values replaced (src/url/redact.ts), besides the fields redacted by path.
import { pino, stdSerializers, type Logger, type LevelWithSilent } from 'pino';
import { createRequire } from 'node:module';
import type PinoPretty from 'pino-pretty';
import { redactDeep, redactText } from './url/redact.js';

export type { Logger } from 'pino';

export interface LoggerOptions {
  level: LevelWithSilent;
  /** Force pretty (true) or JSON (false); default: pretty when stderr is a TTY. */
  pretty?: boolean;
  /** Where to write; default stderr (fd 2). For tests: any writable stream. */
  destination?: NodeJS.WritableStream;
}

/** Fields that hold URLs or reasons, redacted in child bindings as well as in records. */
const URL_KEYS = ['url', 'source', 'reason', 'finalUrl', 'target', 'baseUrl', 'origin', 'sources'];

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
    formatters: {
      bindings: (b: Record<string, unknown>) => redactDeep(b),
      log: (o: Record<string, unknown>) => redactDeep(o),
    },
    serializers: {
      err: (e: Error) => redactDeep({ ...stdSerializers.err(e) }),
      // Child loggers' bindings pass through serializers only (pino resets their formatter).
      ...Object.fromEntries(URL_KEYS.map((k) => [k, (v: unknown) => redactDeep(v)])),
    },
    hooks: {
      logMethod(this: Logger, args: unknown[], method: (...a: unknown[]) => void): void {
        method.apply(
          this,
          args.map((a) => (typeof a === 'string' ? redactText(a) : a)),
        );
      },
    },
  };
  const wantPretty = opts.pretty ?? (opts.destination === undefined && process.stderr.isTTY);
  if (wantPretty) {
    return pino(
      base,
      // Loaded only for a terminal (a worker writing JSON never pays for it).
      (createRequire(import.meta.url)('pino-pretty') as typeof PinoPretty)({
        destination: 2,
        colorize: true,
        ignore: 'pid,hostname',
        sync: true,
      }),
    );
  }
  return pino(base, opts.destination ?? pino.destination({ dest: 2, sync: false }));
}
