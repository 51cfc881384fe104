// What the grouping compares, computed once per article: shingles and their MinHash signature
// (same-language copies), hashes of long sentences (copies that share whole sentences), the
// language-independent evidence (translations), the wire tie and the publication time.
import { splitSentences, type SentenceRange } from '../match/index.js';
import { evidenceOf, type Evidence } from './evidence.js';
import { hashString, minHash, shinglesOf } from './shingles.js';
import { foldText } from '../text/fold.js';
import { foldedWords, stripDateline } from './text-fold.js';

/** One article of an event's coverage, as the grouping sees it. */
export interface CoverageItem {
  id: number;
  outletId: string;
  url: string;
  language: string | null;
  title: string | null;
  body: string | null;
  /** ISO 8601 with offset. */
  published: string | null;
  /** Wire agency credited by the text, e.g. "Belga" or "Belga, AFP". */
  wireCredit: string | null;
  /** The outlet is a wire agency (e.g. belga): its articles are dispatches. */
  isWire: boolean;
}

export interface ItemFeatures {
  item: CoverageItem;
  /** Position in the canonical order (items sorted by id, then url). */
  pos: number;
  lang: string | null;
  /** Milliseconds since the epoch; NaN when undated. */
  time: number;
  shingles: Uint32Array;
  signature: Uint32Array;
  /** Hashes of the sentences of LONG_SENTENCE_WORDS words or more, unique. */
  sentences: readonly number[];
  evidence: Evidence;
  /** Credited or publishing agencies, folded; empty when the article has no wire tie. */
  agencies: ReadonlySet<string>;
}

/** A sentence this long shared verbatim is a copy, not a stock phrase. */
const LONG_SENTENCE_WORDS = 8;

/** Text compared: the body without wire datelines, else the headline. */
function comparedText(item: CoverageItem): string {
  const body = item.body?.trim();
  if (body) {
    return body
      .split(/\n\s*\n/u)
      .map((p) => stripDateline(p))
      .join('\n\n');
  }
  return item.title?.trim() ?? '';
}

function agenciesOf(item: CoverageItem): Set<string> {
  const out = new Set<string>();
  for (const part of (item.wireCredit ?? '').split(/[,/&]|\bet\b|\ben\b|\band\b/u)) {
    const f = foldText(part).trim();
    if (f) out.add(f);
  }
  if (item.isWire && out.size === 0) out.add(foldText(item.outletId));
  return out;
}

function sentenceHashes(text: string, sentences: readonly SentenceRange[]): number[] {
  const out = new Set<number>();
  for (const r of sentences) {
    const words = foldedWords(text.slice(r.start, r.end));
    if (words.length >= LONG_SENTENCE_WORDS) out.add(hashString(words.join(' ')));
  }
  return [...out];
}

/** Canonical order, so that the result never depends on the order the items came in. */
export function compareItems(a: CoverageItem, b: CoverageItem): number {
  if (a.id !== b.id) return a.id - b.id;
  if (a.url !== b.url) return a.url < b.url ? -1 : 1;
  if (a.outletId !== b.outletId) return a.outletId < b.outletId ? -1 : 1;
  const pa = a.published ?? '';
  const pb = b.published ?? '';
  if (pa !== pb) return pa < pb ? -1 : 1;
  const ta = `${a.title ?? ''}\u0000${a.body ?? ''}`;
  const tb = `${b.title ?? ''}\u0000${b.body ?? ''}`;
  return ta < tb ? -1 : ta > tb ? 1 : 0;
}

export function featuresOf(item: CoverageItem, pos: number): ItemFeatures {
  const text = comparedText(item);
  const words = foldedWords(text);
  const sentences = splitSentences(text);
  const shingles = shinglesOf(words);
  const time = item.published ? Date.parse(item.published) : Number.NaN;
  return {
    item,
    pos,
    lang: item.language?.trim().toLowerCase() || null,
    time,
    shingles,
    signature: minHash(shingles),
    sentences: sentenceHashes(text, sentences),
    evidence: evidenceOf(text, words, sentences),
    agencies: agenciesOf(item),
  };
}
