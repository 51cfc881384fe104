// Validators (ETag, Last-Modified) of the feeds and urlset sitemaps that scheduled discovery
// read in full, on Redis so that every worker process shares them. The next scheduled run sends
// them back (If-None-Match, If-Modified-Since) and skips a source that answers 304: the run
// that read it recorded all its URLs in the ledger, so there is nothing new there.
//
// An entry lasts `ttlMs` after the full read that stored it (a 304 does not extend it; default
// 2 days, so dead sources vanish). The runtime sets it to recrawl.everyMinutes: the ledger
// fetches a failed URL again, revisits a recent article and reconsiders a left-out one only
// when discovery finds it again, so every source is read in full at least that often.
// An entry also names the event windows its URLs were sorted against (`windowsKey`): a
// source read before an event was added or changed is read in full again.
import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Window } from '../config/windows.js';

/** The leaf sources whose URLs a run records in full: never a sitemap index. */
export type LeafKind = 'urlset' | 'feed';

export interface SourceValidator {
  kind: LeafKind;
  etag: string | null;
  lastModified: string | null;
  /** `windowsKey` of the windows the full read was sorted against. */
  windows: string;
}

export const SOURCE_VALIDATORS_TTL_MS = 2 * 24 * 3600_000;

const sha1 = (s: string): string => createHash('sha1').update(s).digest('hex');

/** The same key for the same set of windows, whatever their order. */
export function windowsKey(windows: readonly Window[]): string {
  return sha1(
    windows
      .map((w) => `${w.from}..${w.to}`)
      .sort()
      .join(','),
  );
}

function parse(raw: string | null): SourceValidator | null {
  if (raw === null) return null;
  try {
    const v = JSON.parse(raw) as Partial<SourceValidator>;
    const str = (x: unknown): string | null => (typeof x === 'string' && x !== '' ? x : null);
    const etag = str(v.etag);
    const lastModified = str(v.lastModified);
    if ((v.kind !== 'urlset' && v.kind !== 'feed') || typeof v.windows !== 'string') return null;
    if (etag === null && lastModified === null) return null;
    return { kind: v.kind, etag, lastModified, windows: v.windows };
  } catch {
    return null;
  }
}

export class SourceValidators {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly ttlMs: number = SOURCE_VALIDATORS_TTL_MS,
  ) {}

  key(url: string): string {
    return `${this.prefix}:srcval:${sha1(url)}`;
  }

  /** What the last full read of the URL answered, or null (none, expired, or unreadable). */
  async get(url: string): Promise<SourceValidator | null> {
    return parse(await this.redis.get(this.key(url)));
  }

  /**
   * Keeps what a full read answered for `ttlMs`. Null, or an answer with neither validator,
   * removes the URL's entry instead: the next run reads the source in full.
   */
  async set(url: string, v: SourceValidator | null): Promise<void> {
    if (!v || (!v.etag && !v.lastModified)) {
      await this.redis.del(this.key(url));
      return;
    }
    const value: SourceValidator = {
      kind: v.kind,
      etag: v.etag || null,
      lastModified: v.lastModified || null,
      windows: v.windows,
    };
    await this.redis.set(this.key(url), JSON.stringify(value), 'PX', Math.max(1, this.ttlMs));
  }
}
