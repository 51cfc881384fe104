import { describe, expect, it } from 'vitest';
import { hasArticleBody } from '../../../src/extract/index.js';
import { extractFixture } from './fixture.js';

describe('access', () => {
  it('flags JSON-LD isAccessibleForFree "False" with a hasPart cssSelector as paywalled', () => {
    const a = extractFixture('paywalled-jsonld.html');
    expect(a.access).toBe('paywalled');
    expect(a.title).toBe("Charleroi : les coulisses du rachat de l'ancienne verrerie");
    expect(a.authors).toEqual(['Claire Dubois']);
    // The visible teaser is kept; the subscription prompt is not body text.
    expect(a.body).toContain('ancienne verrerie');
    expect(a.body).not.toMatch(/abonnés|Abonnez-vous/);
  });

  it('flags a subscriber teaser marked only in the page as paywalled', () => {
    const a = extractFixture('paywalled-teaser.html');
    expect(a.access).toBe('paywalled');
    expect(a.language).toBe('nl');
    expect(a.body).toContain('leveringen van chips');
    expect(a.body).not.toMatch(/abonnee|Premium/);
    expect(hasArticleBody(a)).toBe(false);
  });

  it('flags a DPG-style privacy gate as gated, with no body', () => {
    for (const url of [
      'https://myprivacy.dpgmedia.be/consent?siteKey=abc&callbackUrl=https%3A%2F%2Fwww.krant.test%2Fa',
      'https://www.krant.test/nieuws/binnenland/123',
    ]) {
      const a = extractFixture('consent-gate.html', url);
      expect(a.access).toBe('gated');
      expect(a.body).toBeNull();
      expect(hasArticleBody(a)).toBe(false);
    }
  });

  it('leaves an article with a cookie banner free', () => {
    const a = extractFixture('boilerplate.html');
    expect(a.access).toBe('free');
    expect(hasArticleBody(a)).toBe(true);
  });
});
