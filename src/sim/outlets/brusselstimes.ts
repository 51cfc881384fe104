// The Brussels Times (English): Google News sitemap, /feed answering the HTML home page,
// section pages, /{6-digit id}/{slug} articles, and one robots-disallowed preview link.
import { content, TEXT, XML } from '../respond.js';
import type { Chrome } from '../site/chrome.js';
import { newsSitemap, robotsTxt } from '../site/feeds.js';
import { renderInfoPage, renderListing } from '../site/listing-page.js';
import type { SimResponse, Story } from '../types.js';
import { staticRouter } from '../site/assets.js';
import { withAgendaTraps } from '../site/traps.js';
import {
  addInfoPages,
  articleResponse,
  FEED_CACHE,
  listingResponse,
  notFoundPage,
  storyPagesRouter,
  teaserOf,
  type OutletSite,
} from './common.js';

export const PREVIEW_PATH = '/private/draft-preview';

const CHROME: Chrome = {
  outlet: 'brusselstimes',
  siteName: 'The Brussels Times',
  titleSuffix: ' | The Brussels Times',
  publisherLogo: '/images/brusselstimes-logo.png',
  twitterSite: '@BrusselsTimes',
  nav: [
    { href: '/belgium', label: 'Belgium' },
    { href: '/brussels', label: 'Brussels' },
    { href: '/world', label: 'World' },
    { href: '/sport', label: 'Sport' },
  ],
  topLinks: [
    { href: '/newsletter', label: 'Newsletter' },
    { href: '/subscribe', label: 'Subscribe' },
  ],
  footer: [
    {
      title: 'The Brussels Times',
      links: [
        { href: '/about', label: 'About us' },
        { href: '/contact', label: 'Contact' },
        { href: '/advertise', label: 'Advertise' },
      ],
    },
    {
      title: 'Legal',
      links: [
        { href: '/privacy', label: 'Privacy policy' },
        { href: '/cookies', label: 'Cookie policy' },
        { href: '/terms', label: 'Terms and conditions' },
      ],
    },
    {
      title: 'Follow us',
      links: [
        { href: 'https://www.facebook.com/brusselstimes', label: 'Facebook' },
        { href: 'https://twitter.com/BrusselsTimes', label: 'X' },
        { href: 'https://www.linkedin.com/company/the-brussels-times', label: 'LinkedIn' },
      ],
    },
  ],
  copyright: '© 2024 The Brussels Times. All rights reserved.',
  consent: 'notice',
  thirdPartyScripts: [
    'https://cdn.mediatag.example/gtm.js?id=GTM-BT2024',
    'https://ads.adserver.example/prebid.js',
  ],
  articleBodyInJsonLd: true,
  clientRenderedBody: false,
  leadInHeader: true,
  inlineReadAlso: false,
};

export function brusselsTimesSite(origin: string, stories: Story[]): OutletSite {
  const pages = new Map<string, SimResponse>();
  for (const s of stories) pages.set(s.path, articleResponse(CHROME, s, origin));

  const recent = stories.filter((s) => s.published.startsWith('2024-'));
  const archive = stories.filter((s) => !s.published.startsWith('2024-'));
  const home = renderListing(CHROME, {
    lang: 'en',
    path: '/',
    url: `${origin}/`,
    title: 'Belgium’s leading English-language news',
    heading: 'The Brussels Times',
    description: 'News from Belgium, Brussels and the EU, in English.',
    blocks: [
      { heading: 'Top stories', teasers: recent.map((s) => teaserOf(s)) },
      { heading: 'From the archive', teasers: archive.map((s) => teaserOf(s)) },
    ],
    asideLinks: [
      { href: PREVIEW_PATH, label: 'Coming up: preview of our weekend long read' },
      ...CHROME.nav,
    ],
    pageClass: 'home-page',
  });
  const homePage = listingResponse(home, stories);
  pages.set('/', homePage);
  // Like the real site: /feed answers the HTML home page with 200, not RSS.
  pages.set('/feed', homePage);

  for (const section of CHROME.nav) {
    const inSection = stories.filter((s) => s.sectionPath === section.href);
    const html = renderListing(CHROME, {
      lang: 'en',
      path: section.href,
      url: origin + section.href,
      title: section.label,
      heading: section.label,
      description: `${section.label} news from The Brussels Times.`,
      blocks: [{ heading: 'Latest', teasers: inSection.map((s) => teaserOf(s)) }],
    });
    pages.set(section.href, listingResponse(html, inSection));
  }

  pages.set(
    '/news-sitemap.xml',
    content(
      newsSitemap(
        'The Brussels Times',
        stories.map((s) => ({
          url: s.url,
          title: s.title,
          published: s.published,
          lang: s.lang,
          imageUrl: origin + s.image.path,
          keywords: s.tags,
          ...(s.modified ? { modified: s.modified } : {}),
        })),
      ),
      {
        contentType: XML,
        lastModified: recent[0]?.published ?? '2024-01-12T00:00:00+01:00',
        cacheControl: FEED_CACHE,
      },
    ),
  );
  pages.set(
    '/robots.txt',
    content(
      robotsTxt([{ userAgent: '*', disallow: ['/private/'] }], [`${origin}/news-sitemap.xml`]),
      {
        contentType: TEXT,
        lastModified: '2024-01-01T00:00:00+01:00',
        cacheControl: 'public, max-age=86400',
      },
    ),
  );
  const preview = renderInfoPage(
    CHROME,
    'en',
    origin + PREVIEW_PATH,
    'Draft preview – not for publication',
    ['This draft is visible to editors only. Crawlers are asked not to fetch it.'],
  );
  pages.set(
    PREVIEW_PATH,
    content(preview, {
      lastModified: '2024-01-05T09:00:00+01:00',
      cacheControl: 'private, no-store',
    }),
  );
  addInfoPages(pages, CHROME, 'en', origin);

  return {
    id: 'brusselstimes',
    siteName: CHROME.siteName,
    // /agenda and its crawler traps are linked from nowhere: only discovery tests go there.
    router: staticRouter(
      pages,
      withAgendaTraps(
        storyPagesRouter(CHROME, 'en', origin, stories),
        CHROME,
        'en',
        origin,
        recent,
      ),
    ),
    notFound: notFoundPage(CHROME, 'en'),
  };
}
