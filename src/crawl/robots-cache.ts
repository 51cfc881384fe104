// robots.txt per origin (RFC 9309 §2.3, §2.4): fetched once and kept for 24 hours; its first
// 500 KiB are read and parsed (a larger file is cut after its last whole line, §2.5). 4xx, more
// redirects than the client follows, or a redirect off the outlet's hosts or to a refused
// address (it cannot be followed: docs/reliability.md) → allow all for 24 h.
// 5xx, 429 or an unreachable host → disallow all (or keep the last copy that parsed, §2.4)
// and ask again after 10 minutes, or after the server's Retry-After when that is longer.
import { MwError } from '../errors.js';
import type { HttpClient } from '../fetch/http.js';
import type { HostScope } from '../fetch/scope.js';
import {
  ALLOW_ALL,
  DISALLOW_ALL,
  parseRobots,
  robotsToken,
  type RobotsRules,
} from '../discover/robots.js';

const TTL_MS = 24 * 3600_000;
const RETRY_MS = 10 * 60_000;
/** RFC 9309 §2.5: a crawler must parse at least 500 KiB; we parse no more. */
export const ROBOTS_MAX_BYTES = 500 * 1024;

/** The HTTP outcomes that mean "there is no robots.txt": crawl as if it allowed everything. */
const UNAVAILABLE = new Set([
  'MW_ERR_HTTP_NOT_FOUND',
  'MW_ERR_HTTP_FORBIDDEN',
  'MW_ERR_HTTP_STATUS',
  'MW_ERR_TOO_MANY_REDIRECTS',
  'MW_ERR_OFF_SITE',
  'MW_ERR_BLOCKED_ADDRESS',
]);

const isHostBusy = (err: unknown): boolean =>
  err instanceof MwError && err.code === 'MW_ERR_HOST_BUSY';

interface Entry {
  rules: RobotsRules;
  until: number;
  /** The last rules parsed from a file, kept while the host is unreachable. */
  lastGood: RobotsRules | null;
}

export interface RobotsCacheOptions {
  /** Clock in epoch ms; tests move it. */
  now?: () => number;
}

/** The first `max` bytes, cut after the last complete line so no rule is read half. */
export function robotsText(body: Buffer, max = ROBOTS_MAX_BYTES): string {
  if (body.length <= max) return body.toString('utf8');
  const head = body.subarray(0, max);
  const nl = Math.max(head.lastIndexOf(0x0a), head.lastIndexOf(0x0d));
  return head.subarray(0, nl >= 0 ? nl + 1 : max).toString('utf8');
}

export class RobotsCache {
  private readonly entries = new Map<string, Entry>();
  private readonly inflight = new Map<string, Promise<RobotsRules>>();
  private readonly now: () => number;
  /** Our product token in robots.txt groups, from the configured User-Agent. */
  readonly token: string;

  constructor(
    private readonly http: Pick<HttpClient, 'get'>,
    userAgent: string,
    opts: RobotsCacheOptions = {},
  ) {
    this.token = robotsToken(userAgent);
    this.now = opts.now ?? Date.now;
  }

  /**
   * The rules for the URL's origin; concurrent callers share one fetch. `scope`: the hosts the
   * fetch and its redirect hops may reach (the outlet's).
   */
  async rules(
    url: string,
    beforeRequest?: (u: string) => Promise<void>,
    scope?: HostScope,
  ): Promise<RobotsRules> {
    const origin = new URL(url).origin;
    const cached = this.entries.get(origin);
    if (cached && cached.until > this.now()) return cached.rules;
    let pending = this.inflight.get(origin);
    const shared = pending !== undefined;
    if (!pending) {
      pending = this.fetch(origin, cached?.lastGood ?? null, beforeRequest, scope).finally(() =>
        this.inflight.delete(origin),
      );
      this.inflight.set(origin, pending);
    }
    try {
      return await pending;
    } catch (err) {
      // Another caller's limiter would not wait for the host's turn (MW_ERR_HOST_BUSY): ours may.
      if (shared && isHostBusy(err)) return this.rules(url, beforeRequest, scope);
      throw err;
    }
  }

  /** Crawl-delay of a host already fetched, in ms (0 when none or unknown). */
  crawlDelayMs(host: string): number {
    const entry =
      this.entries.get(`https://${host}`) ?? this.entries.get(`http://${host}`) ?? undefined;
    const d = entry?.rules.crawlDelaySeconds;
    return d ? d * 1000 : 0;
  }

  private async fetch(
    origin: string,
    lastGood: RobotsRules | null,
    beforeRequest?: (u: string) => Promise<void>,
    scope?: HostScope,
  ): Promise<RobotsRules> {
    let entry: Entry;
    try {
      // The client follows up to settings.http.maxRedirects hops (RFC 9309 asks for 5).
      // One byte past the limit tells robotsText the file was cut (and to drop a half line).
      const res = await this.http.get(`${origin}/robots.txt`, {
        accept: 'text/plain',
        maxBytes: ROBOTS_MAX_BYTES + 1,
        truncate: true,
        ...(beforeRequest ? { beforeRequest } : {}),
        ...(scope ? { scope } : {}),
      });
      const rules = parseRobots(robotsText(res.body), this.token);
      entry = { rules, until: this.now() + TTL_MS, lastGood: rules };
    } catch (err) {
      // Not an answer about robots.txt: the caller's job is delayed until the host's turn.
      if (isHostBusy(err)) throw err;
      const code = err instanceof MwError ? err.code : '';
      if (UNAVAILABLE.has(code)) {
        entry = { rules: ALLOW_ALL, until: this.now() + TTL_MS, lastGood: null };
      } else {
        const wait = Math.max(RETRY_MS, err instanceof MwError ? (err.retryAfterMs ?? 0) : 0);
        entry = { rules: lastGood ?? DISALLOW_ALL, until: this.now() + wait, lastGood };
      }
    }
    this.entries.set(origin, entry);
    return entry.rules;
  }
}
