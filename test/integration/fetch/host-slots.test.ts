// Real Redis: independent clients (as separate worker processes) never hold more leases on
// one host than its limit, and a lease is given back when the work fails.
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { HostSlots } from '../../../src/politeness/host-slots.js';

const url = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const clients: Redis[] = [];
afterAll(async () => {
  for (const c of clients) await c.quit();
});

describe('HostSlots', () => {
  it('keeps at most max requests in flight per host across clients', async () => {
    const prefix = `mw-test-${randomUUID()}`;
    const slots = [0, 1, 2].map(() => {
      const r = new Redis(url);
      clients.push(r);
      return new HostSlots(r, prefix, () => 2);
    });
    let inFlight = 0;
    let peak = 0;
    const work = async (): Promise<void> => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      await new Promise((r) => setTimeout(r, 30));
      inFlight--;
    };
    await Promise.all(
      slots.flatMap((s) => [0, 1, 2].map(() => s.run('http://news.example/a', work))),
    );
    expect(peak).toBe(2);
    await expect(
      slots[0]!.run('http://news.example/b', () => Promise.reject(new Error('boom'))),
    ).rejects.toThrow('boom');
    expect(await clients[0]!.zcard(`${prefix}:slots:news.example`)).toBe(0);
  });
});
