// Text links: two articles carry the same wording (a pickup, a copy, a cut or lengthened
// version), whatever their language labels say. Linked when at least `minContainment` of the
// shorter article's shingles appear in the other and at least `minSharedShingles` of them do (a
// text shorter than that must be contained whole, and be MIN_WHOLE_SHINGLES shingles or more).
// Candidate pairs are those whose MinHash signatures agree at some position or that share a long
// sentence verbatim, found through buckets so that unrelated pairs cost nothing; the decision
// uses the exact shared count.
import type { ItemFeatures } from './group-features.js';
import type { GroupingOptions, Link } from './grouping-rules.js';
import { sharedCount, SIGNATURE_SIZE } from './shingles.js';

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
