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

  it('reads a sitemap index, RSS and Atom', () => {
    expect(
      parseXmlSource(
        '<sitemapindex><sitemap><loc>https://a/1.xml</loc></sitemap></sitemapindex>',
        'x',
      ),
    ).toEqual({ kind: 'sitemapindex', sitemaps: ['https://a/1.xml'] });
    const rss = parseXmlSource(
      '<rss><channel><item><title>T</title><link>https://a/x</link><pubDate>Fri, 05 Jan 2024 14:00:00 +0100</pubDate></item></channel></rss>',
      'x',
    );
    expect(rss.kind === 'feed' && rss.urls[0]).toEqual({
      url: 'https://a/x',
      title: 'T',
      published: '2024-01-05T13:00:00.000Z',
    });
    const atom = parseXmlSource(
      '<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>A</title><link rel="alternate" href="https://a/y"/><updated>2024-01-05T10:00:00Z</updated></entry></feed>',
      'x',
    );
    expect(atom.kind === 'feed' && atom.urls[0]?.url).toBe('https://a/y');
  });

  it('reports HTML where XML was expected', () => {
    expect(() =>
      parseXmlSource('<!DOCTYPE html><html><body>home</body></html>', 'https://bt/feed'),
    ).toThrow(/answered an HTML page/);
  });
});
