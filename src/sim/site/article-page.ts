// Renders one article page the way news sites do: full <head> metadata, JSON-LD, chrome,
// breadcrumbs, byline, photo with credit, body, share bar, newsletter, related links.
import { displayDate, escapeHtml, inlineJson, slugify } from '../text.js';
import type { SimImage, SimLang } from '../types.js';
import {
  bodyEndScripts,
  breadcrumbs,
  headAssets,
  newsletterPrompt,
  ogLocale,
  shareBar,
  siteFooter,
  siteHeader,
  type Chrome,
  type NavItem,
} from './chrome.js';
import { LABELS } from './labels.js';
import { consentScript } from './rtl-consent.js';

/** What the renderer needs to know about an article (hand-written or generated). */
export interface ArticleView {
  id: string;
  lang: SimLang;
  url: string;
  title: string;
  lead: string;
  paragraphs: string[];
  published: string;
  modified?: string;
  authors: string[];
  sectionPath: string;
  sectionName: string;
  tags: string[];
  image: SimImage;
  related: Array<{ url: string; title: string }>;
  /** Other language versions: hreflang -> URL. */
  alternates?: Partial<Record<SimLang, string>>;
}

export interface RenderExtras {
  /** Extra markup at the end of <head> (generated pages add their state blob). */
  head?: string;
  /** Extra markup before </body>. */
  bodyEnd?: string;
  /** Precomputed header / footer, for pages rendered in bulk. */
  header?: string;
  footer?: string;
}

function jsonLd(c: Chrome, a: ArticleView, origin: string): string {
  const article: Record<string, unknown> = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    mainEntityOfPage: { '@type': 'WebPage', '@id': a.url },
    url: a.url,
    headline: a.title,
    description: a.lead,
    image: [origin + a.image.path],
    datePublished: a.published,
    dateModified: a.modified ?? a.published,
    author: a.authors.map((name) => ({
      '@type': 'Person',
      name,
      url: `${origin}/auteur/${slugify(name)}`,
    })),
    publisher: {
      '@type': 'Organization',
      name: c.siteName,
      logo: { '@type': 'ImageObject', url: origin + c.publisherLogo },
    },
    articleSection: a.sectionName,
    inLanguage: a.lang,
    keywords: a.tags.join(', '),
    isAccessibleForFree: true,
  };
  if (c.articleBodyInJsonLd) article.articleBody = a.paragraphs.join('\n\n');
  const crumbs = {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: [
      { '@type': 'ListItem', position: 1, name: LABELS[a.lang].home, item: `${origin}/` },
      { '@type': 'ListItem', position: 2, name: a.sectionName, item: origin + a.sectionPath },
      { '@type': 'ListItem', position: 3, name: a.title },
    ],
  };
  return `<script type="application/ld+json">${inlineJson(article)}</script>
<script type="application/ld+json">${inlineJson(crumbs)}</script>`;
}

function headMeta(c: Chrome, a: ArticleView, origin: string): string {
  const e = escapeHtml;
  const alternates = Object.entries(a.alternates ?? {}).map(
    ([lang, url]) => `<link rel="alternate" hreflang="${lang}" href="${e(url)}">`,
  );
  const authors = a.authors.map((n) => `<meta property="article:author" content="${e(n)}">`);
  const tags = a.tags.map((t) => `<meta property="article:tag" content="${e(t)}">`);
  return [
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${e(a.title + c.titleSuffix)}</title>`,
    `<meta name="description" content="${e(a.lead)}">`,
    '<meta name="robots" content="index, follow, max-image-preview:large">',
    `<link rel="canonical" href="${e(a.url)}">`,
    ...alternates,
    `<meta property="og:site_name" content="${e(c.siteName)}">`,
    `<meta property="og:locale" content="${ogLocale(a.lang)}">`,
    '<meta property="og:type" content="article">',
    `<meta property="og:title" content="${e(a.title)}">`,
    `<meta property="og:description" content="${e(a.lead)}">`,
    `<meta property="og:url" content="${e(a.url)}">`,
    `<meta property="og:image" content="${e(origin + a.image.path)}">`,
    '<meta property="og:image:width" content="1200"><meta property="og:image:height" content="800">',
    `<meta property="article:published_time" content="${a.published}">`,
    `<meta property="article:modified_time" content="${a.modified ?? a.published}">`,
    `<meta property="article:section" content="${e(a.sectionName)}">`,
    ...authors,
    ...tags,
    '<meta name="twitter:card" content="summary_large_image">',
    `<meta name="twitter:site" content="${e(c.twitterSite)}">`,
    `<meta name="twitter:title" content="${e(a.title)}">`,
    headAssets(c),
    jsonLd(c, a, origin),
  ].join('\n');
}

function relatedBox(a: ArticleView, cls: string): string {
  if (a.related.length === 0) return '';
  const items = a.related.map(
    (r) => `<li><a href="${escapeHtml(r.url)}">${escapeHtml(r.title)}</a></li>`,
  );
  return `<aside class="${cls}"><h2>${escapeHtml(LABELS[a.lang].readMore)}</h2><ul>${items.join('')}</ul></aside>`;
}

function bodyHtml(c: Chrome, a: ArticleView): string {
  if (c.clientRenderedBody) {
    return `<div class="article-body" data-article-id="${escapeHtml(a.id)}"></div>`;
  }
  const ps = a.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`);
  const first = a.related[0];
  if (c.inlineReadAlso && first && ps.length > 3) {
    const box = `<div class="read-also"><span class="read-also-label">${escapeHtml(LABELS[a.lang].readMore)}</span> <a href="${escapeHtml(first.url)}">${escapeHtml(first.title)}</a></div>`;
    ps.splice(2, 0, box);
  }
  return `<div class="article-body">\n${ps.join('\n')}\n</div>`;
}

