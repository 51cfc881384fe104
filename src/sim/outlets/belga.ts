// Belga (wire, Dutch, French, English): a sitemap index pointing to an urlset with <lastmod>,
// one home page for the three services, articles at /nl/nieuws, /fr/actualites, /en/news.
import { content, TEXT, XML } from '../respond.js';
import { staticRouter } from '../site/assets.js';
import type { Chrome } from '../site/chrome.js';
import { robotsTxt, sitemapIndex, urlset } from '../site/feeds.js';
import { renderListing } from '../site/listing-page.js';
import type { SimLang, SimResponse, Story } from '../types.js';
import {
  addInfoPages,
  articleResponse,
  FEED_CACHE,
  listingResponse,
  newest,
  notFoundPage,
  storyPagesRouter,
  teaserOf,
  type OutletSite,
} from './common.js';

export const SECTION: Record<SimLang, { path: string; label: string; heading: string }> = {
  nl: { path: '/nl/nieuws', label: 'Nederlands', heading: 'Laatste nieuws' },
  fr: { path: '/fr/actualites', label: 'Français', heading: 'Dernières actualités' },
  en: { path: '/en/news', label: 'English', heading: 'Latest news' },
};

const LANGS: SimLang[] = ['nl', 'fr', 'en'];

const CHROME: Chrome = {
  outlet: 'belga',
  siteName: 'Belga News Agency',
  titleSuffix: ' | Belga News Agency',
  publisherLogo: '/images/belga-logo.svg',
  twitterSite: '@belga',
  nav: LANGS.map((l) => ({ href: SECTION[l].path, label: SECTION[l].label })),
  topLinks: [
    { href: '/over-belga', label: 'Over Belga' },
    { href: '/contact', label: 'Contact' },
  ],
  footer: [
    {
      title: 'Belga',
      links: [
        { href: '/over-belga', label: 'Over Belga' },
        { href: '/diensten', label: 'Diensten' },
        { href: '/contact', label: 'Contact' },
      ],
    },
    {
      title: 'Legal',
      links: [
        { href: '/privacy', label: 'Privacy' },
        { href: '/cookies', label: 'Cookies' },
      ],
    },
    {
      title: 'Social',
      links: [
        { href: 'https://www.linkedin.com/company/belga', label: 'LinkedIn' },
        { href: 'https://twitter.com/belga', label: 'X' },
      ],
    },
  ],
  copyright: '© 2024 Belga News Agency',
  consent: 'notice',
  thirdPartyScripts: ['https://cdn.mediatag.example/gtm.js?id=GTM-BLG24'],
  articleBodyInJsonLd: true,
  clientRenderedBody: false,
  // Wire copy: the first paragraph is the lead (with its dateline).
  leadInHeader: false,
  inlineReadAlso: false,
};

/** Other language versions of the same dispatch, for hreflang alternates. */
function alternatesOf(s: Story, stories: Story[]): Partial<Record<SimLang, string>> | undefined {
  if (s.dispatchId === undefined) return undefined;
  const versions = stories.filter((o) => o.dispatchId === s.dispatchId);
  if (versions.length < 2) return undefined;
  return Object.fromEntries(versions.map((o) => [o.lang, o.url]));
}

export function belgaSite(origin: string, stories: Story[]): OutletSite {
  const pages = new Map<string, SimResponse>();
  for (const s of stories)
    pages.set(s.path, articleResponse(CHROME, s, origin, alternatesOf(s, stories)));

  const byLang = (l: SimLang): Story[] => stories.filter((s) => s.lang === l);
  const home = renderListing(CHROME, {
    lang: 'nl',
    path: '/',
    url: `${origin}/`,
    title: 'Belga News Agency - Nieuws, actualités, news',
    heading: 'Belga News Agency',
    description: 'Het nieuws van het Belgische persagentschap in drie talen.',
    blocks: LANGS.map((l) => ({
      heading: SECTION[l].heading,
      teasers: byLang(l).map((s) => teaserOf(s)),
      more: { href: SECTION[l].path, label: SECTION[l].label },
    })),
    pageClass: 'home-page',
  });
  pages.set('/', listingResponse(home, stories));
  for (const l of LANGS) {
    const found = byLang(l);
    const html = renderListing(CHROME, {
      lang: l,
      path: SECTION[l].path,
      url: origin + SECTION[l].path,
      title: SECTION[l].heading,
      heading: SECTION[l].heading,
      description: SECTION[l].heading,
      blocks: [{ heading: SECTION[l].heading, teasers: found.map((s) => teaserOf(s)) }],
    });
    pages.set(SECTION[l].path, listingResponse(html, found));
  }

  const lastChange = newest(stories);
  pages.set(
    '/sitemap.xml',
    content(sitemapIndex([{ url: `${origin}/sitemap-articles.xml`, lastmod: lastChange }]), {
      contentType: XML,
      lastModified: lastChange,
      cacheControl: FEED_CACHE,
    }),
  );
  pages.set(
    '/sitemap-articles.xml',
    content(
      urlset(
        stories.map((s) => ({
          url: s.url,
          lastmod: s.modified ?? s.published,
          changefreq: 'never',
        })),
      ),
      { contentType: XML, lastModified: lastChange, cacheControl: FEED_CACHE },
    ),
  );
  pages.set(
    '/robots.txt',
    content(
      robotsTxt([{ userAgent: '*', disallow: ['/api/', '/account/'] }], [`${origin}/sitemap.xml`]),
      {
        contentType: TEXT,
        lastModified: '2024-01-01T00:00:00+01:00',
        cacheControl: 'public, max-age=86400',
      },
    ),
  );
  addInfoPages(pages, CHROME, 'nl', origin);

  return {
    id: 'belga',
    siteName: CHROME.siteName,
    router: staticRouter(pages, storyPagesRouter(CHROME, 'nl', origin, stories)),
    notFound: notFoundPage(CHROME, 'nl'),
  };
}
