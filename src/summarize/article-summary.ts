// A short extractive summary of one mention, in the article's own words and language: the lead's
// first sentence, then the hit sentences that carry the event (most distinct matched terms
// first), at most MAX_SENTENCES in all, in reading order, within `maxChars`. Repeats, page
// furniture ("Lire aussi", breadcrumbs, credits) and wire datelines are left out. Pure.
import { splitSentences } from '../match/index.js';
import type { HitSentence } from '../match/types.js';
import { isNavigationLike, isRepeat, wordSet } from './fragments.js';
import { foldText } from '../text/fold.js';
import { squash, stripDateline } from './text-fold.js';

export const MAX_SENTENCES = 3;

interface Candidate {
  text: string;
  /** Reading order: lead before body, then offset. */
  order: number;
  /** Distinct matched terms. */
  weight: number;
}

const clean = (text: string): string => squash(stripDateline(squash(text)));

/** First sentence of the lead, else of the first paragraph that reads as prose. */
function leadSentence(article: { lead: string | null; body: string | null }): string | null {
  const sources = [article.lead ?? '', ...(article.body?.split(/\n\s*\n/u) ?? [])];
  for (const source of sources) {
    const text = clean(source);
    if (!text || isNavigationLike(text)) continue;
    for (const r of splitSentences(text)) {
      const s = text.slice(r.start, r.end);
      if (!isNavigationLike(s)) return s;
    }
  }
  return null;
}

function hitCandidates(sentences: readonly HitSentence[]): Candidate[] {
  const out: Candidate[] = [];
  for (const s of sentences) {
    if (s.field !== 'lead' && s.field !== 'body') continue;
    const text = clean(s.text);
    if (isNavigationLike(text)) continue;
    const terms = new Set(s.marks.map(([a, b]) => foldText(s.text.slice(a, b))));
    out.push({
      text,
      order: (s.field === 'lead' ? 0 : 1e9) + s.start,
      weight: terms.size,
    });
  }
  return out;
}

export function summarizeMention(
  article: { title: string | null; lead: string | null; body: string | null },
  sentences: readonly HitSentence[],
  maxChars = 420,
): string {
  const chosen: Candidate[] = [];
  const seen: Array<Set<string>> = [];
  const fresh = (text: string): boolean => {
    const words = wordSet(text);
    if (seen.some((w) => isRepeat(w, words))) return false;
    seen.push(words);
    return true;
  };
  const lead = leadSentence(article);
  if (lead !== null && fresh(lead)) chosen.push({ text: lead, order: -1, weight: Infinity });
  // Stable sort: equal weights keep the matcher's (reading) order.
  const ranked = hitCandidates(sentences).sort((a, b) => b.weight - a.weight);
  for (const c of ranked) {
    if (chosen.length >= MAX_SENTENCES) break;
    if (fresh(c.text)) chosen.push(c);
  }
  if (chosen.length === 0 && article.title)
    chosen.push({ text: squash(article.title), order: 0, weight: 0 });
  return fit(
    chosen.sort((a, b) => a.order - b.order).map((c) => c.text),
    maxChars,
  );
}

/** Joins the sentences that fit in `maxChars`, in order; a first sentence too long is cut at a
 * word. */
function fit(texts: readonly string[], maxChars: number): string {
  const parts: string[] = [];
  let length = 0;
  for (const t of texts) {
    const added = parts.length === 0 ? t.length : t.length + 1;
    if (length + added > maxChars) {
      if (parts.length > 0) continue; // a shorter sentence further on may still fit
      parts.push(`${t.slice(0, maxChars - 1).replace(/\s+\S*$/u, '')}…`);
      break;
    }
    parts.push(t);
    length += added;
  }
  return parts.join(' ');
}
