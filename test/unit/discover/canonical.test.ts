import { describe, expect, it } from 'vitest';
import { canonicalUrl, urlKey } from '../../../src/url/canonical.js';
import { urlTrap } from '../../../src/url/traps.js';

describe('canonicalUrl', () => {
  it('normalises scheme, host, default port, fragment and tracking parameters', () => {
    expect(canonicalUrl('HTTPS://WWW.Example.BE:443/a/b?utm_source=x&id=3&fbclid=y#top')).toBe(
      'https://www.example.be/a/b?id=3',
    );
    expect(canonicalUrl('http://example.be:80/?gclid=1')).toBe('http://example.be/');
    expect(canonicalUrl('https://user:pw@news.example.be./x')).toBe('https://news.example.be/x');
    expect(
      canonicalUrl(
        'https://ex.be/n/1?xtor=RSS-3&at_medium=rss&mc_cid=a&msclkid=b&_ga=c&cmpid=d&page=2',
      ),
    ).toBe('https://ex.be/n/1?page=2');
  });

  it('resolves relative links and rejects other schemes', () => {
    expect(canonicalUrl('../x', 'https://a.be/b/c/')).toBe('https://a.be/b/x');
    expect(canonicalUrl('mailto:a@b.be')).toBeNull();
    expect(canonicalUrl('javascript:void(0)', 'https://a.be/')).toBeNull();
    expect(canonicalUrl('http://[bad')).toBeNull();
  });

  it('keeps the trailing slash and the query order as published', () => {
    expect(canonicalUrl('https://ex.be/belgique/2024/01/05/slug-ABC/')).toBe(
      'https://ex.be/belgique/2024/01/05/slug-ABC/',
    );
    expect(canonicalUrl('https://ex.be/news?b=2&a=1')).toBe('https://ex.be/news?b=2&a=1');
    expect(canonicalUrl('https://ex.be/arc/outboundfeeds/rss/?outputType=xml')).toBe(
      'https://ex.be/arc/outboundfeeds/rss/?outputType=xml',
    );
  });

  it('drops session ids in the path and the query, and a sid only when it is a token', () => {
    expect(canonicalUrl('https://ex.be/agenda/today;jsessionid=0A1B2C3D4E5F6A7B8C9D')).toBe(
      'https://ex.be/agenda/today',
    );
    expect(canonicalUrl('https://ex.be/list?PHPSESSID=abc&day=5')).toBe('https://ex.be/list?day=5');
    expect(canonicalUrl('https://ex.be/list?sid=9f86d081884c7d659a2feaa0')).toBe(
      'https://ex.be/list',
    );
    // A story id in "sid" (slashes, short) stays, and the query is left as written.
    expect(canonicalUrl('https://ex.be/article.pl?sid=06/01/05/1234')).toBe(
      'https://ex.be/article.pl?sid=06/01/05/1234',
    );
    expect(canonicalUrl('https://ex.be/article?sid=4512')).toBe('https://ex.be/article?sid=4512');
  });

  it('maps AMP variants to the page itself', () => {
    const page = 'https://www.ex.be/news/2024/01/05/mayors';
    expect(canonicalUrl(`${page}?amp=1`)).toBe(page);
    expect(canonicalUrl(`${page}?amp`)).toBe(page);
    expect(canonicalUrl(`${page}?outputType=amp`)).toBe(page);
    expect(canonicalUrl(`${page}/amp`)).toBe(page);
    expect(canonicalUrl(`${page}/amp/`)).toBe(`${page}/`);
    expect(canonicalUrl('https://www.ex.be/amp/news/2024/01/05/mayors')).toBe(page);
    expect(canonicalUrl('https://www.ex.be/news/mayors.amp.html')).toBe(
      'https://www.ex.be/news/mayors.html',
    );
    expect(canonicalUrl('https://amp.ex.be/news/2024/01/05/mayors', 'https://www.ex.be/')).toBe(
      page,
    );
    expect(canonicalUrl('https://amp.ex.be/news/x')).toBe('https://ex.be/news/x');
    expect(
      canonicalUrl('https://www-ex-be.cdn.ampproject.org/c/s/www.ex.be/news/2024/01/05/mayors'),
    ).toBe(page);
    // Words that merely contain "amp" are not AMP.
    expect(canonicalUrl('https://ex.be/sport/amp-rugby/champions')).toBe(
      'https://ex.be/sport/amp-rugby/champions',
    );
    expect(canonicalUrl('https://ex.be/campus?example=1')).toBe('https://ex.be/campus?example=1');
  });
});

describe('urlKey', () => {
  it('is one key for the spellings of one page', () => {
    const key = urlKey('https://ex.be/a/b');
    for (const v of [
      'https://ex.be/a/b/',
      'HTTPS://EX.BE:443/a/b/#x',
      'https://ex.be/a/b?utm_campaign=z',
      'https://ex.be/a/b/amp',
      'https://ex.be/a/%62',
    ])
      expect(urlKey(v), v).toBe(key);
    expect(urlKey('https://ex.be/s?b=2&a=1')).toBe(urlKey('https://ex.be/s?a=1&b=2'));
    expect(urlKey('https://ex.be/caf%c3%a9')).toBe(urlKey('https://ex.be/café'));
  });

  it('keeps pages apart that differ in more than spelling', () => {
    expect(urlKey('https://ex.be/a/b')).not.toBe(urlKey('https://ex.be/a/c'));
    expect(urlKey('https://ex.be/a?p=1')).not.toBe(urlKey('https://ex.be/a?p=2'));
    expect(urlKey('http://ex.be/a')).not.toBe(urlKey('https://ex.be/a'));
    expect(urlKey('https://ex.be/a%2Fb')).not.toBe(urlKey('https://ex.be/a/b'));
    expect(urlKey('https://ex.be/')).toBe('https://ex.be/');
  });
});

describe('urlTrap', () => {
  const limits = { maxUrlLength: 80, maxSegmentRepeats: 2 };
  it('flags long URLs and repeated path segments', () => {
    expect(urlTrap(`https://ex.be/${'x'.repeat(80)}`, limits)).toBe('url-length');
    expect(urlTrap('https://ex.be/agenda/archive/archive/archive/', limits)).toBe(
      'repeated-segments',
    );
    expect(urlTrap('https://ex.be/a/b/a/b/a/b', limits)).toBe('repeated-segments');
  });
  it('lets dates and ordinary paths through', () => {
    expect(urlTrap('https://ex.be/news/2024/01/01/slug', limits)).toBeNull();
    expect(urlTrap('https://ex.be/actu/belgique/societe', limits)).toBeNull();
  });
});
