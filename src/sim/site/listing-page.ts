// Home pages, section pages and small static pages (about, privacy, login) of an outlet.
import { displayDate, escapeHtml } from '../text.js';
import type { SimLang } from '../types.js';
import {
  bodyEndScripts,
  headAssets,
  newsletterPrompt,
  ogLocale,
  siteFooter,
  siteHeader,
} from './chrome.js';
import type { Chrome } from './chrome.js';

export interface Teaser {
  /** Link target as the page prints it (may be relative or a legacy URL). */
  href: string;
  title: string;
  lead: string;
  published: string;
  sectionName: string;
  imagePath?: string;
}

export interface TeaserBlock {
  heading: string;
  teasers: Teaser[];
  /** Optional "more" link under the block. */
  more?: { href: string; label: string };
}

export interface ListingOptions {
  lang: SimLang;
  /** Path of the page on its host. */
  path: string;
  url: string;
  /** Full <title> text (the site suffix is added). */
  title: string;
  heading: string;
  description: string;
  blocks: TeaserBlock[];
  /** Extra links printed in an aside (e.g. a preview link, archives). */
  asideLinks?: Array<{ href: string; label: string }>;
  pageClass?: string;
}

function teaserHtml(t: Teaser, lang: SimLang): string {
  const img = t.imagePath
    ? `<a href="${escapeHtml(t.href)}" class="teaser-image" tabindex="-1"><img src="${escapeHtml(t.imagePath)}" alt="" width="400" height="266" loading="lazy"></a>`
    : '';
  return `<article class="teaser">${img}
<p class="teaser-section">${escapeHtml(t.sectionName)}</p>
<h3 class="teaser-title"><a href="${escapeHtml(t.href)}">${escapeHtml(t.title)}</a></h3>
<p class="teaser-lead">${escapeHtml(t.lead)}</p>
<time datetime="${t.published}">${escapeHtml(displayDate(t.published, lang))}</time></article>`;
}

function blockHtml(b: TeaserBlock, lang: SimLang): string {
  const teasers = b.teasers.map((t) => teaserHtml(t, lang)).join('\n');
  const more = b.more
    ? `<p class="more"><a href="${escapeHtml(b.more.href)}">${escapeHtml(b.more.label)}</a></p>`
    : '';
  return `<section class="teaser-block"><h2>${escapeHtml(b.heading)}</h2>\n${teasers}\n${more}</section>`;
}

export function renderListing(c: Chrome, o: ListingOptions): string {
  const e = escapeHtml;
  const aside = (o.asideLinks ?? [])
    .map((l) => `<li><a href="${e(l.href)}">${e(l.label)}</a></li>`)
    .join('');
  return `<!DOCTYPE html>
<html lang="${o.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(o.title + c.titleSuffix)}</title>
<meta name="description" content="${e(o.description)}">
<link rel="canonical" href="${e(o.url)}">
<meta property="og:site_name" content="${e(c.siteName)}">
<meta property="og:locale" content="${ogLocale(o.lang)}">
<meta property="og:type" content="website">
<meta property="og:title" content="${e(o.title)}">
<meta property="og:url" content="${e(o.url)}">
${headAssets(c)}
</head>
<body class="${e(o.pageClass ?? 'listing-page')} outlet-${c.outlet}">
${siteHeader(c, o.lang, o.path)}
<main id="main" class="main">
<h1 class="page-title">${e(o.heading)}</h1>
${o.blocks.map((b) => blockHtml(b, o.lang)).join('\n')}
${aside ? `<aside class="sidebar"><ul>${aside}</ul></aside>` : ''}
${newsletterPrompt(o.lang)}
</main>
${siteFooter(c)}
${bodyEndScripts()}
</body>
</html>
`;
}

/** A short static page: about, contact, privacy, login. */
export function renderInfoPage(
  c: Chrome,
  lang: SimLang,
  url: string,
  title: string,
  paragraphs: string[],
  extraHtml = '',
): string {
  const e = escapeHtml;
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(title + c.titleSuffix)}</title>
<link rel="canonical" href="${e(url)}">
<meta property="og:type" content="website">
${headAssets(c)}
</head>
<body class="info-page outlet-${c.outlet}">
${siteHeader(c, lang, '')}
<main id="main" class="main"><h1>${e(title)}</h1>
${paragraphs.map((p) => `<p>${e(p)}</p>`).join('\n')}
${extraHtml}
</main>
${siteFooter(c)}
${bodyEndScripts()}
</body>
</html>
`;
}
