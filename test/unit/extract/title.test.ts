import { describe, expect, it } from 'vitest';
import { extractTitle } from '../../../src/extract/title.js';
import type { TitleSources } from '../../../src/extract/title.js';
import { extractFixture } from './fixture.js';

function title(document: string, over: Partial<TitleSources> = {}): string | null {
  return extractTitle({
    jsonLd: null,
    jsonLdName: null,
    og: null,
    twitter: null,
    document,
    h1: null,
    siteNames: [],
    section: null,
    url: 'https://www.lesoir.test/123/article',
    ...over,
  });
}

describe('title without the site name', () => {
  it('strips a host-name suffix (fixture)', () => {
    const a = extractFixture('title-suffix.html', 'https://www.gentpost.test/news/tram');
    expect(a.title).toBe("Ghent's tram line 4 to run every six minutes from March");
    expect(a.canonicalUrl).toBe(
      'https://www.gentpost.test/news/tram-line-4-frequency?utm_source=rss',
    );
  });

  it('strips the og:site_name from either end, and the section after it', () => {
    const sites = { siteNames: ['Le Courrier Test'], section: 'Belgique' };
    expect(title('Un titre assez long pour rester - Le Courrier Test', sites)).toBe(
      'Un titre assez long pour rester',
    );
    expect(title('Le Courrier Test | Un titre assez long pour rester', sites)).toBe(
      'Un titre assez long pour rester',
    );
    expect(title('Un titre assez long pour rester | Belgique | Le Courrier Test', sites)).toBe(
      'Un titre assez long pour rester',
    );
  });

  it('strips a host name written as a domain', () => {
    expect(title('Les bourgmestres se réunissent à Vilvorde | lesoir.test')).toBe(
      'Les bourgmestres se réunissent à Vilvorde',
    );
  });

  it('keeps dashes and colons that belong to the headline', () => {
    expect(title('Guerre en Ukraine : les négociations reprennent')).toBe(
      'Guerre en Ukraine : les négociations reprennent',
    );
    expect(title('Brexit - what comes next')).toBe('Brexit - what comes next');
    expect(title('Tram 4 - een nieuwe dienstregeling voor de hele stad')).toBe(
      'Tram 4 - een nieuwe dienstregeling voor de hele stad',
    );
  });

  it('prefers an <h1> that the document title starts with', () => {
    expect(
      title('Mechelen krijgt nieuwe fietsstraat - Nieuws uit de regio - Krant', {
        h1: 'Mechelen krijgt nieuwe fietsstraat',
      }),
    ).toBe('Mechelen krijgt nieuwe fietsstraat');
  });

  it('ignores a JSON-LD headline that shares nothing with the page title', () => {
    expect(
      title('List of bridges over the Scheldt - Wiki Test', {
        jsonLd: 'Wikimedia list article',
        jsonLdName: 'List of bridges over the Scheldt',
      }),
    ).toBe('List of bridges over the Scheldt');
  });
});
