// Per-host concurrency that holds across every worker process: at most `max` requests in flight
// to one host. Each request holds a lease (a member of a Redis sorted set, scored by its expiry)
// and gives it back when done; a lease of a crashed process expires on its own.
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { hostKey } from '../url/canonical.js';

// KEYS[1]  sorted set of the host's leases (member: token, score: expiry in ms, Redis clock)
// ARGV[1]  most leases at once;  ARGV[2]  token;  ARGV[3]  lease time-to-live, ms
// returns  1 when the lease was taken, 0 when the host is at its limit
const TAKE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[1]) then
  redis.call('ZADD', KEYS[1], now + tonumber(ARGV[3]), ARGV[2])
  redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[3]))
  return 1
end
return 0
`;

type SlotRedis = Redis & {
  mwTakeSlot(key: string, max: number, token: string, ttlMs: number): Promise<number>;
};

export class HostSlots {
  private readonly redis: SlotRedis;

  constructor(
    redis: Redis,
    private readonly prefix: string,
    private readonly maxFor: (host: string) => number,
    private readonly ttlMs = 120_000,
  ) {
    if (!('mwTakeSlot' in redis)) redis.defineCommand('mwTakeSlot', { numberOfKeys: 1, lua: TAKE });
    this.redis = redis as SlotRedis;
  }

  /** Runs `fn` holding one of the host's slots; waits while the host is at its limit. */
  async run<T>(url: string, fn: () => Promise<T>): Promise<T> {
    const host = hostKey(url);
    const key = `${this.prefix}:slots:${host}`;
    const token = randomUUID();
    let wait = 20;
    while ((await this.redis.mwTakeSlot(key, this.maxFor(host), token, this.ttlMs)) !== 1) {
      await new Promise((r) => setTimeout(r, wait + Math.floor(Math.random() * wait)));
      wait = Math.min(wait * 2, 1_000);
    }
    try {
      return await fn();
    } finally {
      await this.redis.zrem(key, token);
    }
  }
}
