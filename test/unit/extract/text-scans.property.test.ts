// The extractor's hand-written text scans (written so that they allocate no string or match per
// word) count exactly as their plain regular-expression definitions, on any mix of letters,
// accents, apostrophes, white space, punctuation, CJK and characters outside the BMP.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countHits, STOP_WORDS } from '../../../src/extract/language.js';
import { foldedLength } from '../../../src/extract/node-stats.js';
import type { Lang } from '../../../src/extract/types.js';
import { wordCount } from '../../../src/extract/words.js';

const piece = fc.constantFrom(
  'le',
  'LE',
  'Het',
  'the',
  'THE',
  'für',
  'ÜBER',
  'été',
  'ÉTÉ',
  'où',
  "l'",
  "'",
  'İle',
  'Liège',
  'a',
  ' ',
  '  ',
  '\t',
  '\n',
  '\u00a0',
  '\u200b',
  '\u2009',
  '\u3000',
  '\ufeff',
  ',',
  '«',
  '’',
  '-',
  '1',
  '日本語',
  '한국어',
  '𝐀𝐁',
  '😀',
  '\ud800',
  'ǅ',
  'de',
  'Van',
  'and',
  'DER',
);
const text = fc.array(piece, { maxLength: 24 }).map((p) => p.join(''));

describe('countHits (stop words, language detection)', () => {
  const plain = (s: string, allowed: readonly Lang[], max: number) => {
    const words: Record<string, Lang[]> = {};
    for (const [lang, list] of Object.entries(STOP_WORDS) as Array<[Lang, string]>)
      for (const w of list.split(' ')) (words[w] ??= []).push(lang);
    const counts: Record<Lang, number> = { fr: 0, nl: 0, en: 0, de: 0 };
    let n = 0;
    for (const m of s.matchAll(/[\p{L}']+/gu)) {
      if (++n > max) break;
      for (const l of words[m[0].toLowerCase()] ?? []) if (allowed.includes(l)) counts[l]++;
    }
    return counts;
  };

  it("counts like matchAll(/[\\p{L}']+/gu) with lower-cased tokens", () => {
    fc.assert(
      fc.property(text, fc.subarray<Lang>(['fr', 'nl', 'en', 'de']), (s, allowed) => {
        expect(countHits(s, allowed)).toEqual(plain(s, allowed, 3000));
      }),
      { numRuns: 5000 },
    );
  });

  it('stops after 3,000 tokens', () => {
    const s = 'x '.repeat(2999) + 'le le le';
    expect(countHits(s, ['fr']).fr).toBe(1);
  });
});

describe('foldedLength (content stats)', () => {
  const plain = (s: string): number => {
    const folded = s.replace(/[\s\u00a0\u200b]+/g, ' ');
    return folded === ' ' ? 0 : folded.length;
  };
  it('is the length of the text with white-space runs folded to one space', () => {
    fc.assert(
      fc.property(text, (s) => {
        expect(foldedLength(s)).toBe(plain(s));
      }),
      { numRuns: 5000 },
    );
    expect(foldedLength('')).toBe(0);
    expect(foldedLength(' \n\u00a0')).toBe(0);
    expect(foldedLength(' a  b ')).toBe(5);
  });
});

describe('wordCount', () => {
  it('counts up to its bound, and exactly below it', () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 12 }), (s, atMost) => {
        const all = wordCount(s);
        const bounded = wordCount(s, atMost);
        if (all < atMost) expect(bounded).toBe(all);
        else expect(bounded).toBeGreaterThanOrEqual(atMost);
      }),
      { numRuns: 3000 },
    );
    expect(wordCount('Un pont  neuf\tà Liège')).toBe(5);
  });
});
