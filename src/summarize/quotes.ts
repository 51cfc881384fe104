// Quotations in an article and who said them. Quotation marks of the three languages are all
// recognised whatever the language (outlets mix them): « … » (French, spaces inside allowed),
// “ … ” (English, French), „ … " / „ … ” / „ … “ (Dutch), and straight " … ", each closed on its
// own line. A quotation of fewer than MIN_QUOTE_WORDS words is a term or a title in quotation
// marks ("ten-point plan"), not a statement, and is left out. The language picks the speaker
// patterns (./speakers.ts); null or another language tries all three. Pure.
import { speakerAfter, speakerBefore } from './speakers.js';
import { squash } from './text-fold.js';

export interface Quote {
  /** The quoted words, white space folded, without the quotation marks. */
  text: string;
  /** The person or organisation the sentence attributes it to; null when it names none. */
  speaker: string | null;
  /** Offsets of the quotation, marks included, in the text given. */
  start: number;
  end: number;
}

export const MIN_QUOTE_WORDS = 4;

/** Opening mark -> the marks that close it. */
const CLOSERS: Readonly<Record<string, string>> = {
  '«': '»',
  '“': '”',
  '„': '“”"',
  '"': '"',
};

interface Span {
  start: number;
  end: number;
  inner: string;
}

/** Quotation spans, left to right, each closed on its own line; unclosed marks are skipped. */
function spans(text: string): Span[] {
  const out: Span[] = [];
  let i = 0;
  while (i < text.length) {
    const closers = CLOSERS[text.charAt(i)];
    if (closers === undefined) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < text.length && text.charAt(j) !== '\n' && !closers.includes(text.charAt(j))) j++;
    if (j >= text.length || text.charAt(j) === '\n') {
      i++;
      continue;
    }
    out.push({ start: i, end: j + 1, inner: text.slice(i + 1, j) });
    i = j + 1;
  }
  return out;
}

/** The sentence before `at` (from the previous sentence end or line start). */
function sentenceBefore(text: string, at: number): string {
  const head = text.slice(Math.max(0, at - 200), at);
  const cut = Math.max(
    head.lastIndexOf('\n'),
    ...[...head.matchAll(/[.!?]\s/gu)].map((m) => m.index + 1),
  );
  return head.slice(cut + 1);
}

/** The rest of the sentence after `at` (to the next line break). */
function sentenceAfter(text: string, at: number): string {
  const tail = text.slice(at, at + 200);
  const nl = tail.indexOf('\n');
  return nl >= 0 ? tail.slice(0, nl) : tail;
}

export function extractQuotes(text: string, lang: string | null): Quote[] {
  const out: Quote[] = [];
  for (const s of spans(text)) {
    const words = squash(s.inner).replace(/[\s,;:]+$/u, '');
    if (words.split(' ').filter((w) => /[\p{L}\p{N}]/u.test(w)).length < MIN_QUOTE_WORDS) continue;
    const speaker =
      speakerAfter(sentenceAfter(text, s.end), lang) ??
      speakerBefore(sentenceBefore(text, s.start), lang);
    out.push({ text: words, speaker, start: s.start, end: s.end });
  }
  return out;
}
