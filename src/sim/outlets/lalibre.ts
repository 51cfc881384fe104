// La Libre (French, Arc XP): outbound RSS feed and Google News sitemap under
// /arc/outboundfeeds/, articles at /{section}/{yyyy}/{mm}/{dd}/{slug}-{ARCID}/, Belga pickups
// under /dernieres-depeches/.
import { content, RSS, TEXT, XML } from '../respond.js';
import { staticRouter } from '../site/assets.js';
import type { Chrome } from '../site/chrome.js';
import { newsSitemap, robotsTxt, rss } from '../site/feeds.js';
import { renderListing } from '../site/listing-page.js';
import type { SimResponse, Story } from '../types.js';
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

export const RSS_PATH = '/arc/outboundfeeds/rss/';
export const NEWS_SITEMAP_PATH = '/arc/outboundfeeds/news-sitemap/';

const CHROME: Chrome = {
  outlet: 'lalibre',
  siteName: 'La Libre.be',
  titleSuffix: ' - La Libre',
  publisherLogo: '/images/lalibre-logo.svg',
  twitterSite: '@lalibrebe',
  nav: [
    { href: '/belgique', label: 'Belgique' },
    { href: '/international', label: 'International' },
    { href: '/sports', label: 'Sports' },
    { href: '/dernieres-depeches', label: 'Dernières dépêches' },
  ],
  topLinks: [
    { href: '/abonnement', label: 'S’abonner' },
    { href: '/mon-compte', label: 'Mon compte' },
  ],
  footer: [
    {
      title: 'La Libre',
      links: [
        { href: '/redaction', label: 'La rédaction' },
        { href: '/contact', label: 'Nous contacter' },
        { href: '/abonnement', label: 'S’abonner' },
      ],
    },
    {
      title: 'Légal',
      links: [
        { href: '/vie-privee', label: 'Politique de confidentialité' },
        { href: '/cookies', label: 'Politique cookies' },
        { href: '/conditions', label: 'Conditions d’utilisation' },
      ],
    },
    {
      title: 'Réseaux sociaux',
      links: [
        { href: 'https://www.facebook.com/lalibre.be', label: 'Facebook' },
        { href: 'https://twitter.com/lalibrebe', label: 'X' },
      ],
    },
  ],
  copyright: '© 2024 IPM Group. Tous droits réservés.',
  consent: 'notice',
  thirdPartyScripts: [
    'https://cdn.mediatag.example/gtm.js?id=GTM-LLB24',
    'https://paywall.piano.example/tinypass.min.js',
  ],
  articleBodyInJsonLd: true,
  clientRenderedBody: false,
  leadInHeader: true,
  inlineReadAlso: true,
};

export function laLibreSite(origin: string, stories: Story[]): OutletSite {
  const pages = new Map<string, SimResponse>();
  for (const s of stories) pages.set(s.path, articleResponse(CHROME, s, origin));
  const lastChange = newest(stories);

  const home = renderListing(CHROME, {
    lang: 'fr',
    path: '/',
    url: `${origin}/`,
    title: 'La Libre.be - Actualités, info en continu',
    heading: 'La Libre',
    description: 'Toute l’actualité en Belgique et dans le monde.',
    blocks: [
      {
        heading: 'À la une',
        teasers: stories
          .filter((s) => !s.path.startsWith('/dernieres-depeches/'))
          .map((s) => teaserOf(s)),
      },
      {
        heading: 'Dernières dépêches',
        teasers: stories
          .filter((s) => s.path.startsWith('/dernieres-depeches/'))
          .map((s) => teaserOf(s)),
        more: { href: '/dernieres-depeches', label: 'Toutes les dépêches' },
      },
    ],
    pageClass: 'home-page',
  });
  pages.set('/', listingResponse(home, stories));
  for (const section of CHROME.nav) {
    const found = stories.filter((s) => s.path.startsWith(`${section.href}/`));
    const html = renderListing(CHROME, {
      lang: 'fr',
      path: section.href,
      url: origin + section.href,
      title: section.label,
      heading: section.label,
      description: `${section.label} : l’actualité sur La Libre.`,
      blocks: [{ heading: 'Derniers articles', teasers: found.map((s) => teaserOf(s)) }],
    });
    pages.set(section.href, listingResponse(html, found));
  }

  const feed = rss(
    {
      title: 'La Libre.be - Toute l’actualité',
      link: `${origin}/`,
      selfUrl: `${origin}${RSS_PATH}?outputType=xml`,
      description: 'Les derniers articles de La Libre.be',
      lang: 'fr',
      lastBuild: lastChange,
    },
    stories.map((s) => ({
      url: s.url,
      title: s.title,
      description: s.lead,
      creator: s.authors.join(', '),
      published: s.published,
      categories: [s.sectionName, ...s.tags],
      imageUrl: origin + s.image.path,
      imageCaption: `${s.caption} ${s.credit}`,
    })),
  );
  pages.set(
    RSS_PATH,
    content(feed, { contentType: RSS, lastModified: lastChange, cacheControl: FEED_CACHE }),
  );
  const sitemap = newsSitemap(
    'La Libre Belgique',
    stories.map((s) => ({
      url: s.url,
      title: s.title,
      published: s.published,
      lang: s.lang,
      imageUrl: origin + s.image.path,
      keywords: s.tags,
    })),
  );
  pages.set(
    NEWS_SITEMAP_PATH,
    content(sitemap, { contentType: XML, lastModified: lastChange, cacheControl: FEED_CACHE }),
  );
  pages.set(
    '/robots.txt',
    content(
      robotsTxt(
        [{ userAgent: '*', disallow: ['/pf/api/', '/recherche?'] }],
        [`${origin}${NEWS_SITEMAP_PATH}?outputType=xml`],
      ),
      {
        contentType: TEXT,
        lastModified: '2024-01-01T00:00:00+01:00',
        cacheControl: 'public, max-age=86400',
      },
    ),
  );
  addInfoPages(pages, CHROME, 'fr', origin);

  return {
    id: 'lalibre',
    siteName: CHROME.siteName,
    router: staticRouter(pages, storyPagesRouter(CHROME, 'fr', origin, stories)),
    notFound: notFoundPage(CHROME, 'fr'),
  };
}
