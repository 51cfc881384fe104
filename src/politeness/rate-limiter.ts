// Per-host request pacing that holds across every worker process and machine sharing a Redis.
// A request may go when the host's last grant (on Redis's own clock) is at least one interval
// old; the grant is atomic, so two processes never get the same slot. Grants, not reservations:
// a caller that wakes up late does not push its request into the next caller's slot.
// Intervals are `1000 / requestsPerSecond` ms, or the host's Crawl-delay when longer (capped by
// settings politeness.maxCrawlDelayMs, src/crawl/services.ts).
// A wait never holds a worker for long: a `bounded(ms)` limiter (what article jobs use) throws
// MW_ERR_HOST_BUSY with the wait instead of sleeping past `ms`, and the job is delayed in
// BullMQ until the host's turn (jobs/article.ts).
// Within one process the callers for a host ask Redis one at a time (a turn per host): sixteen
// jobs that wake together would otherwise all ask, one would win, and the fifteen others would
// ask again after the wait, then fourteen… (4.2 asks a page on the 2,000-page bench, where the
// interval is 1 ms; about 1 with turns). Across processes Redis still decides every grant.
import type { Redis } from 'ioredis';
import { MwError } from '../errors.js';
import { hostKey } from '../url/canonical.js';

// KEYS[1]  key holding the time of the host's last grant (ms, Redis clock)
// ARGV[1]  interval between requests to this host, ms
// ARGV[2]  latency allowance, ms: the grant is recorded this much later than now, for callers
//          whose request reaches the host some time after the grant (a browser navigation)
// returns  0 when granted now (and recorded), else the ms to wait before asking again
const TRY_ACQUIRE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local interval = tonumber(ARGV[1])
local last = tonumber(redis.call('GET', KEYS[1]) or '0')
local elapsed = now - last
if elapsed >= interval then
  local allowance = tonumber(ARGV[2])
  redis.call('SET', KEYS[1], now + allowance, 'PX', interval + allowance + 1000)
  return 0
end
return interval - elapsed
`;

// KEYS[1]  the host's last-grant key (as above)
// ARGV[1]  interval, ms;  ARGV[2]  how long the host asked us to wait, ms
// effect   no grant before now + wait (never shortens an existing wait)
const HOLD_OFF = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local interval = tonumber(ARGV[1])
local wait = tonumber(ARGV[2])
local last = now + wait - interval
local current = tonumber(redis.call('GET', KEYS[1]) or '0')
if last > current then
  redis.call('SET', KEYS[1], last, 'PX', wait + 1000)
end
return 0
`;

type PacingRedis = Redis & {
  mwHoldOff(key: string, intervalMs: number, waitMs: number): Promise<number>;
  mwTryAcquire(key: string, intervalMs: number, allowanceMs: number): Promise<number>;
};

export class RateLimiter {
  private readonly redis: PacingRedis;

  constructor(
    redis: Redis,
    private readonly prefix: string,
    private readonly intervalFor: (host: string) => number,
    private readonly sleep: (ms: number) => Promise<void> = (ms) =>
      new Promise((r) => setTimeout(r, ms)),
    /** Longest wait `acquire` sleeps through; a longer one throws MW_ERR_HOST_BUSY. */
    private readonly maxWaitMs = Infinity,
    /** Per host, the last caller in this process's line to ask Redis (shared by bounded views). */
    private readonly lines = new Map<string, Promise<void>>(),
  ) {
    if (!('mwTryAcquire' in redis)) {
      redis.defineCommand('mwTryAcquire', { numberOfKeys: 1, lua: TRY_ACQUIRE });
      redis.defineCommand('mwHoldOff', { numberOfKeys: 1, lua: HOLD_OFF });
    }
    this.redis = redis as PacingRedis;
  }

  /** The same limiter (same Redis keys and intervals), refusing to wait longer than `maxWaitMs`. */
  bounded(maxWaitMs: number): RateLimiter {
    return new RateLimiter(
      this.redis,
      this.prefix,
      this.intervalFor,
      this.sleep,
      maxWaitMs,
      this.lines,
    );
  }

  /**
   * Waits until this process may send one request to the URL's host. `latencyMs` is how late
   * the request may reach the host after the grant (Chromium needs tens of ms to act on it).
   */
  async acquire(url: string, latencyMs = 0): Promise<void> {
    const host = hostKey(url);
    const ahead = this.lines.get(host);
    let leave!: () => void;
    const mine = new Promise<void>((r) => (leave = r));
    const line = ahead ? ahead.then(() => mine) : mine;
    this.lines.set(host, line);
    try {
      const queuedMs = ahead ? await this.waitInLine(host, ahead, latencyMs) : 0;
      await this.ask(host, latencyMs, queuedMs);
    } finally {
      leave();
      if (this.lines.get(host) === line) this.lines.delete(host);
    }
  }

  /** Waits for the callers ahead; a bounded job gives up when that takes longer than its bound. */
  private async waitInLine(host: string, ahead: Promise<void>, latencyMs: number): Promise<number> {
    const started = Date.now();
    if (latencyMs > 0 || this.maxWaitMs === Infinity) {
      await ahead;
      return 0;
    }
    let timer: NodeJS.Timeout | undefined;
    const late = await Promise.race([
      ahead.then(() => false),
      new Promise<true>((r) => (timer = setTimeout(() => r(true), this.maxWaitMs))),
    ]);
    clearTimeout(timer);
    if (late) {
      throw new MwError(
        'MW_ERR_HOST_BUSY',
        `${host}: other requests of this worker wait for their turn for more than ${this.maxWaitMs} ms`,
        { retryAfterMs: this.maxWaitMs },
      );
    }
    return Date.now() - started;
  }

  /** Asks Redis until it grants a request to `host`, sleeping through the waits it names. */
  private async ask(host: string, latencyMs: number, waitedBefore: number): Promise<void> {
    const key = `${this.prefix}:rate:${host}`;
    let waited = waitedBefore;
    for (;;) {
      const interval = Math.max(1, Math.round(this.intervalFor(host)));
      const waitMs = await this.redis.mwTryAcquire(key, interval, latencyMs);
      if (waitMs <= 0) return;
      // A browser navigation (latencyMs > 0) waits inside a route handler that cannot hand the
      // job back: it waits as before, bounded by the capped interval.
      if (latencyMs === 0 && waited + waitMs > this.maxWaitMs) {
        throw new MwError(
          'MW_ERR_HOST_BUSY',
          `${host} is paced at one request every ${interval} ms; its next turn is in ${waitMs} ms`,
          { retryAfterMs: waitMs },
        );
      }
      waited += waitMs;
      // A little jitter spreads waiters out so they do not all ask again at the same moment.
      await this.sleep(waitMs + Math.floor(Math.random() * Math.min(50, interval / 4)));
    }
  }

  /**
   * The host answered 429 or 503 with Retry-After: no process sends it anything for `waitMs`.
   * Other hosts keep their pace.
   */
  async holdOff(url: string, waitMs: number): Promise<void> {
    const host = hostKey(url);
    const interval = Math.max(1, Math.round(this.intervalFor(host)));
    await this.redis.mwHoldOff(
      `${this.prefix}:rate:${host}`,
      interval,
      Math.max(0, Math.round(waitMs)),
    );
  }
}
