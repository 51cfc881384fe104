// Evidence links: two text clusters in different languages are versions of one wire dispatch.
// Linked when an article of each is tied to the same wire agency (published by it or crediting
// it), both are dated within `windowHours` of each other, and they share at least
// `minSharedNames` proper names, `minSharedNumbers` of number weight, `minSharedEvidence` in all,
// and `minEvidenceScore` of the smaller side's evidence (./evidence.ts). A cluster keeps only
// its mutual best partner per language, so that a translation joins one dispatch, not every
// dispatch of the day that shares its numbers and names.
import { compareEvidence, sharedNumberWeight } from './evidence.js';
import type { ItemFeatures } from './group-features.js';
import type { GroupingOptions, Link } from './grouping-rules.js';

function sameWire(x: ItemFeatures, y: ItemFeatures): boolean {
  for (const a of x.agencies) if (y.agencies.has(a)) return true;
  return false;
}

/** Two text clusters joined by evidence: the best score of any of their article pairs, and the
 * article pair that stands for the link (the agency's own articles if they qualify). */
interface ClusterLink {
  key: string;
  /** "cluster:language" of each side. */
  sides: [string, string];
  score: number;
  link: Link;
  wireEnds: number;
}

/** True when link p (with `pw` wire ends) should stand for the pair rather than q. */
function representative(p: Link, pw: number, q: ClusterLink): boolean {
  if (pw !== q.wireEnds) return pw > q.wireEnds;
  if (p.similarity !== q.link.similarity) return p.similarity > q.link.similarity;
  return p.a !== q.link.a ? p.a < q.link.a : p.b < q.link.b;
}

/** `clusterOf[i]` is the text cluster (root position) of item i. */
export function evidenceLinks(
  f: readonly ItemFeatures[],
  clusterOf: readonly number[],
  o: GroupingOptions,
): Link[] {
  const windowMs = o.windowHours * 3_600_000;
  const pairs = new Map<string, ClusterLink>();
  const wired = f
    .filter((x) => x.agencies.size > 0 && x.lang !== null && Number.isFinite(x.time))
    .sort((x, y) => x.time - y.time || x.pos - y.pos);
  for (let i = 0; i < wired.length; i++) {
    const x = wired[i];
    if (!x) continue;
    for (let j = i + 1; j < wired.length; j++) {
      const y = wired[j];
      if (!y || y.time - x.time > windowMs) break;
      if (x.lang === y.lang) continue;
      const cx = clusterOf[x.pos] ?? x.pos;
      const cy = clusterOf[y.pos] ?? y.pos;
      if (cx === cy || !sameWire(x, y)) continue;
      if (sharedNumberWeight(x.evidence, y.evidence) < o.minSharedNumbers) continue;
      const m = compareEvidence(x.evidence, y.evidence);
      if (
        m.sharedNames < o.minSharedNames ||
        m.sharedNumbers < o.minSharedNumbers ||
        m.sharedNames + m.sharedNumbers < o.minSharedEvidence ||
        m.score < o.minEvidenceScore
      ) {
        continue;
      }
      const [a, b] = x.pos < y.pos ? [x.pos, y.pos] : [y.pos, x.pos];
      const link: Link = { a, b, basis: 'evidence', similarity: m.score, jaccard: m.score };
      const wireEnds = Number(x.item.isWire) + Number(y.item.isWire);
      const sx = `${cx}:${x.lang}`;
      const sy = `${cy}:${y.lang}`;
      const key = sx < sy ? `${sx}|${sy}` : `${sy}|${sx}`;
      const known = pairs.get(key);
      if (!known) {
        pairs.set(key, { key, sides: [sx, sy], score: m.score, link, wireEnds });
        continue;
      }
      known.score = Math.max(known.score, m.score);
      if (representative(link, wireEnds, known)) Object.assign(known, { link, wireEnds });
    }
  }
  return mutualBest([...pairs.values()]);
}

/**
 * Keeps a cluster pair only when each side is the other's best partner in that partner's
 * language (best score, then the smaller key).
 */
function mutualBest(links: readonly ClusterLink[]): Link[] {
  const best = new Map<string, ClusterLink>();
  const beats = (p: ClusterLink, q: ClusterLink | undefined): boolean =>
    !q || p.score > q.score || (p.score === q.score && p.key < q.key);
  const partnerLang = (side: string): string => side.slice(side.indexOf(':') + 1);
  for (const l of links) {
    const [sx, sy] = l.sides;
    for (const slot of [`${sx}>${partnerLang(sy)}`, `${sy}>${partnerLang(sx)}`]) {
      if (beats(l, best.get(slot))) best.set(slot, l);
    }
  }
  return links
    .filter((l) => {
      const [sx, sy] = l.sides;
      return (
        best.get(`${sx}>${partnerLang(sy)}`) === l && best.get(`${sy}>${partnerLang(sx)}`) === l
      );
    })
    .map((l) => l.link);
}
