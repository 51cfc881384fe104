// Machine-readable discovery sources: robots.txt, sitemaps (plain, news, index) and RSS 2.0.
import { cdata, escapeXml, rfc822 } from '../text.js';
import type { SimLang } from '../types.js';

export interface RobotsGroup {
  userAgent: string;
  allow?: string[];
  disallow?: string[];
  crawlDelay?: number;
}

export function robotsTxt(groups: RobotsGroup[], sitemaps: string[], comment?: string): string {
  const lines: string[] = comment ? comment.split('\n').map((l) => `# ${l}`) : [];
  for (const g of groups) {
    if (lines.length > 0) lines.push('');
    lines.push(`User-agent: ${g.userAgent}`);
    for (const a of g.allow ?? []) lines.push(`Allow: ${a}`);
    for (const d of g.disallow ?? []) lines.push(`Disallow: ${d}`);
    if (g.crawlDelay !== undefined) lines.push(`Crawl-delay: ${g.crawlDelay}`);
  }
  if (sitemaps.length > 0) lines.push('');
  for (const s of sitemaps) lines.push(`Sitemap: ${s}`);
  return lines.join('\n') + '\n';
}

export interface NewsEntry {
  url: string;
  title: string;
  published: string;
  lang: SimLang;
  modified?: string;
  imageUrl?: string;
  keywords?: string[];
}

/** A Google News sitemap (urlset with news: and image: extensions). */
export function newsSitemap(publication: string, entries: NewsEntry[]): string {
  const urls = entries.map((e) => {
    const image = e.imageUrl
      ? `\n    <image:image><image:loc>${escapeXml(e.imageUrl)}</image:loc></image:image>`
      : '';
    const keywords = e.keywords?.length
      ? `\n      <news:keywords>${escapeXml(e.keywords.join(', '))}</news:keywords>`
      : '';
    return `  <url>
    <loc>${escapeXml(e.url)}</loc>
    <lastmod>${e.modified ?? e.published}</lastmod>
    <news:news>
      <news:publication>
        <news:name>${escapeXml(publication)}</news:name>
        <news:language>${e.lang}</news:language>
      </news:publication>
      <news:publication_date>${e.published}</news:publication_date>
      <news:title>${escapeXml(e.title)}</news:title>${keywords}
    </news:news>${image}
  </url>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9" xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">
${urls.join('\n')}
</urlset>
`;
}

export interface UrlEntry {
  url: string;
  lastmod: string;
  changefreq?: string;
  priority?: string;
}

export function urlset(entries: UrlEntry[]): string {
  const urls = entries.map((e) => {
    const extra =
      (e.changefreq ? `<changefreq>${e.changefreq}</changefreq>` : '') +
      (e.priority ? `<priority>${e.priority}</priority>` : '');
    return `  <url><loc>${escapeXml(e.url)}</loc><lastmod>${e.lastmod}</lastmod>${extra}</url>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${urls.join('\n')}
</urlset>
`;
}

export function sitemapIndex(entries: Array<{ url: string; lastmod: string }>): string {
  const maps = entries.map(
    (e) => `  <sitemap><loc>${escapeXml(e.url)}</loc><lastmod>${e.lastmod}</lastmod></sitemap>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${maps.join('\n')}
</sitemapindex>
`;
}

export interface RssItem {
  url: string;
  title: string;
  description: string;
  creator: string;
  published: string;
  categories: string[];
  imageUrl: string;
  imageCaption: string;
}

export interface RssChannel {
  title: string;
  link: string;
  selfUrl: string;
  description: string;
  lang: SimLang;
  lastBuild: string;
}

/** RSS 2.0 as Arc XP's outbound feeds write it (dc:creator, CDATA, media:content). */
export function rss(channel: RssChannel, items: RssItem[]): string {
  const xmlItems = items.map(
    (i) => `    <item>
      <title>${cdata(i.title)}</title>
      <link>${escapeXml(i.url)}</link>
      <guid isPermaLink="true">${escapeXml(i.url)}</guid>
      <dc:creator>${cdata(i.creator)}</dc:creator>
      <description>${cdata(i.description)}</description>
      <pubDate>${rfc822(i.published)}</pubDate>
${i.categories.map((c) => `      <category>${cdata(c)}</category>`).join('\n')}
      <media:content url="${escapeXml(i.imageUrl)}" type="image/jpeg" medium="image" width="1200" height="800">
        <media:description type="plain">${cdata(i.imageCaption)}</media:description>
      </media:content>
    </item>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/" xmlns:sy="http://purl.org/rss/1.0/modules/syndication/">
  <channel>
    <title>${cdata(channel.title)}</title>
    <link>${escapeXml(channel.link)}</link>
    <atom:link href="${escapeXml(channel.selfUrl)}" rel="self" type="application/rss+xml"/>
    <description>${cdata(channel.description)}</description>
    <lastBuildDate>${rfc822(channel.lastBuild)}</lastBuildDate>
    <language>${channel.lang}</language>
    <sy:updatePeriod>hourly</sy:updatePeriod>
    <sy:updateFrequency>1</sy:updateFrequency>
    <ttl>1</ttl>
${xmlItems.join('\n')}
  </channel>
</rss>
`;
}
