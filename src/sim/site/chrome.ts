// The parts of an outlet page around the content: head assets, cookie notice, header with
// navigation, footer. Each outlet describes its chrome as data; this module renders it.
import { escapeHtml } from '../text.js';
import type { SimLang } from '../types.js';
import { LABELS } from './labels.js';

export interface NavItem {
  href: string;
  label: string;
}

export interface FooterColumn {
  title: string;
  links: NavItem[];
}

export interface ChromeDef {
  outlet: string;
  siteName: string;
  /** Appended to every <title>, e.g. ' | The Brussels Times'. */
  titleSuffix: string;
  publisherLogo: string;
  twitterSite: string;
  nav: NavItem[];
  /** Small links above the navigation (login, editions, subscribe). */
  topLinks: NavItem[];
  footer: FooterColumn[];
  copyright: string;
  /** 'notice': a plain cookie bar; 'didomi': a Didomi-like banner (the page script handles it). */
  consent: 'notice' | 'didomi';
  /** Third-party tags in <head>; use reserved .example hosts. */
  thirdPartyScripts: string[];
  articleBodyInJsonLd: boolean;
  /** The body paragraphs are fetched by a script after consent (RTL). */
  clientRenderedBody: boolean;
  /** Lead printed under the headline; false when the first paragraph is the lead (wire copy). */
  leadInHeader: boolean;
  /** A "read also" box between body paragraphs (Arc sites). */
  inlineReadAlso: boolean;
}

export type Chrome = ChromeDef;

const OG_LOCALE: Record<SimLang, string> = { en: 'en_GB', fr: 'fr_BE', nl: 'nl_BE' };

export function ogLocale(lang: SimLang): string {
  return OG_LOCALE[lang];
}

export function headAssets(c: Chrome): string {
  const tags = c.thirdPartyScripts.map((src) => `<script async src="${escapeHtml(src)}"></script>`);
  return [
    '<link rel="preconnect" href="https://cdn.mediatag.example">',
    '<link rel="stylesheet" href="/static/site.css">',
    '<link rel="icon" href="/favicon.ico">',
    ...tags,
    `<script>window.dataLayer=window.dataLayer||[];window.dataLayer.push({"site":"${c.outlet}","env":"prod"});</script>`,
  ].join('\n');
}

export function cookieNotice(c: Chrome, lang: SimLang): string {
  const l = LABELS[lang];
  if (c.consent === 'didomi') {
    return `<div id="didomi-host" class="didomi-host" aria-live="polite">
<div class="didomi-popup-notice" role="dialog" aria-label="Cookies">
<p class="didomi-notice-text">${escapeHtml(l.cookieText)}</p>
<div class="didomi-buttons"><button id="didomi-notice-learn-more-button" type="button">${escapeHtml(l.cookieSettings)}</button>
<button id="didomi-notice-agree-button" type="button">Accepter &amp; Fermer</button></div>
</div></div>`;
  }
  return `<div class="cookie-notice" role="dialog" aria-label="Cookies">
<p>${escapeHtml(l.cookieText)} <a href="/privacy">${escapeHtml(l.cookieSettings)}</a></p>
<button type="button" class="cookie-accept">${escapeHtml(l.cookieAccept)}</button>
</div>`;
}

function navList(items: NavItem[], activePath: string, cls: string): string {
  const lis = items.map((i) => {
    const active = activePath === i.href ? ' class="active" aria-current="page"' : '';
    return `<li${active}><a href="${escapeHtml(i.href)}">${escapeHtml(i.label)}</a></li>`;
  });
  return `<ul class="${cls}">${lis.join('')}</ul>`;
}

export function siteHeader(c: Chrome, lang: SimLang, activePath: string): string {
  const l = LABELS[lang];
  return `${cookieNotice(c, lang)}
<a class="skip-link" href="#main">Skip to content</a>
<header class="site-header">
<div class="top-bar">${navList(c.topLinks, activePath, 'top-links')}</div>
<div class="brand"><a href="/" class="logo" title="${escapeHtml(c.siteName)}"><img src="${escapeHtml(c.publisherLogo)}" alt="${escapeHtml(c.siteName)}" width="220" height="40"></a>
<button class="menu-toggle" type="button" aria-expanded="false">${escapeHtml(l.menu)}</button>
<form class="search" action="/search" method="get" role="search"><input type="search" name="q" placeholder="${escapeHtml(l.search)}"><button type="submit">${escapeHtml(l.search)}</button></form></div>
<nav class="main-nav" aria-label="Main">${navList(c.nav, activePath, 'nav-list')}</nav>
</header>`;
}

export function siteFooter(c: Chrome): string {
  const cols = c.footer.map(
    (col) =>
      `<div class="footer-col"><h3>${escapeHtml(col.title)}</h3>${navList(col.links, '', 'footer-links')}</div>`,
  );
  return `<footer class="site-footer">
<div class="footer-columns">${cols.join('\n')}</div>
<p class="copyright">${escapeHtml(c.copyright)}</p>
</footer>`;
}

export function bodyEndScripts(): string {
  return '<script src="/static/site.js" defer></script>';
}

export function newsletterPrompt(lang: SimLang): string {
  const l = LABELS[lang];
  return `<section class="newsletter-prompt">
<h2>${escapeHtml(l.newsletterTitle)}</h2><p>${escapeHtml(l.newsletterText)}</p>
<form action="/newsletter" method="post"><input type="email" name="email" placeholder="${escapeHtml(l.emailPlaceholder)}"><button type="submit">${escapeHtml(l.newsletterButton)}</button></form>
</section>`;
}

export function shareBar(url: string, title: string, lang: SimLang): string {
  const u = encodeURIComponent(url);
  const t = encodeURIComponent(title);
  return `<div class="share-bar" aria-label="${escapeHtml(LABELS[lang].share)}"><span>${escapeHtml(LABELS[lang].share)}</span>
<a class="share-facebook" href="https://www.facebook.com/sharer/sharer.php?u=${u}" rel="noopener" target="_blank">Facebook</a>
<a class="share-x" href="https://twitter.com/intent/tweet?url=${u}&amp;text=${t}" rel="noopener" target="_blank">X</a>
<a class="share-linkedin" href="https://www.linkedin.com/sharing/share-offsite/?url=${u}" rel="noopener" target="_blank">LinkedIn</a>
<a class="share-whatsapp" href="https://wa.me/?text=${t}%20${u}" rel="noopener" target="_blank">WhatsApp</a>
<a class="share-mail" href="mailto:?subject=${t}&amp;body=${u}">E-mail</a>
<button type="button" class="copy-link" data-url="${escapeHtml(url)}">${escapeHtml(LABELS[lang].copyLink)}</button></div>`;
}

export function breadcrumbs(items: NavItem[], current: string, lang: SimLang): string {
  const links = [{ href: '/', label: LABELS[lang].home }, ...items].map(
    (i) => `<li><a href="${escapeHtml(i.href)}">${escapeHtml(i.label)}</a></li>`,
  );
  return `<nav class="breadcrumbs" aria-label="Breadcrumb"><ol>${links.join('')}<li aria-current="page">${escapeHtml(current)}</li></ol></nav>`;
}
