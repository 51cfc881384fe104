// Per-host request pacing that holds across every worker process and machine sharing a Redis:
// each request reserves the next free slot of its host atomically, using Redis's own clock, and
// waits until that slot. Slots are `1000 / requestsPerSecond` ms apart.
import type { Redis } from 'ioredis';

// KEYS[1]  key holding the host's next free slot (ms since epoch, Redis clock)
// ARGV[1]  interval between requests to this host, ms
// returns  ms the caller must wait before sending its request (0 = now)
const RESERVE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local nextFree = tonumber(redis.call('GET', KEYS[1]) or '0')
local interval = tonumber(ARGV[1])
local slot = math.max(now, nextFree)
redis.call('SET', KEYS[1], slot + interval, 'PX', slot - now + interval + 1000)
return slot - now
`;

type ReservingRedis = Redis & { mwReserveSlot(key: string, intervalMs: number): Promise<number> };

export class RateLimiter {
  private readonly redis: ReservingRedis;

  constructor(
    redis: Redis,
    private readonly prefix: string,
    private readonly intervalFor: (host: string) => number,
    private readonly sleep: (ms: number) => Promise<void> = (ms) =>
      new Promise((r) => setTimeout(r, ms)),
  ) {
    if (!('mwReserveSlot' in redis))
      redis.defineCommand('mwReserveSlot', { numberOfKeys: 1, lua: RESERVE });
    this.redis = redis as ReservingRedis;
  }

  /** Waits until this process may send one request to the URL's host. */
  async acquire(url: string): Promise<void> {
    const host = new URL(url).host;
    const interval = Math.max(1, Math.round(this.intervalFor(host)));
    const waitMs = await this.redis.mwReserveSlot(`${this.prefix}:rate:${host}`, interval);
    if (waitMs > 0) await this.sleep(waitMs);
  }
}
