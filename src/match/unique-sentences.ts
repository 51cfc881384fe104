// The lead is often also the body's first paragraph: keep each hit sentence once (the first,
// which is the one in the earlier field).
import type { HitSentence } from './types.js';

export function uniqueSentences(sentences: readonly HitSentence[]): HitSentence[] {
  const seen = new Set<string>();
  return sentences.filter((h) => {
    const key = h.text.replace(/\s+/g, ' ').trim();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
