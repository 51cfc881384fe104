// robots.txt (RFC 9309): groups by user-agent, Allow/Disallow with `*` and `$`, the longest
// match wins and Allow wins a tie; Crawl-delay and Sitemap lines are read too. Pure.
export interface RobotsRules {
  allows(pathAndQuery: string): boolean;
  crawlDelaySeconds: number | null;
  sitemaps: string[];
}

interface Rule {
  allow: boolean;
  pattern: string;
  regex: RegExp;
}

function compile(pattern: string): RegExp {
  const anchored = pattern.endsWith('$');
  const body = (anchored ? pattern.slice(0, -1) : pattern)
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${body}${anchored ? '$' : ''}`);
}

/** Parses robots.txt for `agentToken` (our product token, e.g. "mediawatch"). */
export function parseRobots(text: string, agentToken: string): RobotsRules {
  const token = agentToken.toLowerCase();
  const sitemaps: string[] = [];
  const groups: Array<{ agents: string[]; rules: Rule[]; delay: number | null }> = [];
  let current: { agents: string[]; rules: Rule[]; delay: number | null } | null = null;
  let lastWasAgent = false;
  for (const rawLine of text.split(/\r\n|\r|\n/)) {
    const line = rawLine.replace(/#.*$/, '').trim();
    const m = /^([A-Za-z-]+)\s*:\s*(.*)$/.exec(line);
    if (!m) continue;
    const key = m[1]!.toLowerCase();
    const value = m[2]!.trim();
    if (key === 'sitemap') {
      if (value) sitemaps.push(value);
      continue;
    }
    if (key === 'user-agent') {
      if (!current || !lastWasAgent) {
        current = { agents: [], rules: [], delay: null };
        groups.push(current);
      }
      current.agents.push(value.toLowerCase());
      lastWasAgent = true;
      continue;
    }
    lastWasAgent = false;
    if (!current) continue;
    if ((key === 'allow' || key === 'disallow') && value !== '') {
      let pattern = value;
      try {
        pattern = decodeURI(value);
      } catch {
        /* keep as written */
      }
      current.rules.push({ allow: key === 'allow', pattern, regex: compile(pattern) });
    } else if (key === 'crawl-delay') {
      const n = Number(value);
      if (Number.isFinite(n) && n >= 0) current.delay = n;
    }
  }
  const mine = groups.filter((g) => g.agents.some((a) => a !== '*' && token.startsWith(a)));
  const chosen = mine.length > 0 ? mine : groups.filter((g) => g.agents.includes('*'));
  const rules = chosen.flatMap((g) => g.rules);
  const delays = chosen.map((g) => g.delay).filter((d): d is number => d !== null);
  return {
    sitemaps,
    crawlDelaySeconds: delays.length > 0 ? Math.max(...delays) : null,
    allows(pathAndQuery: string): boolean {
      let path = pathAndQuery;
      try {
        path = decodeURI(pathAndQuery);
      } catch {
        /* compare as written */
      }
      let best: Rule | null = null;
      for (const r of rules) {
        if (!r.regex.test(path)) continue;
        if (
          !best ||
          r.pattern.length > best.pattern.length ||
          (r.pattern.length === best.pattern.length && r.allow)
        ) {
          best = r;
        }
      }
      return best ? best.allow : true;
    },
  };
}

/** A host whose robots.txt answered 4xx: everything is allowed (RFC 9309 §2.3.1.3). */
export const ALLOW_ALL: RobotsRules = { allows: () => true, crawlDelaySeconds: null, sitemaps: [] };
/** A host whose robots.txt answered 5xx or could not be reached: nothing is allowed. */
export const DISALLOW_ALL: RobotsRules = {
  allows: () => false,
  crawlDelaySeconds: null,
  sitemaps: [],
};
