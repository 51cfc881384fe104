// The evaluation's text tokens (scripts/lib/eval-score.ts) on scripts without spaces between
// words: a Han or kana character is a token, so a Chinese or Japanese body is scored on its
// characters rather than as a few sentence-long "words". Korean, which spaces its words, and
// Latin, Cyrillic and Arabic text keep word tokens.
import { describe, expect, it } from 'vitest';
import { bag, score } from '../../../scripts/lib/eval-score.js';

describe('evaluation tokens', () => {
  it('splits Han and kana into characters, keeps spaced words whole', () => {
    expect([...bag('東京で会議 Hello world 서울에서 회의 Москва abc漢字').keys()]).toEqual([
      '東',
      '京',
      'で',
      '会',
      '議',
      'hello',
      'world',
      '서울에서',
      '회의',
      'москва',
      'abc',
      '漢',
      '字',
    ]);
  });

  it('scores a Japanese body with half its text as about half recall', () => {
    const whole = '市役所は新しい図書館の建設を発表した。工事は来年の春に始まる。';
    const half = '市役所は新しい図書館の建設を発表した。';
    const s = score(bag(half), bag(whole));
    expect(s.p).toBe(1);
    expect(s.r).toBeGreaterThan(0.45);
    expect(s.r).toBeLessThan(0.75);
  });
});
