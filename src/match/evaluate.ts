// One evaluation of a plan against one document index. test() answers whether a node matches
// (AND and OR short-circuit, results memoised per node id); collect() then gathers the hits of
// the branches that matched: NOT contributes none, OR only its matching children, NEAR only the
// occurrences that were near each other.
import type { DocumentIndex, FieldIndex } from './document-index.js';
import { MAX_NEAR_SPANS } from './limits.js';
import { FIELD_ORDER, type CompiledPlan, type Plan, type SeqItem } from './plan.js';
import type { WildcardPattern } from './wildcard.js';

/** One matched occurrence: field number, [start, end) in the field text, query label. */
export interface Hit {
  f: number;
  start: number;
  end: number;
  label: string;
}

/** A matched stretch of one field: positions s..e (inclusive) and the hits that make it. */
interface Span {
  f: number;
  s: number;
  e: number;
  hits: Hit[];
}

const FIELD_COUNT = FIELD_ORDER.length;
const NO_SPANS: readonly Span[] = [];

export class Evaluation {
  private readonly state: Int8Array; // 0 unknown, 1 match, 2 no match
  private readonly spanCache: Array<readonly Span[] | undefined>;

  constructor(
    plan: CompiledPlan,
    private readonly doc: DocumentIndex,
  ) {
    this.state = new Int8Array(plan.size);
    this.spanCache = new Array<readonly Span[] | undefined>(plan.size);
  }

  test(p: Plan): boolean {
    const known = this.state[p.id];
    if (known !== 0) return known === 1;
    let ok: boolean;
    switch (p.k) {
      case 'and':
        ok = p.children.every((c) => this.test(c));
        break;
      case 'or':
        ok = p.children.some((c) => this.test(c));
        break;
      case 'not':
        ok = !this.test(p.child);
        break;
      case 'tok':
        ok = this.tokMatches(p.fields, p.item);
        break;
      case 'wild':
        ok = p.cased === null ? this.wildMatches(p.fields, p.pattern) : this.spans(p).length > 0;
        break;
      case 'seq':
        // Most documents lack some word of a phrase: check that before walking positions.
        ok = this.allWordsPresent(p.fields, p.items) && this.spans(p).length > 0;
        break;
      default:
        ok = this.spans(p).length > 0;
    }
    this.state[p.id] = ok ? 1 : 2;
    return ok;
  }

  /** Hits of the matching branches under p (p itself must have matched). */
  collect(p: Plan, out: Hit[]): void {
    switch (p.k) {
      case 'and':
        for (const c of p.children) this.collect(c, out);
        return;
      case 'or':
        for (const c of p.children) if (this.test(c)) this.collect(c, out);
        return;
      case 'not':
        return;
      default:
        for (const span of this.spans(p)) for (const h of span.hits) out.push(h);
    }
  }

  /** Fast path for a single word: any occurrence in the node's fields. */
  private tokMatches(fields: number, item: SeqItem): boolean {
    for (let f = 0; f < FIELD_COUNT; f++) {
      if ((fields & (1 << f)) === 0) continue;
      const idx = this.doc.field(f);
      const list = idx.lookup(item.norm);
      if (item.cased === null ? list.length > 0 : list.some((i) => idx.casedAt(i) === item.cased)) {
        return true;
      }
    }
    return false;
  }

  private wildMatches(fields: number, pattern: WildcardPattern): boolean {
    for (let f = 0; f < FIELD_COUNT; f++) {
      if ((fields & (1 << f)) !== 0 && this.doc.field(f).expand(pattern).length > 0) return true;
    }
    return false;
  }

  /** Some field of the mask holds every word of the phrase (in any order). */
  private allWordsPresent(fields: number, items: readonly SeqItem[]): boolean {
    for (let f = 0; f < FIELD_COUNT; f++) {
      if ((fields & (1 << f)) === 0) continue;
      const idx = this.doc.field(f);
      if (items.every((item) => idx.lookup(item.norm).length > 0)) return true;
    }
    return false;
  }

  /** Spans of a span-capable node, sorted by field then start position. */
  private spans(p: Plan): readonly Span[] {
    const cached = this.spanCache[p.id];
    if (cached) return cached;
    let out: readonly Span[];
    switch (p.k) {
      case 'tok':
      case 'wild':
      case 'seq':
        out = this.leafSpans(p);
        break;
      case 'or':
        out = sortSpans(p.children.flatMap((c) => [...this.spans(c)]));
        break;
      case 'near':
        out = nearSpans(this.spans(p.left), this.spans(p.right), p.distance, p.ordered);
        break;
      default:
        out = NO_SPANS; // AND and NOT are refused as NEAR operands by the parser
    }
    this.spanCache[p.id] = out;
    return out;
  }

