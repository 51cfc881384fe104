// Word-level comparisons of texts: lower-cased letter/digit tokens, as sets. Used to check that
// the chosen body covers the JSON-LD articleBody. And lengths of text measured fairly across
// scripts (measuredLength, wordCount): the no-article rules and hasArticleBody use them.
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

// Text length across scripts. Chinese and Japanese write no spaces between words and Korean
// writes short ones: a Han, kana or Hangul character carries what two or three Latin letters do
// (a news text translated from English into Korean has about 45% of its characters, into
// Japanese about 35%, into Chinese about 30%). Lengths that decide whether a text is an article
// count such characters for that much.
const HAN_KANA = /[\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/g;
const HANGUL = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]/g;
const WIDE = /[\u1100-\u11ff\u3040-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]/;
const HAN_KANA_WEIGHT = 3;
const HANGUL_WEIGHT = 2;

function countOf(text: string, re: RegExp): number {
  re.lastIndex = 0;
  let n = 0;
  while (re.exec(text) !== null) n++;
  return n;
}

/** Characters, a Han or kana character counting for 3 and a Hangul syllable for 2. */
export function measuredLength(text: string): number {
  if (!WIDE.test(text)) return text.length;
  return (
    text.length +
    (HAN_KANA_WEIGHT - 1) * countOf(text, HAN_KANA) +
    (HANGUL_WEIGHT - 1) * countOf(text, HANGUL)
  );
}

/**
 * Words: runs between spaces, and in Chinese, Japanese and Korean one word for every two
 * characters (Chinese words average under two characters; a Korean word of four syllables
 * is one or two English words).
 */
export function wordCount(text: string, atMost = Infinity): number {
  let n = 0;
  // Token by token (no array of every word): `atMost` stops the count once it is reached.
  const token = /\S+/g;
  for (let m = token.exec(text); m !== null && n < atMost; m = token.exec(text)) {
    if (!WIDE.test(m[0])) {
      n += 1;
      continue;
    }
    const wide = countOf(m[0], HAN_KANA) + countOf(m[0], HANGUL);
    n += Math.max(1, Math.round(wide / 2));
  }
  return n;
}
