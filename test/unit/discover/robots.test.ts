import { describe, expect, it } from 'vitest';
import { parseRobots } from '../../../src/discover/robots.js';

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
  });
});
