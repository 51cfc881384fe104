import { describe, expect, it } from 'vitest';
import { extractFromHtml } from '../../../src/extract/index.js';
import { readJsonLd } from '../../../src/extract/json-ld.js';
import { extractFixture } from './fixture.js';

describe('JSON-LD variants', () => {
  it('reads an @graph whose article points at its authors and publisher by @id', () => {
    const a = extractFixture('jsonld-graph.html');
    expect(a.title).toBe('Namur inaugure sa passerelle cyclable au-dessus de la Meuse');
    expect(a.authors).toEqual(['Marie Lambotte', 'Thomas Vandenbroucke']);
    expect(a.published).toBe('2024-01-05T14:03:00+01:00');
    expect(a.modified).toBe('2024-01-05T16:20:00+01:00');
    expect(a.section).toBe('Régions');
    expect(a.siteName).toBe('Le Quotidien Test');
    expect(a.language).toBe('fr');
    expect(a.access).toBe('free');
    // Relative canonical and og:image are made absolute against the page URL.
    expect(a.canonicalUrl).toBe('https://news.test/regions/namur/2024/01/05/passerelle-meuse');
    expect(a.image).toBe('https://news.test/images/2024/01/passerelle.jpg');
    expect(a.body?.split('\n\n')).toHaveLength(4);
  });

  it('reads a top-level array, author objects with a "By" prefix and duplicates', () => {
    const a = extractFixture('jsonld-array.html');
    expect(a.title).toBe('Leuven library extends its opening hours during exam season');
    expect(a.authors).toEqual(['Sarah Janssens', 'Pieter Claes']);
    // UTC values are shown in Brussels time (same instant).
    expect(a.published).toBe('2024-01-05T14:03:00+01:00');
    expect(a.modified).toBe('2024-01-05T16:30:00+01:00');
    expect(a.image).toBe('https://brabant-daily.test/img/library.jpg');
    expect(a.canonicalUrl).toBe('https://brabant-daily.test/news/leuven-library-hours');
    expect(a.siteName).toBe('Brabant Daily Test');
    expect(a.language).toBe('en');
    expect(a.body).toContain('four hundred students');
  });

  it('finds the article nested in a WebPage and reads a local time with summer offset', () => {
    const a = extractFixture('jsonld-nested.html');
    expect(a.title).toBe('Gentse haven test nieuwe walstroom voor binnenschepen');
    expect(a.authors).toEqual(['Els Vermeulen']);
    expect(a.published).toBe('2024-07-12T09:30:00+02:00');
    expect(a.canonicalUrl).toBe('https://havenkrant.test/gent/walstroom');
    expect(a.siteName).toBe('Havenkrant Test');
    expect(a.language).toBe('nl');
  });

  it('tolerates HTML comments, raw newlines in strings and broken scripts', () => {
    const ld = readJsonLd([
      '<!--{"@type":"NewsArticle","headline":"Line one\nline two"}-->',
      '{ this is not json',
    ]);
    expect(ld.article?.['headline']).toBe('Line one line two');
    expect(ld.nodes).toHaveLength(1);
  });

  it('takes a live blog as the article, not one of its updates', () => {
    const update = (i: number): object => ({
      '@type': 'BlogPosting',
      headline: `Update ${i}`,
      articleBody: 'An update of the live blog, long enough to score for its body. '.repeat(30),
      datePublished: `2024-11-19T1${i}:00:00+01:00`,
    });
    const ld = readJsonLd([
      JSON.stringify({
        '@type': 'LiveBlogPosting',
        headline: 'Strike: follow our live blog',
        datePublished: '2024-11-19T06:00:00+01:00',
        liveBlogUpdate: [update(1), update(2)],
      }),
    ]);
    expect(ld.article?.['headline']).toBe('Strike: follow our live blog');
    expect(ld.nodes).toHaveLength(3);
  });

  it.each([
    ['bare CDATA', '\n  <![CDATA[\n  {"@type":"NewsArticle","headline":"H"}\n  ]]>\n'],
    ['commented CDATA', '/* <![CDATA[ */ {"@type":"NewsArticle","headline":"H"} /* ]]> */'],
    ['line-commented CDATA', '//<![CDATA[\n{"@type":"NewsArticle","headline":"H"}\n//]]>'],
    [
      'Drupal CDATA',
      '<!--//--><![CDATA[//><!--\n{"@type":"NewsArticle","headline":"H"}\n//--><!]]>',
    ],
  ])('reads JSON-LD wrapped in %s', (_name, text) => {
    expect(readJsonLd([text]).article?.['headline']).toBe('H');
  });

  it('reads the section from a BreadcrumbList when no meta names it', () => {
    const crumbs = {
      '@context': 'https://schema.org',
      '@type': 'BreadcrumbList',
      itemListElement: [
        { '@type': 'ListItem', position: 2, name: 'Belgique', item: 'https://x.test/belgique' },
        { '@type': 'ListItem', position: 1, name: 'Accueil', item: 'https://x.test/' },
        { '@type': 'ListItem', position: 3, name: 'Le titre de l’article' },
      ],
    };
    const html = `<html><head><script type="application/ld+json">${JSON.stringify(crumbs)}</script>
      </head><body><p>Texte.</p></body></html>`;
    expect(extractFromHtml(html, 'https://x.test/a').section).toBe('Belgique');
  });
});
