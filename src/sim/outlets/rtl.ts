// RTL info (French): no sitemap; home and section pages list articles; article bodies are
// rendered by script after the Didomi consent click; legacy .aspx URLs redirect with 301.
import { content, JSON_TYPE, redirect, TEXT } from '../respond.js';
import { staticRouter } from '../site/assets.js';
import type { Chrome } from '../site/chrome.js';
import { robotsTxt } from '../site/feeds.js';
import { renderInfoPage, renderListing, type Teaser } from '../site/listing-page.js';
import { articleApiJson } from '../site/rtl-consent.js';
import type { SimResponse, Story } from '../types.js';
import {
  addInfoPages,
  ARTICLE_CACHE,
  articleResponse,
  listingResponse,
  notFoundPage,
  storyPagesRouter,
  teaserOf,
  type OutletSite,
} from './common.js';

/** The article whose home-page link is its legacy .aspx URL. */
export const LEGACY_LINKED_KEY = 'rtl-vilvoorde';

export function legacyPath(s: Story): string {
  return `/actu/belgique/${s.id}.aspx`;
}

const CHROME: Chrome = {
  outlet: 'rtl',
  siteName: 'RTL info',
  titleSuffix: ' - RTL Info',
  publisherLogo: '/images/rtl-info-logo.png',
  twitterSite: '@rtlinfo',
  nav: [
    { href: '/actu', label: 'Info' },
    { href: '/actu/belgique', label: 'Belgique' },
    { href: '/actu/belgique/societe', label: 'Société' },
    { href: '/actu/belgique/economie', label: 'Économie' },
    { href: '/actu/belgique/meteo', label: 'Météo' },
  ],
  topLinks: [
    { href: '/login', label: 'Se connecter' },
    { href: 'https://www.rtlplay.be/', label: 'RTL play' },
  ],
  footer: [
    {
      title: 'RTL info',
      links: [
        { href: '/contact', label: 'Contactez-nous' },
        { href: '/qui-sommes-nous', label: 'Qui sommes-nous ?' },
      ],
    },
    {
      title: 'Informations légales',
      links: [
        { href: '/vie-privee', label: 'Vie privée' },
        { href: '/cookies', label: 'Gestion des cookies' },
        { href: '/conditions-generales', label: 'Conditions générales' },
      ],
    },
    {
      title: 'Suivez-nous',
      links: [
        { href: 'https://www.facebook.com/rtlinfo', label: 'Facebook' },
        { href: 'https://www.instagram.com/rtlinfo', label: 'Instagram' },
      ],
    },
  ],
  copyright: '© 2024 RTL Belgium. Tous droits réservés.',
  consent: 'didomi',
  thirdPartyScripts: [
    'https://sdk.privacy-center.example/loader.js',
    'https://cdn.mediatag.example/gtm.js?id=GTM-RTL24',
  ],
  articleBodyInJsonLd: false,
  clientRenderedBody: true,
  leadInHeader: true,
  inlineReadAlso: false,
};

export function rtlSite(origin: string, stories: Story[]): OutletSite {
  const pages = new Map<string, SimResponse>();
  for (const s of stories) {
    pages.set(s.path, articleResponse(CHROME, s, origin));
    pages.set(
      `/api/article/${s.id}.json`,
      content(articleApiJson(s), {
        contentType: JSON_TYPE,
        lastModified: s.modified ?? s.published,
        cacheControl: ARTICLE_CACHE,
        headers: { 'access-control-allow-origin': origin },
      }),
    );
    pages.set(legacyPath(s), redirect(s.url, 301));
  }

  const listing = (
    path: string,
    heading: string,
    teasers: Teaser[],
    found: Story[],
    title = heading,
  ): SimResponse =>
    listingResponse(
      renderListing(CHROME, {
        lang: 'fr',
        path,
        url: origin + path,
        title,
        heading,
        description: `${heading} : toute l'actualité sur RTL info.`,
        blocks: [
          {
            heading: 'Dernières infos',
            teasers,
            more: { href: '/actu/belgique', label: 'Toute l’actu belge' },
          },
        ],
        pageClass: path === '/' ? 'home-page' : 'listing-page',
      }),
      found,
    );

  // The home page shows a selection; one story is linked by its legacy URL only.
  const homeStories = stories.filter(
    (s) => s.kind !== 'unrelated' || s.sectionPath.endsWith('/meteo'),
  );
  const homeTeasers = homeStories.map((s) =>
    teaserOf(s, s.key === LEGACY_LINKED_KEY ? legacyPath(s) : s.path),
  );
  pages.set(
    '/',
    listing(
      '/',
      'À la une',
      homeTeasers,
      homeStories,
      'RTL info : toute l’actualité en Belgique et dans le monde',
    ),
  );
  for (const section of CHROME.nav) {
    const found = stories.filter((s) => s.path.startsWith(`${section.href}/`));
    pages.set(
      section.href,
      listing(
        section.href,
        section.label,
        found.map((s) => teaserOf(s)),
        found,
      ),
    );
  }

  pages.set(
    '/robots.txt',
    content(robotsTxt([{ userAgent: '*', disallow: ['/login'] }], []), {
      contentType: TEXT,
      lastModified: '2024-01-01T00:00:00+01:00',
      cacheControl: 'public, max-age=86400',
    }),
  );
  const login = renderInfoPage(
    CHROME,
    'fr',
    `${origin}/login`,
    'Se connecter',
    ['Connectez-vous avec votre compte RTL pour accéder à vos contenus.'],
    '<form method="post" action="/login"><input type="email" name="email"><input type="password" name="password"><button type="submit">Connexion</button></form>',
  );
  pages.set(
    '/login',
    content(login, {
      lastModified: '2024-01-01T00:00:00+01:00',
      cacheControl: 'private, no-store',
    }),
  );
  addInfoPages(pages, CHROME, 'fr', origin);

  return {
    id: 'rtl',
    siteName: CHROME.siteName,
    router: staticRouter(pages, storyPagesRouter(CHROME, 'fr', origin, stories)),
    notFound: notFoundPage(CHROME, 'fr'),
  };
}
