// Per-host concurrency that holds across every worker process: at most `max` requests in flight
// to one host. Each request holds a lease (a member of a Redis sorted set, scored by its expiry)
// and gives it back when done. Leases are short (settings politeness.hostLeaseMs, 10 s) and
// renewed while the request runs, so the lease of a killed process frees its host within
// seconds instead of minutes. A `bounded(ms)` view (article jobs) does not wait for a free
// lease longer than `ms`: it throws MW_ERR_HOST_BUSY and the job is delayed instead.
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { MwError } from '../errors.js';
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

// KEYS[1]  as above;  ARGV[1]  token;  ARGV[2]  lease time-to-live, ms
// returns  1 when the lease was still held (and is extended), 0 when it had expired
const RENEW = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
if redis.call('ZSCORE', KEYS[1], ARGV[1]) then
  redis.call('ZADD', KEYS[1], 'XX', now + tonumber(ARGV[2]), ARGV[1])
  redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[2]))
  return 1
end
return 0
`;

/** First wait before asking again for a lease, ms; doubled per try up to LEASE_POLL_MAX_MS. */
const LEASE_POLL_FIRST_MS = 5;
const LEASE_POLL_MAX_MS = 50;

type SlotRedis = Redis & {
  mwTakeSlot(key: string, max: number, token: string, ttlMs: number): Promise<number>;
  mwRenewSlot(key: string, token: string, ttlMs: number): Promise<number>;
};

export class HostSlots {
  private readonly redis: SlotRedis;

  constructor(
    redis: Redis,
    private readonly prefix: string,
    private readonly maxFor: (host: string) => number,
    private readonly ttlMs = 10_000,
    /** Longest wait for a free lease; a longer one throws MW_ERR_HOST_BUSY. */
    private readonly maxWaitMs = Infinity,
  ) {
    if (!('mwTakeSlot' in redis)) {
      redis.defineCommand('mwTakeSlot', { numberOfKeys: 1, lua: TAKE });
      redis.defineCommand('mwRenewSlot', { numberOfKeys: 1, lua: RENEW });
    }
    this.redis = redis as SlotRedis;
  }

  /** The same leases, refusing to wait longer than `maxWaitMs` for one. */
  bounded(maxWaitMs: number): HostSlots {
    return new HostSlots(this.redis, this.prefix, this.maxFor, this.ttlMs, maxWaitMs);
  }

  /** Runs `fn` holding one of the host's slots; waits while the host is at its limit. */
  async run<T>(url: string, fn: () => Promise<T>): Promise<T> {
    const host = hostKey(url);
    const key = `${this.prefix}:slots:${host}`;
    const token = randomUUID();
    // A lease freed by another process is noticed within LEASE_POLL_MAX_MS: with more jobs than
    // leases (several processes on one host), a longer back-off leaves leases idle.
    let wait = LEASE_POLL_FIRST_MS;
    let waited = 0;
    while ((await this.redis.mwTakeSlot(key, this.maxFor(host), token, this.ttlMs)) !== 1) {
      if (waited >= this.maxWaitMs) {
        throw new MwError(
          'MW_ERR_HOST_BUSY',
          `${host} has all its ${this.maxFor(host)} concurrent requests in flight`,
          { retryAfterMs: Math.min(this.ttlMs, 2_000) },
        );
      }
      const ms = wait + Math.floor(Math.random() * wait);
      await new Promise((r) => setTimeout(r, ms));
      waited += ms;
      wait = Math.min(wait * 2, LEASE_POLL_MAX_MS);
    }
    // Renewed while `fn` runs: a lease outlives its holder by at most one time-to-live.
    const renew = setInterval(
      () => void this.redis.mwRenewSlot(key, token, this.ttlMs).catch(() => undefined),
      Math.max(100, Math.floor(this.ttlMs / 3)),
    );
    renew.unref();
    try {
      return await fn();
    } finally {
      clearInterval(renew);
      await this.redis.zrem(key, token);
    }
  }
}
