// Makes sure a Redis answers. When none answers at a local URL and `redis-server` is
// installed, starts a private one on a free port (no persistence, noeviction) for this
// command only; otherwise stops with the exact install command.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { Redis } from 'ioredis';
import { MwError } from '../../src/errors.js';
import type { Logger } from '../../src/log.js';
import { redact } from '../../jobs/connection.js';

export const REDIS_INSTALL_HINT = 'apt-get install -y redis-server';

export interface RedisService {
  url: string;
  stop(): Promise<void>;
}

async function answers(url: string): Promise<boolean> {
  const r = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    connectTimeout: 1_500,
    retryStrategy: () => null,
    enableOfflineQueue: false,
  });
  r.on('error', () => undefined);
  try {
    await r.connect();
    await r.ping();
    return true;
  } catch {
    return false;
  } finally {
    r.disconnect();
  }
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

export async function ensureRedis(url: string, log: Logger): Promise<RedisService> {
  if (await answers(url)) return { url, stop: async () => undefined };
  const hasBinary = spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;
  if (!isLocal(url) || !hasBinary) {
    throw new MwError(
      'MW_ERR_REDIS_UNREACHABLE',
      `no Redis answers at ${redact(url)}` +
        (isLocal(url) ? `; install it with: ${REDIS_INSTALL_HINT}` : '; start it or set REDIS_URL'),
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
    { url: privateUrl },
    `no Redis answered at ${url}; started a private redis-server for this run`,
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
