// Hits -> MatchResult. Score (0..1, 4 decimals): every distinct hit weighs by its field, title 3,
// lead 2, body 1 (url, outlet, lang and author filter, they weigh 0); the sum w saturates as
// score = 1 - 2^(-w/10). So ten body mentions, or a title, a lead and five body mentions, score
// 0.5; the score grows with evidence but does not depend on article length.
import type { DocumentIndex } from './document-index.js';
import type { Hit } from './evaluate.js';
import { hitSentences } from './mark.js';
import { FIELD_ORDER } from './plan.js';
import type { HitSentence, MatchResult, TermHit } from './types.js';

const WEIGHTS: Record<string, number> = { title: 3, lead: 2, body: 1 };
/** Fields whose hits get sentences (index into FIELD_ORDER). */
const SENTENCE_FIELDS = new Set([0, 1, 2]);

export function buildResult(idx: DocumentIndex, raw: Hit[]): MatchResult {
  const hits = dedupe(raw);
  let weight = 0;
  const termHits: TermHit[] = [];
  for (const h of hits) {
    const field = FIELD_ORDER[h.f] ?? 'body';
    weight += WEIGHTS[field] ?? 0;
    termHits.push({ field, term: h.label, start: h.start, end: h.end });
  }
  const sentences: HitSentence[] = [];
  let from = 0;
  while (from < hits.length) {
    const f = hits[from]?.f ?? 0;
    let to = from;
    while (to < hits.length && hits[to]?.f === f) to++;
    if (SENTENCE_FIELDS.has(f)) {
      const field = FIELD_ORDER[f] ?? 'body';
      const fi = idx.field(f);
      sentences.push(...hitSentences(field, fi.text, fi.sentences(), hits.slice(from, to)));
    }
    from = to;
  }
  return { score: scoreOf(weight), hits: termHits, sentences };
}

export function scoreOf(weight: number): number {
  return Math.round((1 - Math.pow(2, -weight / 10)) * 10_000) / 10_000;
}

/** Sorted by field, start, end, label; one hit per (field, start, end, label). */
function dedupe(hits: Hit[]): Hit[] {
  hits.sort(
    (a, b) =>
      a.f - b.f ||
      a.start - b.start ||
      a.end - b.end ||
      (a.label < b.label ? -1 : a.label > b.label ? 1 : 0),
  );
  return hits.filter((h, i) => {
    const p = hits[i - 1];
    return !p || p.f !== h.f || p.start !== h.start || p.end !== h.end || p.label !== h.label;
  });
}
