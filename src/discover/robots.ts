// robots.txt (RFC 9309): groups by user-agent, Allow/Disallow with `*` and `$` on
// percent-normalised paths, the longest match wins and Allow wins a tie, /robots.txt itself is
// always allowed. Crawl-delay (not in the RFC; honoured as a minimum interval) and Sitemap lines
// are read too. Pure: text in, rules out. Fetching and caching are ../crawl/robots-cache.ts.
import { compilePattern, matches, normalizePath, type PathPattern } from './robots-match.js';

export interface RobotsRules {
  allows(pathAndQuery: string): boolean;
  crawlDelaySeconds: number | null;
  sitemaps: string[];
  /**
   * Where the rules come from: a parsed file; 'unavailable' (4xx, too many redirects: allow
   * all, RFC 9309 §2.3.1.3); 'unreachable' (5xx, network: disallow all, §2.3.1.4).
   */
  status: 'parsed' | 'unavailable' | 'unreachable';
}

interface Rule extends PathPattern {
  allow: boolean;
}

interface Group {
  agents: string[];
  rules: Rule[];
  delay: number | null;
}

/**
 * Our product token (RFC 9309 §2.2.1: letters, `_` and `-`) from the configured User-Agent:
 * "mediawatch/0.1 (+https://…)" → "mediawatch"; "Mozilla/5.0 (compatible; newsbot/2.1)" →
 * "newsbot".
 */
export function robotsToken(userAgent: string): string {
  const compatible = /\bcompatible;\s*([A-Za-z_-]+)/.exec(userAgent)?.[1];
  const first = /^\s*([A-Za-z_-]+)/.exec(userAgent)?.[1];
  const token = first && first.toLowerCase() !== 'mozilla' ? first : (compatible ?? first);
  return (token ?? 'mediawatch').toLowerCase();
}

/** The product token a User-agent line names ("MediaWatch/1.0" → "mediawatch"), or "*". */
function agentOf(value: string): string {
  if (value.trim().startsWith('*')) return '*';
  return (/^[A-Za-z_-]+/.exec(value.trim())?.[0] ?? '').toLowerCase();
}

function parseGroups(text: string): { groups: Group[]; sitemaps: string[] } {
  const sitemaps: string[] = [];
  const groups: Group[] = [];
  let current: Group | null = null;
  let lastWasAgent = false;
  for (const rawLine of text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)) {
    const line = rawLine.replace(/#.*$/, '').trim();
    const m = /^([A-Za-z-]+)\s*:\s*(.*)$/.exec(line);
    if (!m) continue;
    const key = m[1]!.toLowerCase();
    const value = m[2]!.trim();
    if (key === 'sitemap') {
      // Not part of any group (§2.3.4 "other records"): it neither starts nor ends one.
      if (value && !sitemaps.includes(value)) sitemaps.push(value);
      continue;
    }
    if (key === 'user-agent') {
      if (!current || !lastWasAgent) {
        current = { agents: [], rules: [], delay: null };
        groups.push(current);
      }
      current.agents.push(agentOf(value));
      lastWasAgent = true;
      continue;
    }
    lastWasAgent = false;
    if (!current) continue; // rules before the first User-agent line belong to no group
    if ((key === 'allow' || key === 'disallow') && value !== '') {
      current.rules.push({ allow: key === 'allow', ...compilePattern(value) });
    } else if (key === 'crawl-delay') {
      const n = Number(value);
      if (value !== '' && Number.isFinite(n) && n >= 0) current.delay = n;
    }
  }
  return { groups, sitemaps };
}

/** Parses robots.txt for `agentToken` (our product token, e.g. "mediawatch"). */
export function parseRobots(text: string, agentToken: string): RobotsRules {
  const token = agentToken.toLowerCase();
  const { groups, sitemaps } = parseGroups(text);
  // Every group naming our token, merged (§2.2.1); else every `*` group; else no rules.
  const mine = groups.filter((g) => g.agents.includes(token));
  const chosen = mine.length > 0 ? mine : groups.filter((g) => g.agents.includes('*'));
  const rules = chosen.flatMap((g) => g.rules);
  const delays = chosen.map((g) => g.delay).filter((d): d is number => d !== null);
  return {
    status: 'parsed',
    sitemaps,
    crawlDelaySeconds: delays.length > 0 ? Math.max(...delays) : null,
    allows(pathAndQuery: string): boolean {
      const path = normalizePath(pathAndQuery || '/');
      if (path === '/robots.txt') return true;
      let best: Rule | null = null;
      for (const r of rules) {
        if (!matches(r, path)) continue;
        if (!best || r.length > best.length || (r.length === best.length && r.allow)) best = r;
      }
      return best ? best.allow : true;
    },
  };
}

/** A host whose robots.txt answered 4xx: everything is allowed (RFC 9309 §2.3.1.3). */
export const ALLOW_ALL: RobotsRules = {
  allows: () => true,
  crawlDelaySeconds: null,
  sitemaps: [],
  status: 'unavailable',
};
/** A host whose robots.txt answered 5xx or could not be reached: nothing is allowed. */
export const DISALLOW_ALL: RobotsRules = {
  allows: () => false,
  crawlDelaySeconds: null,
  sitemaps: [],
  status: 'unreachable',
};
