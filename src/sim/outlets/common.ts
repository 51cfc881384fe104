// What every hand-written outlet shares: article responses, teasers, info pages for the
// links in its chrome, and the author, tag and search pages its article pages link to.
import { content, errorPage } from '../respond.js';
import type { Chrome } from '../site/chrome.js';
import { renderArticle, type ArticleView } from '../site/article-page.js';
import { LABELS } from '../site/labels.js';
import { renderInfoPage, renderListing, type Teaser } from '../site/listing-page.js';
import { latest, slugify } from '../text.js';
import type { Router, SimLang, SimResponse, Story } from '../types.js';

export interface OutletSite {
  id: string;
  siteName: string;
  router: Router;
  notFound: SimResponse;
}

export const ARTICLE_CACHE = 'public, max-age=120, stale-while-revalidate=600';
export const LISTING_CACHE = 'public, max-age=60';
export const FEED_CACHE = 'public, max-age=300';

export function articleView(s: Story, alternates?: ArticleView['alternates']): ArticleView {
  return {
    ...s,
    related: s.related.map((r) => ({ url: r.url, title: r.title })),
    ...(alternates ? { alternates } : {}),
  };
}

export function articleResponse(
  c: Chrome,
  s: Story,
  origin: string,
  alternates?: ArticleView['alternates'],
): SimResponse {
  return content(renderArticle(c, articleView(s, alternates), origin), {
    lastModified: s.modified ?? s.published,
    cacheControl: ARTICLE_CACHE,
  });
}

export function teaserOf(s: Story, href: string = s.path): Teaser {
  return {
    href,
    title: s.title,
    lead: s.lead,
    published: s.published,
    sectionName: s.sectionName,
    imagePath: s.image.path,
  };
}

export function newest(stories: Story[]): string {
  return latest(stories.map((s) => s.modified ?? s.published));
}

export function listingResponse(html: string, stories: Story[]): SimResponse {
  return content(html, { lastModified: newest(stories), cacheControl: LISTING_CACHE });
}

const INFO_TEXT: Record<SimLang, string[]> = {
  en: [
    'This page gives practical information about our publication, our team and how to reach us.',
    'For questions about your subscription or our newsletters, please use the contact form.',
  ],
  fr: [
    'Cette page rassemble les informations pratiques sur notre rédaction et la manière de nous joindre.',
    'Pour toute question sur votre abonnement ou nos newsletters, utilisez le formulaire de contact.',
  ],
  nl: [
    'Op deze pagina vind je praktische informatie over onze redactie en hoe je ons kunt bereiken.',
    'Voor vragen over je abonnement of onze nieuwsbrieven gebruik je het contactformulier.',
  ],
};

/** A small page for every internal link of the chrome that is not already a page. */
export function addInfoPages(
  pages: Map<string, SimResponse>,
  c: Chrome,
  lang: SimLang,
  origin: string,
): void {
  const links = [...c.topLinks, ...c.footer.flatMap((col) => col.links)];
  for (const link of links) {
    if (!link.href.startsWith('/') || pages.has(link.href)) continue;
    const html = renderInfoPage(c, lang, origin + link.href, link.label, INFO_TEXT[lang]);
    pages.set(
      link.href,
      content(html, { lastModified: '2024-01-01T09:00:00+01:00', cacheControl: LISTING_CACHE }),
    );
  }
}

const fold = (t: string): string =>
  t
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

/**
 * Author pages (/auteur/{slug}), tag pages (/tag/{slug}) and site search (/search?q=words:
 * every word must occur in the title, lead or body), as the article pages link them.
 */
export function storyPagesRouter(
  c: Chrome,
  lang: SimLang,
  origin: string,
  stories: Story[],
): Router {
  const listing = (path: string, heading: string, found: Story[]): SimResponse =>
    content(
      renderListing(c, {
        lang,
        path,
        url: origin + path,
        title: heading,
        heading,
        description: heading,
        blocks: [{ heading: LABELS[lang].latest, teasers: found.map((s) => teaserOf(s)) }],
        pageClass: 'listing-page search-page',
      }),
      {
        lastModified: found.length ? newest(found) : '2024-01-01T09:00:00+01:00',
        cacheControl: LISTING_CACHE,
      },
    );
  return (pathname, query) => {
    const author = /^\/auteur\/([a-z0-9-]+)$/.exec(pathname)?.[1];
    if (author) {
      const found = stories.filter((s) => s.authors.some((a) => slugify(a) === author));
      const name = found[0]?.authors.find((a) => slugify(a) === author);
      return name ? listing(pathname, name, found) : undefined;
    }
    const tag = /^\/tag\/([a-z0-9-]+)$/.exec(pathname)?.[1];
    if (tag) {
      const found = stories.filter((s) => s.tags.some((t) => slugify(t) === tag));
      const name = found[0]?.tags.find((t) => slugify(t) === tag);
      return name ? listing(pathname, name, found) : undefined;
    }
    if (pathname === '/search') {
      const words = fold(query.get('q') ?? '')
        .split(/\s+/)
        .filter(Boolean);
      const found = words.length
        ? stories.filter((s) => {
            const text = fold([s.title, s.lead, ...s.paragraphs].join(' '));
            return words.every((w) => text.includes(w));
          })
        : [];
      return listing(
        `/search?q=${encodeURIComponent(query.get('q') ?? '')}`,
        `${LABELS[lang].search}: ${query.get('q') ?? ''}`,
        found,
      );
    }
    return undefined;
  };
}

export function notFoundPage(c: Chrome, lang: SimLang): SimResponse {
  return errorPage(404, LABELS[lang].notFoundTitle, LABELS[lang].notFoundText, c.siteName, lang);
}