  private leafSpans(p: Plan & { k: 'tok' | 'wild' | 'seq' }): Span[] {
    const out: Span[] = [];
    for (let f = 0; f < FIELD_COUNT; f++) {
      if ((p.fields & (1 << f)) === 0) continue;
      const idx = this.doc.field(f);
      const t = idx.tokens;
      const single = (i: number): void => {
        const hit = { f, start: t.start[i] ?? 0, end: t.end[i] ?? 0, label: p.label };
        const s = t.pos[i] ?? 0;
        out.push({ f, s, e: s + (t.span[i] ?? 1) - 1, hits: [hit] });
      };
      if (p.k === 'tok') {
        for (const i of idx.lookup(p.item.norm)) {
          if (p.item.cased === null || idx.casedAt(i) === p.item.cased) single(i);
        }
      } else if (p.k === 'wild') {
        for (const i of idx.expand(p.pattern)) {
          if (p.cased === null || wildCased(idx.casedAt(i), p.cased.prefix, p.cased.regex)) {
            single(i);
          }
        }
      } else {
        phraseSpans(idx, f, p.items, p.label, out);
      }
    }
    return out;
  }
}

function wildCased(form: string, prefix: string, regex: RegExp | null): boolean {
  return regex === null ? form.startsWith(prefix) : regex.test(form);
}

function itemMatches(idx: FieldIndex, i: number, item: SeqItem): boolean {
  return idx.tokens.norm[i] === item.norm && (item.cased === null || idx.casedAt(i) === item.cased);
}

/** Occurrences of items at consecutive positions. At a compound both its parts and its joined
 * form may continue the phrase, so this walks every path (an explicit stack, no recursion). */
function phraseSpans(idx: FieldIndex, f: number, items: SeqItem[], label: string, out: Span[]) {
  const first = items[0];
  if (!first) return;
  const t = idx.tokens;
  const n = t.norm.length;
  for (const i0 of idx.lookup(first.norm)) {
    if (!itemMatches(idx, i0, first)) continue;
    const stack: Array<[number, number]> = [[i0, 1]];
    while (stack.length > 0) {
      const [i, k] = stack.pop() ?? [0, 0];
      const end = (t.pos[i] ?? 0) + (t.span[i] ?? 1);
      const item = items[k];
      if (!item) {
        const s = t.pos[i0] ?? 0;
        const hit = { f, start: t.start[i0] ?? 0, end: t.end[i] ?? 0, label };
        out.push({ f, s, e: end - 1, hits: [hit] });
        continue;
      }
      let j = i + 1;
      while (j < n && (t.pos[j] ?? 0) < end) j++;
      for (; j < n && t.pos[j] === end; j++) if (itemMatches(idx, j, item)) stack.push([j, k + 1]);
    }
  }
  sortSpansInPlace(out);
}

/** Pairs of a left and a right span of one field with at most `distance` positions between
 * them (left first when ordered), as spans covering both. Bounded by MAX_NEAR_SPANS. */
function nearSpans(
  left: readonly Span[],
  right: readonly Span[],
  distance: number,
  ordered: boolean,
): Span[] {
  const out: Span[] = [];
  pairs(left, right, distance, out, (a, b) => ({
    f: a.f,
    s: a.s,
    e: b.e,
    hits: [...a.hits, ...b.hits],
  }));
  if (!ordered) {
    pairs(right, left, distance, out, (b, a) => ({
      f: a.f,
      s: b.s,
      e: a.e,
      hits: [...a.hits, ...b.hits],
    }));
  }
  const sorted = sortSpans(out);
  return sorted.filter((sp, i) => {
    const prev = sorted[i - 1];
    return !prev || prev.f !== sp.f || prev.s !== sp.s || prev.e !== sp.e;
  });
}

/** For each `a` in first, every `b` in second of the same field starting within distance
 * after a's end. `second` is sorted by field then start, so each lookup is a binary search. */
function pairs(
  first: readonly Span[],
  second: readonly Span[],
  distance: number,
  out: Span[],
  join: (a: Span, b: Span) => Span,
): void {
  for (const a of first) {
    const from = a.e + 1;
    let lo = 0;
    let hi = second.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const m = second[mid] as Span;
      if (m.f < a.f || (m.f === a.f && m.s < from)) lo = mid + 1;
      else hi = mid;
    }
    for (let j = lo; j < second.length; j++) {
      const b = second[j] as Span;
      if (b.f !== a.f || b.s > from + distance) break;
      if (out.length >= MAX_NEAR_SPANS) return;
      out.push(join(a, b));
    }
  }
}

function compareSpans(a: Span, b: Span): number {
  return a.f - b.f || a.s - b.s || a.e - b.e;
}

function sortSpans(spans: Span[]): Span[] {
  return spans.sort(compareSpans);
}

function sortSpansInPlace(spans: Span[]): void {
  spans.sort(compareSpans);
}