function byline(a: ArticleView): string {
  const l = LABELS[a.lang];
  const names = a.authors.map(
    (n) => `<a rel="author" class="author" href="/auteur/${slugify(n)}">${escapeHtml(n)}</a>`,
  );
  const updated =
    a.modified && a.modified !== a.published
      ? ` <span class="updated">${escapeHtml(l.updated)} <time datetime="${a.modified}">${escapeHtml(displayDate(a.modified, a.lang))}</time></span>`
      : '';
  return `<div class="byline"><span class="by">${escapeHtml(l.by)} ${names.join(', ')}</span>
<span class="date">${escapeHtml(l.published)} <time datetime="${a.published}">${escapeHtml(displayDate(a.published, a.lang))}</time></span>${updated}</div>`;
}

function figure(a: ArticleView): string {
  const i = a.image;
  return `<figure class="article-image"><img src="${escapeHtml(i.path)}" alt="${escapeHtml(i.alt)}" width="1200" height="800" loading="eager">
<figcaption><span class="caption">${escapeHtml(i.caption)}</span> <span class="credit">${escapeHtml(i.credit)}</span></figcaption></figure>`;
}

export function renderArticleParts(
  c: Chrome,
  a: ArticleView,
  origin: string,
  x: RenderExtras = {},
): { before: string; after: string } {
  const crumbs: NavItem[] = [{ href: a.sectionPath, label: a.sectionName }];
  const lead =
    c.leadInHeader && !c.clientRenderedBody
      ? `<p class="article-lead">${escapeHtml(a.lead)}</p>`
      : '';
  const tags = a.tags.map((t) => `<li><a href="/tag/${slugify(t)}">${escapeHtml(t)}</a></li>`);
  const before = `<!DOCTYPE html>
<html lang="${a.lang}">
<head>
${headMeta(c, a, origin)}
${x.head ?? ''}
</head>
<body class="article-page outlet-${c.outlet}">
${x.header ?? siteHeader(c, a.lang, a.sectionPath)}
<main id="main" class="main">
${breadcrumbs(crumbs, a.title, a.lang)}
<article class="article" data-id="${escapeHtml(a.id)}">
<header class="article-header">
<p class="kicker"><a href="${escapeHtml(a.sectionPath)}">${escapeHtml(a.sectionName)}</a></p>
<h1 class="article-title">${escapeHtml(a.title)}</h1>
${lead}
${byline(a)}
${shareBar(a.url, a.title, a.lang)}
</header>
${figure(a)}
${bodyHtml(c, a)}
<div class="article-tags"><h2>${escapeHtml(LABELS[a.lang].tags)}</h2><ul>${tags.join('')}</ul></div>
</article>
${newsletterPrompt(a.lang)}
${relatedBox(a, 'related')}
<section class="comments" id="comments"><h2>${escapeHtml(LABELS[a.lang].comments)}</h2><div class="comments-placeholder" data-thread="${escapeHtml(a.id)}"></div></section>
</main>
${x.footer ?? siteFooter(c)}
${c.clientRenderedBody ? consentScript() : ''}
${bodyEndScripts()}
`;
  return { before, after: '\n</body>\n</html>\n' };
}

export function renderArticle(
  c: Chrome,
  a: ArticleView,
  origin: string,
  x: RenderExtras = {},
): string {
  const { before, after } = renderArticleParts(c, a, origin, x);
  return before + (x.bodyEnd ?? '') + after;
}
