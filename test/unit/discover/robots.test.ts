import { describe, expect, it } from 'vitest';
import { parseRobots, robotsToken } from '../../../src/discover/robots.js';

const text = `
User-agent: *
Disallow: /private/
Allow: /private/public-*.html$
Crawl-delay: 2

User-agent: mediawatch
User-agent: otherbot
Disallow: /search
Crawl-delay: 5

Sitemap: https://example.be/sitemap.xml
`;

describe('parseRobots', () => {
  it('uses the group of our token when there is one', () => {
    const r = parseRobots(text, 'mediawatch');
    expect(r.status).toBe('parsed');
    expect(r.allows('/search?q=x')).toBe(false);
    expect(r.allows('/private/x')).toBe(true);
    expect(r.crawlDelaySeconds).toBe(5);
    expect(r.sitemaps).toEqual(['https://example.be/sitemap.xml']);
  });

  it('falls back to * with the longest match winning and $ anchoring', () => {
    const r = parseRobots(text, 'somebot');
    expect(r.allows('/private/draft')).toBe(false);
    expect(r.allows('/private/public-1.html')).toBe(true);
    expect(r.allows('/private/public-1.html?x=1')).toBe(false);
    expect(r.allows('/news/1')).toBe(true);
    expect(r.crawlDelaySeconds).toBe(2);
  });

  it('allows everything when nothing applies', () => {
    expect(parseRobots('', 'mediawatch').allows('/anything')).toBe(true);
    expect(parseRobots('User-agent: otherbot\nDisallow: /\n', 'mediawatch').allows('/x')).toBe(
      true,
    );
  });

  it('matches the product token exactly, ignoring case and version, and merges its groups', () => {
    const r = parseRobots(
      [
        'User-agent: MediaWatch/0.1',
        'Disallow: /a',
        '',
        'User-agent: mediawatch-beta',
        'Disallow: /',
        '',
        'User-agent: MEDIAWATCH',
        'Disallow: /b',
        '',
        'User-agent: *',
        'Disallow: /c',
      ].join('\n'),
      'mediawatch',
    );
    expect(r.allows('/a/1')).toBe(false);
    expect(r.allows('/b/1')).toBe(false);
    expect(r.allows('/c/1')).toBe(true); // the * group does not apply once ours exists
    expect(r.allows('/d')).toBe(true); // mediawatch-beta is another crawler
  });

  it('lets Allow win a tie and the longest rule win otherwise', () => {
    const r = parseRobots(
      'User-agent: *\nDisallow: /page\nAllow: /page\nDisallow: /news/\nAllow: /news/live',
      'x',
    );
    expect(r.allows('/page')).toBe(true);
    expect(r.allows('/news/live/1')).toBe(true);
    expect(r.allows('/news/other')).toBe(false);
  });

  it('handles * anywhere, $ at the end only, and an empty Disallow', () => {
    const r = parseRobots(
      'User-agent: *\nDisallow: /*.pdf$\nDisallow: /*?print=\nDisallow: /fish*\nDisallow: /a$b\nDisallow:\n',
      'x',
    );
    expect(r.allows('/files/report.pdf')).toBe(false);
    expect(r.allows('/files/report.pdf?v=2')).toBe(true);
    expect(r.allows('/news/1?print=1')).toBe(false);
    expect(r.allows('/fishheads/1')).toBe(false);
    expect(r.allows('/Fish')).toBe(true); // paths are case-sensitive
    expect(r.allows('/a$b/c')).toBe(false); // a $ inside a rule is a character
    expect(r.allows('/ab')).toBe(true);
  });

  it('treats percent-encoded and raw spellings alike (RFC 9309 §2.2.2)', () => {
    const r = parseRobots(
      'User-agent: *\nDisallow: /foo/bar/ツ\nDisallow: /%62%61%7A\nDisallow: /caf%c3%a9/\nDisallow: /a%2Fb\n',
      'x',
    );
    expect(r.allows('/foo/bar/%E3%83%84')).toBe(false);
    expect(r.allows('/foo/bar/%e3%83%84')).toBe(false);
    expect(r.allows('/baz/1')).toBe(false);
    expect(r.allows('/café/menu')).toBe(false);
    expect(r.allows('/caf%C3%A9/menu')).toBe(false);
    // An encoded slash is not a slash.
    expect(r.allows('/a/b')).toBe(true);
    expect(r.allows('/a%2fb')).toBe(false);
  });

  it('always allows /robots.txt, ignores rules before any User-agent and a byte order mark', () => {
    const r = parseRobots('\uFEFFDisallow: /early\nUser-agent: *\nDisallow: /\n', 'x');
    expect(r.allows('/robots.txt')).toBe(true);
    expect(r.allows('/anything')).toBe(false);
    const early = parseRobots('Disallow: /early\n', 'x');
    expect(early.allows('/early')).toBe(true);
  });

  it('reads Sitemap lines anywhere, once each, without ending a group', () => {
    const r = parseRobots(
      'User-agent: *\nSitemap: https://ex.be/a.xml\nDisallow: /x\nSitemap: https://ex.be/a.xml\n# end\nsitemap: https://ex.be/b.xml.gz',
      'x',
    );
    expect(r.sitemaps).toEqual(['https://ex.be/a.xml', 'https://ex.be/b.xml.gz']);
    expect(r.allows('/x')).toBe(false);
  });

  it('keeps a fractional Crawl-delay and ignores a bad one', () => {
    expect(parseRobots('User-agent: *\nCrawl-delay: 1.5', 'x').crawlDelaySeconds).toBe(1.5);
    expect(parseRobots('User-agent: *\nCrawl-delay: soon', 'x').crawlDelaySeconds).toBeNull();
  });

  // With a backtracking regular expression this would not finish before the test timeout.
  it('matches a hostile pattern without backtracking blow-up', () => {
    const r = parseRobots(`User-agent: *\nDisallow: /${'*a'.repeat(40)}*b$`, 'x');
    expect(r.allows(`/${'a'.repeat(2000)}`)).toBe(true);
    expect(r.allows(`/${'a'.repeat(60)}b`)).toBe(false);
  });
});

describe('robotsToken', () => {
  it('takes the product token of the configured User-Agent', () => {
    expect(robotsToken('mediawatch/0.1 (+https://github.com/mediawatch/mediawatch)')).toBe(
      'mediawatch',
    );
    expect(robotsToken('Mozilla/5.0 (compatible; NewsBot/2.1; +https://ex.be)')).toBe('newsbot');
    expect(robotsToken('Media_Watch-test')).toBe('media_watch-test');
  });
});
