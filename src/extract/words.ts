// Word-level comparisons of texts: lower-cased letter/digit tokens, as sets. Used to check that
// the chosen body covers the JSON-LD articleBody.
const WORD = /[\p{L}\p{N}]+/gu;

export function words(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
}

export function wordSet(text: string): Set<string> {
  return new Set(words(text));
}

/** Share of the words of `expected` that `actual` contains. */
export function coverage(expected: ReadonlySet<string>, actual: ReadonlySet<string>): number {
  if (expected.size === 0) return 1;
  let hit = 0;
  for (const w of expected) if (actual.has(w)) hit++;
  return hit / expected.size;
}
