// Makes sure the configured Redis answers, and fails loudly when it does not: a worker that
// silently works on an empty private Redis would idle forever. A wrong or missing password
// stops with MW_ERR_REDIS_AUTH; a Redis that does not answer stops with
// MW_ERR_REDIS_UNREACHABLE. A private redis-server (a free port, no persistence, noeviction)
// is started only where it is asked for: by `demo` (any local URL), and for the default
// local URL of a first run (REDIS_URL and settings redis.url left at the default) — and the
// log line says so. URLs are redacted wherever they are printed.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { Redis } from 'ioredis';
import { settingsSchema } from '../../src/config/schema.js';
import { MwError } from '../../src/errors.js';
import type { Logger } from '../../src/log.js';
import { redactText, redactUrl } from '../../src/url/redact.js';

export const REDIS_INSTALL_HINT = 'apt-get install -y redis-server';

export interface RedisService {
  url: string;
  stop(): Promise<void>;
}

/** The Redis URL of an unconfigured install (schema default). */
export const DEFAULT_REDIS_URL = settingsSchema.parse({}).redis.url;

/** When a private redis-server may stand in for a Redis that does not answer. */
export type PrivateRedis = 'never' | 'default-url' | 'any-local-url';

type Probe = { ok: true } | { ok: false; auth: boolean; detail: string };

const AUTH_REPLY = /\b(NOAUTH|WRONGPASS)\b|invalid password|invalid username-password/i;

async function probe(url: string): Promise<Probe> {
  const r = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    connectTimeout: 1_500,
    retryStrategy: () => null,
    enableOfflineQueue: false,
  });
  // ioredis reports why it closed on 'error'; connect() itself only says "Connection is closed".
  let reason = '';
  r.on('error', (err: Error) => (reason ||= err.message));
  try {
    await r.connect();
    await r.ping();
    return { ok: true };
  } catch (err) {
    const detail = reason || (err as Error).message;
    return { ok: false, auth: AUTH_REPLY.test(detail), detail: redactText(detail) };
  } finally {
    r.disconnect();
  }
}

async function answers(url: string): Promise<boolean> {
  return (await probe(url)).ok;
}

function freePort(): Promise<number> {
  const noPort = (detail: string, cause?: unknown): MwError =>
    new MwError('MW_ERR_REDIS_UNREACHABLE', `no free port for a private redis-server${detail}`, {
      cause,
    });
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on('error', (err) => reject(noPort(`: ${err.message}`, err)));
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (addr && typeof addr === 'object' ? resolve(addr.port) : reject(noPort(''))));
    });
  });
}

function isLocal(url: string): boolean {
  try {
    return ['127.0.0.1', 'localhost', '[::1]'].includes(new URL(url).hostname);
  } catch {
    return false;
  }
}

export async function ensureRedis(
  url: string,
  log: Logger,
  opts: { private?: PrivateRedis } = {},
): Promise<RedisService> {
  const found = await probe(url);
  if (found.ok) return { url, stop: async () => undefined };
  if (found.auth) {
    throw new MwError(
      'MW_ERR_REDIS_AUTH',
      `Redis at ${redactUrl(url)} refused the password: ${found.detail}` +
        '; set the right one in REDIS_URL (redis://:PASSWORD@host:port) or settings redis.url',
    );
  }
  const mode = opts.private ?? 'default-url';
  const mayStart =
    isLocal(url) &&
    (mode === 'any-local-url' || (mode === 'default-url' && url === DEFAULT_REDIS_URL));
  if (!mayStart) {
    throw new MwError(
      'MW_ERR_REDIS_UNREACHABLE',
      `the configured Redis at ${redactUrl(url)} does not answer (${found.detail}); ` +
        'start it or fix REDIS_URL / settings redis.url (a private redis-server is started only ' +
        `for demo and for the default ${DEFAULT_REDIS_URL} of a first run)`,
    );
  }
  const hasBinary = spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;
  if (!hasBinary) {
    throw new MwError(
      'MW_ERR_REDIS_UNREACHABLE',
      `no Redis answers at ${redactUrl(url)}; install it with: ${REDIS_INSTALL_HINT}`,
    );
  }
  const port = await freePort();
  const child: ChildProcess = spawn(
    'redis-server',
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
      '--maxmemory-policy',
      'noeviction',
    ],
    { stdio: 'ignore' },
  );
  const privateUrl = `redis://127.0.0.1:${port}`;
  for (let i = 0; i < 50 && !(await answers(privateUrl)); i++)
    await new Promise((r) => setTimeout(r, 100));
  if (!(await answers(privateUrl))) {
    child.kill();
    throw new MwError(
      'MW_ERR_REDIS_UNREACHABLE',
      `could not start a private redis-server on port ${port}`,
    );
  }
  log.warn(
    { url: privateUrl, configured: redactUrl(url) },
    `no Redis answered at ${redactUrl(url)} (${mode === 'any-local-url' ? 'demo' : 'the default URL of a first run'}); ` +
      `started a PRIVATE, EMPTY redis-server on port ${port} for this run only: it sees no queued ` +
      'work of other processes and is gone when this command stops. Start Redis or set REDIS_URL ' +
      'to share work',
  );
  return {
    url: privateUrl,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
