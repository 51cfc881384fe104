// Redis connections by role (BullMQ's advice): workers retry forever
// (maxRetriesPerRequest: null); producers and the CLI fail fast. Before any worker starts,
// Redis must answer and keep every key (maxmemory-policy noeviction): evicted job keys would
// silently lose work.
import { Redis } from 'ioredis';
import { MwError } from '../src/errors.js';
import { redactUrl } from '../src/url/redact.js';

export type RedisRole = 'worker' | 'producer';

export function connectRedis(url: string, role: RedisRole): Redis {
  return new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: role === 'worker' ? null : 1,
    enableOfflineQueue: role === 'worker',
    connectTimeout: 5_000,
    retryStrategy: (times) =>
      role === 'producer' && times > 2 ? null : Math.min(times * 200, 2_000),
  });
}

export async function checkRedis(redis: Redis, url: string): Promise<void> {
  try {
    if (redis.status === 'wait') await redis.connect();
    await redis.ping();
  } catch (err) {
    const message = (err as Error).message;
    if (/\b(NOAUTH|WRONGPASS)\b/.test(message))
      throw new MwError('MW_ERR_REDIS_AUTH', `Redis at ${redact(url)} refused us: ${message}`, {
        cause: err,
      });
    throw new MwError(
      'MW_ERR_REDIS_UNREACHABLE',
      `Redis at ${redact(url)} does not answer: ${(err as Error).message}`,
      {
        cause: err,
      },
    );
  }
  let policy: string | undefined;
  try {
    const reply = (await redis.config('GET', 'maxmemory-policy')) as string[];
    policy = reply[1];
  } catch {
    return; // CONFIG is disabled on some managed Redis services; nothing to check then.
  }
  if (policy && policy !== 'noeviction') {
    throw new MwError(
      'MW_ERR_REDIS_EVICTION',
      `Redis at ${redact(url)} has maxmemory-policy "${policy}"; queues need "noeviction" ` +
        '(redis-cli config set maxmemory-policy noeviction)',
    );
  }
}

/** A Redis URL without its password (src/url/redact.ts). */
export const redact = redactUrl;
