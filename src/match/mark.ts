// Hit sentences: the sentences of title, lead and body that carry hits, with the hit ranges
// relative to the sentence (merged where they overlap), and markSentence to print them.
import type { Hit } from './evaluate.js';
import type { SentenceRange } from './sentences.js';
import type { HitSentence, MatchField } from './types.js';

/** Hits of one field (sorted by start) and its sentences -> its hit sentences. A hit that runs over a sentence
 * end (a phrase across ". ") joins the sentences it touches into one. */
export function hitSentences(
  field: MatchField,
  text: string,
  ranges: readonly SentenceRange[],
  hits: readonly Hit[],
): HitSentence[] {
  if (hits.length === 0) return [];
  const groups: Array<{ range: SentenceRange; hits: Hit[] }> = [];
  let r = 0;
  for (const hit of hits) {
    while (r < ranges.length && (ranges[r]?.end ?? 0) <= hit.start) r++;
    const first = ranges[r];
    let start = first ? Math.min(first.start, hit.start) : hit.start;
    let end = first ? Math.max(first.end, hit.end) : hit.end;
    let last = r;
    while (last + 1 < ranges.length && (ranges[last + 1]?.start ?? Infinity) < hit.end) {
      last++;
      end = Math.max(end, ranges[last]?.end ?? end);
    }
    const prev = groups[groups.length - 1];
    if (prev && start < prev.range.end) {
      start = prev.range.start;
      prev.range = { start, end: Math.max(end, prev.range.end) };
      prev.hits.push(hit);
    } else {
      groups.push({ range: { start, end }, hits: [hit] });
    }
  }
  return groups.map(({ range, hits: inGroup }) => ({
    field,
    text: text.slice(range.start, range.end),
    start: range.start,
    end: range.end,
    marks: mergeMarks(inGroup.map((h) => [h.start - range.start, h.end - range.start])),
  }));
}

function mergeMarks(marks: Array<[number, number]>): Array<[number, number]> {
  marks.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: Array<[number, number]> = [];
  for (const [a, b] of marks) {
    const last = out[out.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

/** The sentence text with each mark wrapped, e.g. "more than **160** Belgian **mayors**". */
export function markSentence(s: HitSentence, open = '**', close = open): string {
  let out = '';
  let at = 0;
  const marks = [...s.marks].sort((a, b) => a[0] - b[0]);
  for (const [a, b] of marks) {
    const from = Math.max(at, Math.min(a, s.text.length));
    const to = Math.max(from, Math.min(b, s.text.length));
    if (to === from) continue;
    out += s.text.slice(at, from) + open + s.text.slice(from, to) + close;
    at = to;
  }
  return out + s.text.slice(at);
}
