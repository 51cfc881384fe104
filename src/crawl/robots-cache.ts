// robots.txt per host, fetched once and kept for 24 hours. 4xx → allow all; 5xx or an
// unreachable host → disallow all until it answers again (retried after 10 minutes).
import { MwError } from '../errors.js';
import type { HttpClient } from '../fetch/http.js';
import { ALLOW_ALL, DISALLOW_ALL, parseRobots, type RobotsRules } from '../discover/robots.js';

const TTL_MS = 24 * 3600_000;
const RETRY_MS = 10 * 60_000;
const MAX_BYTES = 500 * 1024;

export class RobotsCache {
  private readonly entries = new Map<string, { rules: RobotsRules; until: number }>();
  private readonly token: string;

  constructor(
    private readonly http: HttpClient,
    userAgent: string,
  ) {
    this.token = (userAgent.split('/')[0] ?? 'mediawatch').trim();
  }

  async rules(url: string, beforeRequest?: (u: string) => Promise<void>): Promise<RobotsRules> {
    const origin = new URL(url).origin;
    const host = new URL(url).host;
    const now = Date.now();
    const cached = this.entries.get(host);
    if (cached && cached.until > now) return cached.rules;
    let rules: RobotsRules;
    let ttl = TTL_MS;
    try {
      const res = await this.http.get(
        `${origin}/robots.txt`,
        beforeRequest ? { accept: 'text/plain', beforeRequest } : { accept: 'text/plain' },
      );
      rules = parseRobots(res.body.subarray(0, MAX_BYTES).toString('utf8'), this.token);
    } catch (err) {
      const code = err instanceof MwError ? err.code : '';
      if (
        code === 'MW_ERR_HTTP_NOT_FOUND' ||
        code === 'MW_ERR_HTTP_FORBIDDEN' ||
        code === 'MW_ERR_HTTP_STATUS'
      ) {
        rules = ALLOW_ALL;
      } else {
        rules = DISALLOW_ALL;
        ttl = RETRY_MS;
      }
    }
    this.entries.set(host, { rules, until: now + ttl });
    return rules;
  }

  /** Crawl-delay of a host already fetched, in ms (0 when none or unknown). */
  crawlDelayMs(host: string): number {
    const d = this.entries.get(host)?.rules.crawlDelaySeconds;
    return d ? d * 1000 : 0;
  }
}
