// Links on home, section and search pages: same host, canonical, sorted into article links
// (the outlet's article pattern) and listing links to follow (its section pattern). An article
// link is never followed as a listing. Takes an already-parsed document. Pure.
import { getElementsByTagName, getAttributeValue } from 'domutils';
import type { Document } from 'domhandler';
import { canonicalUrl } from '../url/canonical.js';

export interface LinkPatterns {
  /** Over path and query; null: every same-host link that is not a listing is an article. */
  article: RegExp | null;
  /** Over path and query; null: no listing link is followed. */
  section: RegExp | null;
}

export interface PageLinks {
  articles: string[];
  sections: string[];
}

export function pageLinks(doc: Document, pageUrl: string, patterns: LinkPatterns): PageLinks {
  const host = new URL(pageUrl).host;
  const base = baseHref(doc, pageUrl);
  const articles = new Set<string>();
  const sections = new Set<string>();
  for (const a of getElementsByTagName('a', doc.children, true)) {
    const href = getAttributeValue(a, 'href');
    if (!href) continue;
    const url = canonicalUrl(href, base);
    if (!url) continue;
    const u = new URL(url);
    if (u.host !== host) continue;
    const target = u.pathname + u.search;
    const isSection = patterns.section?.test(target) ?? false;
    const isArticle = patterns.article ? patterns.article.test(target) : !isSection;
    if (isArticle) articles.add(url);
    else if (isSection) sections.add(url);
  }
  return { articles: [...articles], sections: [...sections] };
}

export function articleLinks(doc: Document, pageUrl: string, pattern: RegExp | null): string[] {
  return pageLinks(doc, pageUrl, { article: pattern, section: null }).articles;
}

function baseHref(doc: Document, pageUrl: string): string {
  const base = getElementsByTagName('base', doc.children, true, 1)[0];
  const href = base ? getAttributeValue(base, 'href') : undefined;
  if (!href) return pageUrl;
  try {
    return new URL(href, pageUrl).toString();
  } catch {
    return pageUrl;
  }
}
