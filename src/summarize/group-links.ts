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
import { compareEvidence } from './evidence.js';
import type { ItemFeatures } from './group-features.js';
import { sharedCount, signatureAgreement } from './shingles.js';

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

export function textLinks(f: readonly ItemFeatures[], o: GroupingOptions): Link[] {
  const n = f.length;
  const bySentence = new Map<number, number[]>();
  f.forEach((x, i) => {
    for (const h of x.sentences) {
      const list = bySentence.get(h);
      if (list) list.push(i);
      else bySentence.set(h, [i]);
    }
  });
  const links: Link[] = [];
  const sharesSentence = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const x = f[i];
    if (!x || x.shingles.length === 0) continue;
    sharesSentence.fill(0);
    for (const h of x.sentences) for (const j of bySentence.get(h) ?? []) sharesSentence[j] = 1;
    for (let j = i + 1; j < n; j++) {
      const y = f[j];
      if (!y || y.shingles.length === 0) continue;
      if (sharesSentence[j] === 0 && signatureAgreement(x.signature, y.signature) === 0) continue;
      const shared = sharedCount(x.shingles, y.shingles);
      const smaller = Math.min(x.shingles.length, y.shingles.length);
      const containment = shared / smaller;
      const enough =
        shared >= o.minSharedShingles || (shared === smaller && smaller >= MIN_WHOLE_SHINGLES);
      if (containment < o.minContainment || !enough) continue;
      const jaccard = shared / (x.shingles.length + y.shingles.length - shared);
      links.push({ a: i, b: j, basis: 'text', similarity: containment, jaccard });
    }
  }
  return links;
}

function sameWire(x: ItemFeatures, y: ItemFeatures): boolean {
  for (const a of x.agencies) if (y.agencies.has(a)) return true;
  return false;
}

/** Better link first: higher similarity, then the earlier pair. */
function better(p: Link, q: Link | undefined): boolean {
  if (!q) return true;
  if (p.similarity !== q.similarity) return p.similarity > q.similarity;
  return p.a !== q.a ? p.a < q.a : p.b < q.b;
}

/** `clusterOf[i]` is the text cluster (root position) of item i. */
export function evidenceLinks(
  f: readonly ItemFeatures[],
  clusterOf: readonly number[],
  o: GroupingOptions,
): Link[] {
  const windowMs = o.windowHours * 3_600_000;
  const pairs = new Map<string, Link>();
  const wired = f.filter((x) => x.agencies.size > 0 && x.lang !== null && Number.isFinite(x.time));
  for (let i = 0; i < wired.length; i++) {
    for (let j = i + 1; j < wired.length; j++) {
      const x = wired[i];
      const y = wired[j];
      if (!x || !y || x.lang === y.lang || Math.abs(x.time - y.time) > windowMs) continue;
      const cx = clusterOf[x.pos] ?? x.pos;
      const cy = clusterOf[y.pos] ?? y.pos;
      if (cx === cy || !sameWire(x, y)) continue;
      const m = compareEvidence(x.evidence, y.evidence);
      if (
        m.sharedNames < o.minSharedNames ||
        m.sharedNumbers < o.minSharedNumbers ||
        m.sharedNames + m.sharedNumbers < o.minSharedEvidence ||
        m.score < o.minEvidenceScore
      ) {
        continue;
      }
      const link: Link = { a: x.pos, b: y.pos, basis: 'evidence', similarity: m.score, jaccard: m.score };
      const key = cx < cy ? `${cx}:${cy}:${x.lang}:${y.lang}` : `${cy}:${cx}:${y.lang}:${x.lang}`;
      if (better(link, pairs.get(key))) pairs.set(key, link);
    }
  }
  return mutualBest([...pairs.values()], f, clusterOf);
}

/** Keeps a cluster pair only when each is the other's best partner in the other's language. */
function mutualBest(
  links: readonly Link[],
  f: readonly ItemFeatures[],
  clusterOf: readonly number[],
): Link[] {
  const best = new Map<string, Link>();
  const side = (pos: number, other: number): string =>
    `${clusterOf[pos] ?? pos}:${f[other]?.lang ?? ''}`;
  for (const l of links) {
    for (const key of [side(l.a, l.b), side(l.b, l.a)]) {
      if (better(l, best.get(key))) best.set(key, l);
    }
  }
  return links.filter((l) => best.get(side(l.a, l.b)) === l && best.get(side(l.b, l.a)) === l);
}
