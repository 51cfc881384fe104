import { describe, expect, it } from 'vitest';
import { parseXmlSource } from '../../../src/discover/xml-sources.js';

describe('parseXmlSource', () => {
  it('reads a Google News sitemap with date, title and language', () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
 <url><loc>https://ex.be/123456/story</loc><news:news><news:publication><news:name>Ex</news:name><news:language>en</news:language></news:publication>
 <news:publication_date>2024-01-05T15:00:00+01:00</news:publication_date><news:title>A story</news:title></news:news></url>
</urlset>`;
    const r = parseXmlSource(xml, 'https://ex.be/news-sitemap.xml');
    expect(r).toEqual({
      kind: 'urlset',
      urls: [
        {
          url: 'https://ex.be/123456/story',
          published: '2024-01-05T14:00:00.000Z',
          title: 'A story',
          language: 'en',
        },
      ],
    });
  });

  it('keeps a plain sitemap lastmod as "modified", not as the publication date', () => {
    const r = parseXmlSource(
      '<urlset><url><loc>https://ex.be/a?x=1&amp;y=2</loc><lastmod>2024-01-20</lastmod></url></urlset>',
      'https://ex.be/sitemap.xml',
    );
    expect(r.kind === 'urlset' && r.urls[0]).toEqual({
      url: 'https://ex.be/a?x=1&y=2',
      modified: '2024-01-19T23:00:00.000Z', // a date alone is a Brussels day, as in articles
    });
  });

  it('reads a sitemap index with each child lastmod', () => {
    const r = parseXmlSource(
      `<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
        <sitemap><loc>https://a.be/1.xml</loc></sitemap>
        <sitemap><loc>/2.xml.gz</loc><lastmod>2024-01-05T10:00:00+01:00</lastmod></sitemap>
      </sitemapindex>`,
      'https://a.be/sitemap.xml',
    );
    expect(r).toEqual({
      kind: 'sitemapindex',
      sitemaps: ['https://a.be/1.xml', 'https://a.be/2.xml.gz'],
      children: [
        { url: 'https://a.be/1.xml' },
        { url: 'https://a.be/2.xml.gz', lastmod: '2024-01-05T09:00:00.000Z' },
      ],
    });
  });

  it('reads RSS 2.0 with the channel language, CDATA titles and a permalink guid', () => {
    const rss = parseXmlSource(
      `<?xml version="1.0"?><rss version="2.0"><channel><title>X</title><language>fr-BE</language>
      <item><title><![CDATA[Des bourgmestres & Vilvorde]]></title><link>https://a.be/x</link><pubDate>Fri, 05 Jan 2024 14:00:00 +0100</pubDate></item>
      <item><title>Only a guid</title><guid>https://a.be/y</guid></item>
      <item><title>An id guid</title><guid>tag-123</guid></item>
      <item><title>Not a permalink</title><guid isPermaLink="false">https://a.be/z</guid></item>
      </channel></rss>`,
      'https://a.be/rss',
    );
    expect(rss.kind === 'feed' && rss.urls).toEqual([
      {
        url: 'https://a.be/x',
        title: 'Des bourgmestres & Vilvorde',
        published: '2024-01-05T13:00:00.000Z',
        language: 'fr-be',
      },
      { url: 'https://a.be/y', title: 'Only a guid', language: 'fr-be' },
    ]);
  });

  it('reads RDF (RSS 1.0) items outside the channel with dc:date', () => {
    const rdf = parseXmlSource(
      `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
        <channel rdf:about="https://a.be/"><title>A</title><dc:language>nl</dc:language></channel>
        <item rdf:about="https://a.be/nieuws/1"><title>Burgemeesters</title><dc:date>2024-01-05T16:00:00+01:00</dc:date></item>
        <item rdf:about="https://a.be/nieuws/2"><title>Zonder link</title><link>https://a.be/nieuws/2b</link></item>
      </rdf:RDF>`,
      'https://a.be/rdf',
    );
    expect(rdf.kind === 'feed' && rdf.urls).toEqual([
      {
        url: 'https://a.be/nieuws/1',
        title: 'Burgemeesters',
        published: '2024-01-05T15:00:00.000Z',
        language: 'nl',
      },
      { url: 'https://a.be/nieuws/2b', title: 'Zonder link', language: 'nl' },
    ]);
  });

  it('reads Atom: the alternate link resolved, published vs updated, xml:lang', () => {
    const atom = parseXmlSource(
      `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="nl">
        <entry><title>A</title><link rel="self" href="https://a/self"/><link rel="alternate" href="/nieuws/y"/>
        <published>2024-01-05T10:00:00Z</published><updated>2024-01-06T10:00:00Z</updated></entry>
        <entry xml:lang="fr"><title>B</title><link href="https://a.be/z"/><updated>2024-01-07T10:00:00Z</updated></entry>
      </feed>`,
      'https://a.be/atom.xml',
    );
    expect(atom.kind === 'feed' && atom.urls).toEqual([
      {
        url: 'https://a.be/nieuws/y',
        title: 'A',
        published: '2024-01-05T10:00:00.000Z',
        modified: '2024-01-06T10:00:00.000Z',
        language: 'nl',
      },
      { url: 'https://a.be/z', title: 'B', modified: '2024-01-07T10:00:00.000Z', language: 'fr' },
    ]);
  });

  it('reports HTML where XML was expected, and unknown XML', () => {
    expect(() =>
      parseXmlSource('<!DOCTYPE html><html><body>home</body></html>', 'https://bt/feed'),
    ).toThrow(/MW_ERR_NOT_XML|answered an HTML page/);
    expect(() => parseXmlSource('\n  <html lang="en"><body>home</body></html>', 'x')).toThrow(
      /answered an HTML page/,
    );
    expect(() => parseXmlSource('<svg></svg>', 'x')).toThrow(/unknown XML root <svg>/);
    expect(() => parseXmlSource('plain text', 'x')).toThrow(/is not XML/);
  });

  it('reads feed dates as article dates are read: French or Dutch names, named zones, no zone', () => {
    const feed = parseXmlSource(
      `<rss version="2.0"><channel><language>fr-be</language>
      <item><link>https://a.be/1</link><pubDate>ven., 05 janv. 2024 10:15:00 +0100</pubDate></item>
      <item><link>https://a.be/2</link><pubDate>Fri, 05 Jan 2024 10:15:00 CET</pubDate></item>
      <item><link>https://a.be/3</link><pubDate>Fri, 05 Jul 2024 10:15:00 CEST</pubDate></item>
      <item><link>https://a.be/4</link><pubDate>Fri, 05 Jan 2024 10:15:00</pubDate></item>
      <item><link>https://a.be/5</link><pubDate>vr, 05 jan 2024 10:15:00 +0100</pubDate></item>
      <item><link>https://a.be/6</link><dc:date>2024-01-05T10:15:00</dc:date></item>
      <item><link>https://a.be/7</link><pubDate>Fri, 05 Jan 2024 04:15:00 EST</pubDate></item>
      <item><link>https://a.be/8</link><pubDate>mer., 07 févr. 2024 10:15:00 +0100</pubDate></item>
      <item><link>https://a.be/9</link><pubDate>do, 03 okt 2024 10:15:00 +0200</pubDate></item>
      </channel></rss>`,
      'https://a.be/rss',
    );
    expect(feed.kind === 'feed' && feed.urls.map((u) => u.published)).toEqual([
      '2024-01-05T09:15:00.000Z',
      '2024-01-05T09:15:00.000Z',
      '2024-07-05T08:15:00.000Z',
      '2024-01-05T09:15:00.000Z', // no zone: Brussels time, not UTC
      '2024-01-05T09:15:00.000Z',
      '2024-01-05T09:15:00.000Z',
      '2024-01-05T09:15:00.000Z',
      '2024-02-07T09:15:00.000Z',
      '2024-10-03T08:15:00.000Z',
    ]);
  });
});
