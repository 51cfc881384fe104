// Groups one event's articles into stories: a wire dispatch with its pickups, copies and
// versions in other languages; every other article on its own. Nothing is dropped: every item
// lands in exactly one group. The result does not depend on the order of the input. Pure.
// The rule and its thresholds: ./grouping-rules.ts and docs/summaries.md.
import {
  compareItems,
  featuresOf,
  type CoverageItem,
  type ItemFeatures,
} from './group-features.js';
import { MwError } from '../errors.js';
import { DisjointSets } from './disjoint-sets.js';
import { evidenceLinks } from './evidence-links.js';
import { DEFAULT_GROUPING, type GroupingOptions, type Link } from './grouping-rules.js';
import { textLinks } from './text-links.js';

export type { CoverageItem } from './group-features.js';
export { DEFAULT_GROUPING, type GroupingOptions } from './grouping-rules.js';

/**
 * original:    the wire agency's own article if the group has one, else the earliest.
 * duplicate:   the same outlet ran the same text again (another URL, an update).
 * translation: a version in another language than the original's, by the wire agency itself
 *              (or, in a group without any wire tie, by anyone).
 * pickup:      another outlet ran the text, in the original's language or in another one.
 */
export type StoryRelation = 'original' | 'duplicate' | 'translation' | 'pickup';

export interface StoryMember {
  id: number;
  relation: StoryRelation;
  /** Similarity to `via`, 0..1 (3 decimals): shared shingles, or cross-language evidence. */
  similarity: number;
  /** The member this one was matched to (null for the original). */
  via: number | null;
}

export interface StoryGroup {
  originalId: number;
  /** The original first, then by publication time. */
  members: StoryMember[];
}

export function groupCoverage(
  items: readonly CoverageItem[],
  options: Partial<GroupingOptions> = {},
): StoryGroup[] {
  const o: GroupingOptions = { ...DEFAULT_GROUPING, ...options };
  const f = [...items].sort(compareItems).map(featuresOf);
  const sets = new DisjointSets(f.length);
  const text = textLinks(f, o);
  for (const l of text) sets.union(l.a, l.b);
  const clusterOf = f.map((_, i) => sets.find(i));
  const evidence = evidenceLinks(f, clusterOf, o);
  for (const l of evidence) sets.union(l.a, l.b);

  const adjacency: Link[][] = f.map(() => []);
  for (const l of [...text, ...evidence]) {
    adjacency[l.a]?.push(l);
    adjacency[l.b]?.push(l);
  }
  const components = new Map<number, number[]>();
  for (let i = 0; i < f.length; i++) {
    const root = sets.find(i);
    const list = components.get(root);
    if (list) list.push(i);
    else components.set(root, [i]);
  }
  const groups = [...components.values()].map((members) => buildGroup(members, f, adjacency));
  return groups.sort((a, b) => byTime(a.original, b.original)).map(({ group }) => group);
}

/** Earlier first; undated last; then canonical order. */
function byTime(a: ItemFeatures, b: ItemFeatures): number {
  const ta = Number.isFinite(a.time) ? a.time : Infinity;
  const tb = Number.isFinite(b.time) ? b.time : Infinity;
  return ta !== tb ? ta - tb : a.pos - b.pos;
}

function buildGroup(
  positions: readonly number[],
  f: readonly ItemFeatures[],
  adjacency: readonly Link[][],
): { original: ItemFeatures; group: StoryGroup } {
  const members = positions.map((p) => f[p]).filter((x): x is ItemFeatures => x !== undefined);
  const wire = members.filter((m) => m.item.isWire);
  const original = [...(wire.length > 0 ? wire : members)].sort(byTime)[0];
  if (!original) throw new MwError('MW_ERR_EMPTY_GROUP', 'a story group without members');
  const hasWire = members.some((m) => m.agencies.size > 0);
  const parents = spanningTree(original.pos, positions.length, adjacency);
  const out: StoryMember[] = [
    { id: original.item.id, relation: 'original', similarity: 1, via: null },
  ];
  for (const m of [...members].sort(byTime)) {
    if (m === original) continue;
    const link = parents.get(m.pos);
    const parent = link ? f[link.a === m.pos ? link.b : link.a] : undefined;
    if (!link || !parent)
      throw new MwError('MW_ERR_UNLINKED_MEMBER', 'a group member without a link');
    out.push({
      id: m.item.id,
      relation: relationOf(m, parent, original, hasWire),
      similarity: Math.round(link.similarity * 1000) / 1000,
      via: parent.item.id,
    });
  }
  return { original, group: { originalId: original.item.id, members: out } };
}

function relationOf(
  m: ItemFeatures,
  parent: ItemFeatures,
  original: ItemFeatures,
  groupHasWire: boolean,
): StoryRelation {
  if (m.item.outletId === parent.item.outletId && m.lang === parent.lang) return 'duplicate';
  const otherLanguage = m.lang !== null && original.lang !== null && m.lang !== original.lang;
  if (otherLanguage && (m.item.isWire || !groupHasWire)) return 'translation';
  return 'pickup';
}

/** Negative when link p (from pParent) is the better tree link: text before evidence, then the
 * more similar, then the more alike, then the earlier parent. */
function treeOrder(p: Link, pParent: number, q: Link, qParent: number): number {
  if (p.basis !== q.basis) return p.basis === 'text' ? -1 : 1;
  if (p.similarity !== q.similarity) return q.similarity - p.similarity;
  if (p.jaccard !== q.jaccard) return q.jaccard - p.jaccard;
  return pParent - qParent;
}

/**
 * Maximum spanning tree of a group from its original (Prim): each member hangs from the member
 * it is most like, so a pickup of the English version hangs from the English version.
 * Returns member -> the link to its parent.
 */
function spanningTree(root: number, size: number, adjacency: readonly Link[][]): Map<number, Link> {
  const inTree = new Set<number>([root]);
  const parents = new Map<number, Link>();
  const best = new Map<number, { link: Link; parent: number }>();
  let added = root;
  while (inTree.size < size) {
    for (const link of adjacency[added] ?? []) {
      const v = link.a === added ? link.b : link.a;
      if (inTree.has(v)) continue;
      const cur = best.get(v);
      if (!cur || treeOrder(link, added, cur.link, cur.parent) < 0) {
        best.set(v, { link, parent: added });
      }
    }
    let next: { v: number; link: Link; parent: number } | null = null;
    for (const [v, c] of best) {
      const order = next ? treeOrder(c.link, c.parent, next.link, next.parent) : -1;
      if (!next || order < 0 || (order === 0 && v < next.v)) next = { v, ...c };
    }
    if (!next) break;
    parents.set(next.v, next.link);
    best.delete(next.v);
    inTree.add(next.v);
    added = next.v;
  }
  return parents;
}
