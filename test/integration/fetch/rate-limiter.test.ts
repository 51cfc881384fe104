// Real Redis: the limiter's guarantee is that reservations from independent clients (as from
// separate worker processes) never come closer than the interval.
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { RateLimiter } from '../../../src/politeness/rate-limiter.js';
import { failure } from '../../helpers/errors.js';

const url = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const clients: Redis[] = [];
afterAll(async () => {
  for (const c of clients) await c.quit();
});

// The limiter's sleep, recording each wait Redis asked for (its answer "not yet") in the list
// of the acquire() call that asked, or in a given list.
const call = new AsyncLocalStorage<number[]>();
const recordingSleep =
  (waits?: number[]) =>
  (ms: number): Promise<void> => {
    (waits ?? call.getStore())?.push(ms);
    return new Promise((r) => setTimeout(r, ms));
  };

describe('RateLimiter', () => {
  it('spaces requests to one host across independent clients, leaving other hosts alone', async () => {
    const prefix = `mw-test-${randomUUID()}`;
    const sent: Array<{ host: string; at: number; waits: number[] }> = [];
    const limiters = [0, 1, 2].map(() => {
      const redis = new Redis(url);
      clients.push(redis);
      return new RateLimiter(redis, prefix, () => 100, recordingSleep());
    });
    const start = Date.now();
    await Promise.all(
      limiters.flatMap((l, i) =>
        [0, 1, 2].map(async () => {
          const host = i === 2 ? 'other.example' : 'news.example';
          const waits: number[] = [];
          await call.run(waits, () => l.acquire(`http://${host}/x`));
          sent.push({ host, at: Date.now() - start, waits });
        }),
      ),
    );
    const times = sent
      .filter((s) => s.host === 'news.example')
      .map((s) => s.at)
      .sort((a, b) => a - b);
    expect(times).toHaveLength(6);
    for (let i = 1; i < times.length; i++)
      expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(90);
    // The other host was not held by news.example's pace: Redis granted one of its requests on
    // the first ask, with no wait.
    const other = sent.filter((s) => s.host === 'other.example');
    expect(other).toHaveLength(3);
    expect(other.filter((s) => s.waits.length === 0).length).toBeGreaterThanOrEqual(1);
    await clients[0]!.del(`${prefix}:rate:news.example`, `${prefix}:rate:other.example`);
  });
});

describe('RateLimiter.holdOff', () => {
  it('holds a host back for the time it asked, for every client, and no other host', async () => {
    const prefix = `mw-test-${randomUUID()}`;
    const a = new Redis(url);
    const b = new Redis(url);
    clients.push(a, b);
    const waits: number[] = [];
    const one = new RateLimiter(a, prefix, () => 10);
    const two = new RateLimiter(b, prefix, () => 10, recordingSleep(waits));
    await one.holdOff('http://busy.example/x', 300);
    const start = Date.now();
    await two.acquire('http://calm.example/y');
    // The calm host was granted on the first ask: Redis asked for no wait.
    expect(waits).toEqual([]);
    await two.acquire('http://busy.example/z');
    const busy = Date.now() - start;
    expect(waits.length).toBeGreaterThan(0);
    expect(busy).toBeGreaterThanOrEqual(280);
    await a.del(`${prefix}:rate:busy.example`, `${prefix}:rate:calm.example`);
  });

  it("lets one process's callers for a host ask Redis in turn, not all at once", async () => {
    const prefix = `mw-test-${randomUUID()}`;
    const redis = new Redis(url);
    clients.push(redis);
    const waits: number[] = [];
    const limiter = new RateLimiter(redis, prefix, () => 20, recordingSleep(waits));
    const sent: number[] = [];
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        await limiter.acquire('http://news.example/x');
        sent.push(Date.now());
      }),
    );
    sent.sort((a, b) => a - b);
    for (let i = 1; i < sent.length; i++)
      expect(sent[i]! - sent[i - 1]!).toBeGreaterThanOrEqual(18);
    // Each caller after the first is told "not yet" about once (the interval since the last
    // grant): 15 waits, a few more if a timer fires early. All sixteen asking at once would
    // hear it 15 + 14 + … + 1 = 120 times.
    expect(waits.length).toBeGreaterThanOrEqual(15);
    expect(waits.length).toBeLessThanOrEqual(24);
    await redis.del(`${prefix}:rate:news.example`);
  });

  it('gives a bounded caller back (MW_ERR_HOST_BUSY) when its turn is further than its bound', async () => {
    const prefix = `mw-test-${randomUUID()}`;
    const redis = new Redis(url);
    clients.push(redis);
    const limiter = new RateLimiter(redis, prefix, () => 400);
    await limiter.acquire('http://slow.example/1');
    // The unbounded caller sleeps through the 400 ms interval in the host's line; the bounded
    // one behind it gives up after its 100 ms instead of waiting there.
    const order: string[] = [];
    const first = limiter.acquire('http://slow.example/2').then(() => order.push('unbounded'));
    const err = await failure(limiter.bounded(100).acquire('http://slow.example/3'));
    order.push('bounded gave up');
    expect(err.code).toBe('MW_ERR_HOST_BUSY');
    expect(err.message).toContain('slow.example');
    await first;
    expect(order).toEqual(['bounded gave up', 'unbounded']);
    await redis.del(`${prefix}:rate:slow.example`);
  });
});
