// The evaluation's comparisons (scripts/lib/eval-score.ts): a wrong comparison would report a
// wrong number for every extractor, so each rule has a case that must fail.
import { describe, expect, it } from 'vitest';
import {
  bag,
  bylineReference,
  htmlToText,
  matchTitle,
  sameAuthors,
  sameInstant,
  score,
  scoreBody,
} from '../../../scripts/lib/eval-score.js';

describe('evaluation scores', () => {
  it('scores token bags with counts', () => {
    const s = score(bag('a b b c'), bag('a b d d'));
    expect(s.p).toBeCloseTo(2 / 4);
    expect(s.r).toBeCloseTo(2 / 4);
    expect(score(bag(''), bag('a')).f1).toBe(0);
  });

  it('scores a page without an article: null is right, text is wrong', () => {
    expect(scoreBody(null, null).f1).toBe(1);
    expect(scoreBody('menu', null).f1).toBe(0);
    expect(scoreBody(null, 'some text').f1).toBe(0);
  });

  it('reads the text of HTML with blocks apart and entities decoded', () => {
    expect(htmlToText('<p>caf&eacute;</p><p>bar</p>')).toBe('café bar');
  });

  it('matches titles exactly or with a site suffix', () => {
    expect(matchTitle('Title', 'Title | Site')).toBe('lenient');
    expect(matchTitle('Title', 'Other')).toBe('no');
  });

  it('compares dates as instants, or as wall-clock fields when the reference has no offset', () => {
    expect(sameInstant('2024-03-14T10:12:00+01:00', '2024-03-14T09:12:00.500Z')).toBe(true);
    expect(sameInstant('2024-03-14T10:12:00+01:00', '2024-03-14T10:12:00Z')).toBe(false);
    expect(sameInstant('2018-04-05T06:00:00+02:00', '2018-04-05T06:00')).toBe(true);
    expect(sameInstant('2018-04-05T18:00:00+02:00', '2018-04-05T06:00')).toBe(false);
    expect(sameInstant('2020-09-21T00:00:00+02:00', '2020-09-21')).toBe(true);
    expect(sameInstant(null, '2020-09-21')).toBe(false);
  });

  it('compares authors as names in any order and byline form', () => {
    expect(sameAuthors(['Bo Li', 'Ann Smith'], ['By Ann Smith and Bo Li'])).toBe(true);
    expect(sameAuthors(['Ann Smith'], ['By Ann Smith and Bo Li'])).toBe(false);
    expect(sameAuthors([], [])).toBe(true);
    expect(bylineReference('By\n\t\tScott Cunningham')).toBe('By Scott Cunningham');
    expect(bylineReference('By Nathan Willis\n   March 25, 2015')).toBe('By Nathan Willis');
  });
});
