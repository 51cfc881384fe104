// SourceValidators on real Redis: what a full read of a feed or urlset answered, under the
// prefix, for a limited time; nothing kept for a source that sent neither validator.
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  SOURCE_VALIDATORS_TTL_MS,
  SourceValidators,
  windowsKey,
} from '../../../src/crawl/source-validators.js';

const prefix = `mw-test-${randomUUID().slice(0, 8)}`;
let redis: Redis;

beforeAll(() => {
  redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
});
afterAll(async () => {
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length > 0) await redis.del(...keys);
  await redis.quit();
});

const FEED = 'https://news.example/rss?outputType=xml';
const WINDOWS = windowsKey([{ from: 1, to: Infinity }]);

describe('SourceValidators', () => {
  it('keeps ETag and Last-Modified of a URL under the prefix, with a TTL', async () => {
    const v = new SourceValidators(redis, prefix, 60_000);
    expect(await v.get(FEED)).toBeNull();
    const value = {
      kind: 'feed' as const,
      etag: 'W/"abc"',
      lastModified: 'Fri, 05 Jan 2024 10:00:00 GMT',
      windows: WINDOWS,
    };
    await v.set(FEED, value);
    expect(await v.get(FEED)).toEqual(value);
    expect(v.key(FEED)).toMatch(new RegExp(`^${prefix}:srcval:[0-9a-f]{40}$`));
    expect(await redis.exists(v.key(FEED))).toBe(1);
    const ttl = await redis.pttl(v.key(FEED));
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(60_000);
    // Another URL, another key.
    expect(await v.get(`${FEED}&page=2`)).toBeNull();
  });

  it('defaults to two days', async () => {
    const v = new SourceValidators(redis, prefix);
    const url = 'https://news.example/sitemap-1.xml';
    await v.set(url, { kind: 'urlset', etag: '"1"', lastModified: null, windows: WINDOWS });
    const ttl = await redis.pttl(v.key(url));
    expect(ttl).toBeGreaterThan(SOURCE_VALIDATORS_TTL_MS - 60_000);
    expect(ttl).toBeLessThanOrEqual(SOURCE_VALIDATORS_TTL_MS);
    expect(SOURCE_VALIDATORS_TTL_MS).toBe(2 * 24 * 3600_000);
  });

  it('stores nothing for an answer without validators, and forgets what it had', async () => {
    const v = new SourceValidators(redis, prefix, 60_000);
    const bare = 'https://news.example/feed-without-validators';
    await v.set(bare, { kind: 'feed', etag: null, lastModified: null, windows: WINDOWS });
    expect(await redis.exists(v.key(bare))).toBe(0);
    expect(await v.get(bare)).toBeNull();

    const url = 'https://news.example/news-sitemap.xml';
    await v.set(url, { kind: 'urlset', etag: '"x"', lastModified: null, windows: WINDOWS });
    expect(await redis.exists(v.key(url))).toBe(1);
    await v.set(url, { kind: 'urlset', etag: null, lastModified: null, windows: WINDOWS });
    expect(await redis.exists(v.key(url))).toBe(0);
    await v.set(url, { kind: 'urlset', etag: '"x"', lastModified: null, windows: WINDOWS });
    await v.set(url, null);
    expect(await redis.exists(v.key(url))).toBe(0);
  });

  it('reads an entry it cannot use as none', async () => {
    const v = new SourceValidators(redis, prefix, 60_000);
    const url = 'https://news.example/garbled';
    await redis.set(v.key(url), '{"kind":"sitemapindex","etag":"\\"1\\"","windows":"w"}');
    expect(await v.get(url)).toBeNull();
    await redis.set(v.key(url), 'not json');
    expect(await v.get(url)).toBeNull();
  });

  it('names a set of windows the same whatever their order, and differently when one changes', () => {
    const a = { from: 1_000, to: 2_000 };
    const b = { from: 5_000, to: Infinity };
    expect(windowsKey([a, b])).toBe(windowsKey([b, a]));
    expect(windowsKey([a, b])).not.toBe(windowsKey([a]));
    expect(windowsKey([a])).not.toBe(windowsKey([{ from: 1_000, to: 2_001 }]));
  });
});
