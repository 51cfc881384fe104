// The links between articles that put them in one story group.
//
// Text link (same wording, any language label): at least `minContainment` of the shorter
// article's shingles appear in the other, and at least `minSharedShingles` of them (a text
// shorter than that must be contained whole, and be four shingles or more). Candidate pairs are
// those whose MinHash signatures agree somewhere or that share a long sentence verbatim; the
// decision uses the exact shared count.
//
// Evidence link (a translation of one dispatch): between two text clusters of different
// languages, when an article of each is tied to the same wire agency (published by it or
// crediting it), both are dated within `windowHours` of each other, and they share at least
// `minSharedNames` proper names, `minSharedNumbers` of number weight, `minSharedEvidence` in all
// and `minEvidenceScore` of the smaller side. A cluster keeps only its mutual best partner per
// language, so that a translation joins one dispatch, not every dispatch of the day.
import { compareEvidence, sharedNumberWeight } from './evidence.js';
import type { ItemFeatures } from './group-features.js';
import { sharedCount, SIGNATURE_SIZE } from './shingles.js';

export interface GroupingOptions {
  /** Hours between two versions of a dispatch in different languages. */
  windowHours: number;
  minContainment: number;
  minSharedShingles: number;
  minEvidenceScore: number;
  minSharedNames: number;
  minSharedNumbers: number;
  minSharedEvidence: number;
}

export const DEFAULT_GROUPING: Readonly<GroupingOptions> = Object.freeze({
  windowHours: 12,
  minContainment: 0.5,
  minSharedShingles: 10,
  minEvidenceScore: 0.5,
  minSharedNames: 3,
  minSharedNumbers: 1,
  minSharedEvidence: 6,
});

export interface Link {
  /** Canonical positions, a < b. */
  a: number;
  b: number;
  basis: 'text' | 'evidence';
  /** Text: share of the shorter article's shingles found in the other. Evidence: score. */
  similarity: number;
  /** Text: Jaccard similarity of the shingle sets. Evidence: the score again. */
  jaccard: number;
}

export class DisjointSets {
  private readonly parent: number[];
  constructor(n: number) {
    this.parent = Array.from({ length: n }, (_, i) => i);
  }
  find(x: number): number {
    let r = x;
    while (this.parent[r] !== r) r = this.parent[r] ?? r;
    let y = x;
    while (this.parent[y] !== r) {
      const next = this.parent[y] ?? r;
      this.parent[y] = r;
      y = next;
    }
    return r;
  }
  /** Joins the sets of a and b; the smaller root stays the root (order independent). */
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra < rb) this.parent[rb] = ra;
    else if (rb < ra) this.parent[ra] = rb;
  }
}

const MIN_WHOLE_SHINGLES = 4;

/** Pairs (i < j) worth an exact comparison: a MinHash value in common at some position of their
 * signatures, or a long sentence in common. Bucketed, so unrelated pairs cost nothing. */
function candidates(f: readonly ItemFeatures[]): number[][] {
  const buckets: Array<Map<number, number[]>> = [];
  const put = (table: number, key: number, i: number): void => {
    const map = (buckets[table] ??= new Map<number, number[]>());
    const list = map.get(key);
    if (list) list.push(i);
    else map.set(key, [i]);
  };
  f.forEach((x, i) => {
    if (x.shingles.length === 0) return;
    x.signature.forEach((v, j) => put(j, v, i));
    for (const h of x.sentences) put(SIGNATURE_SIZE, h, i);
  });
  const seen = new Int32Array(f.length).fill(-1);
  return f.map((x, i) => {
    const out: number[] = [];
    if (x.shingles.length === 0) return out;
    const visit = (list: readonly number[] | undefined): void => {
      for (const k of list ?? []) {
        if (k <= i || seen[k] === i) continue;
        seen[k] = i;
        out.push(k);
      }
    };
    x.signature.forEach((v, j) => visit(buckets[j]?.get(v)));
    for (const h of x.sentences) visit(buckets[SIGNATURE_SIZE]?.get(h));
    return out.sort((a, b) => a - b);
  });
}

export function textLinks(f: readonly ItemFeatures[], o: GroupingOptions): Link[] {
  const links: Link[] = [];
  candidates(f).forEach((others, i) => {
    const x = f[i];
    for (const j of others) {
      const y = f[j];
      if (!x || !y) continue;
      const shared = sharedCount(x.shingles, y.shingles);
      const smaller = Math.min(x.shingles.length, y.shingles.length);
      const containment = shared / smaller;
      const enough =
        shared >= o.minSharedShingles || (shared === smaller && smaller >= MIN_WHOLE_SHINGLES);
      if (containment < o.minContainment || !enough) continue;
      const jaccard = shared / (x.shingles.length + y.shingles.length - shared);
      links.push({ a: i, b: j, basis: 'text', similarity: containment, jaccard });
    }
  });
  return links;
}

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

/** Positive when link p (with `pw` wire ends) should stand for the pair rather than q. */
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
