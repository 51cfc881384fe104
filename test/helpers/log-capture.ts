// A logger whose JSON records the test can read back (pino writes to an in-memory sink).
import { Writable } from 'node:stream';
import { createLogger, type Logger } from '../../src/log.js';

export function capturedLogger(level: 'debug' | 'info' | 'warn' = 'info'): {
  log: Logger;
  logs: Array<Record<string, unknown>>;
} {
  const logs: Array<Record<string, unknown>> = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done): void {
      for (const line of chunk.toString().split('\n'))
        if (line.trim()) logs.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { log: createLogger({ level, pretty: false, destination: sink }), logs };
}
