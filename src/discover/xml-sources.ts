// Sitemaps (index, urlset, Google News) and feeds (RSS 2.0, Atom, RDF/RSS 1.0) → candidate
// URLs. Pure: text in, values out. Parsed with htmlparser2 in XML mode, once per document.
// Dates: `published` is when the article appeared (news:publication_date, pubDate, dc:date,
// Atom published); `modified` only says it existed by then (sitemap lastmod, Atom updated).
import { getElementsByTagName, textContent, getAttributeValue } from 'domutils';
import type { Element } from 'domhandler';
import { MwError } from '../errors.js';
import { parseXml } from '../html/parse.js';
import { parseDateValue } from '../time/parse-date.js';

export interface Candidate {
  url: string;
  published?: string | undefined;
  modified?: string | undefined;
  title?: string | undefined;
  /** Language code as the source gives it, lower-cased (news:language, RSS language, xml:lang). */
  language?: string | undefined;
}

export interface ChildSitemap {
  url: string;
  lastmod?: string | undefined;
}

export type XmlSource =
  | {
      kind: 'sitemapindex';
      /** Child sitemap URLs, in document order. */
      sitemaps: string[];
      /** The same with their lastmod. */
      children: ChildSitemap[];
    }
  | { kind: 'urlset'; urls: Candidate[] }
  | { kind: 'feed'; urls: Candidate[] };

function localName(name: string): string {
  const i = name.indexOf(':');
  return (i >= 0 ? name.slice(i + 1) : name).toLowerCase();
}

function local(el: Element): string {
  return localName(el.name);
}

function children(el: Element, name: string): Element[] {
  return el.children.filter((c): c is Element => c.type === 'tag' && local(c as Element) === name);
}

function childText(el: Element, name: string): string | undefined {
  for (const c of children(el, name)) {
    const t = textContent(c).trim();
    if (t) return t;
  }
  return undefined;
}

function descendant(el: Element, name: string): Element | undefined {
  return getElementsByTagName((n) => localName(n) === name, el.children, true, 1)[0];
}

/** A feed or sitemap date, read as article dates are (a value without a zone is Brussels time),
 * as a UTC ISO string. */
function toIso(date: string | undefined): string | undefined {
  const iso = parseDateValue(date);
  return iso === null ? undefined : new Date(Date.parse(iso)).toISOString();
}

function lang(value: string | undefined): string | undefined {
  return value ? value.trim().toLowerCase() || undefined : undefined;
}

/** Resolves a link against the source URL (Atom and some feeds use relative links). */
function resolve(link: string, sourceUrl: string): string {
  try {
    return new URL(link, sourceUrl).toString();
  } catch {
    return link;
  }
}

export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 2048).trimStart().toLowerCase();
  return head.startsWith('<!doctype html') || head.startsWith('<html');
}

/** Parses a sitemap or feed; throws MW_ERR_NOT_XML when the body is HTML or not a known format. */
export function parseXmlSource(text: string, sourceUrl: string): XmlSource {
  if (looksLikeHtml(text)) {
    throw new MwError(
      'MW_ERR_NOT_XML',
      `${sourceUrl} answered an HTML page where a sitemap or feed was expected`,
    );
  }
  const doc = parseXml(text);
  const root = doc.children.find((c): c is Element => c.type === 'tag');
  if (!root) throw new MwError('MW_ERR_NOT_XML', `${sourceUrl} is not XML`);
  const tags = (name: string): Element[] =>
    getElementsByTagName((n) => localName(n) === name, root.children, true);
  switch (local(root)) {
    case 'sitemapindex': {
      const children = tags('sitemap').flatMap((m): ChildSitemap[] => {
        const loc = childText(m, 'loc');
        if (!loc) return [];
        return [{ url: resolve(loc, sourceUrl), lastmod: toIso(childText(m, 'lastmod')) }];
      });
      return { kind: 'sitemapindex', sitemaps: children.map((c) => c.url), children };
    }
    case 'urlset':
      return { kind: 'urlset', urls: tags('url').flatMap((u) => urlEntry(u, sourceUrl)) };
    case 'rss':
    case 'rdf': {
      const channel = descendant(root, 'channel');
      const feedLang = lang(channel && childText(channel, 'language'));
      return { kind: 'feed', urls: tags('item').flatMap((i) => rssItem(i, sourceUrl, feedLang)) };
    }
    case 'feed': {
      const feedLang = lang(getAttributeValue(root, 'xml:lang'));
      return {
        kind: 'feed',
        urls: tags('entry').flatMap((e) => atomEntry(e, sourceUrl, feedLang)),
      };
    }
    default:
      throw new MwError('MW_ERR_NOT_XML', `${sourceUrl}: unknown XML root <${root.name}>`);
  }
}

function urlEntry(u: Element, sourceUrl: string): Candidate[] {
  const loc = childText(u, 'loc');
  if (!loc) return [];
  const news = descendant(u, 'news');
  const pub = news ? descendant(news, 'publication') : undefined;
  return [
    {
      url: resolve(loc, sourceUrl),
      published: toIso(news ? childText(news, 'publication_date') : undefined),
      modified: toIso(childText(u, 'lastmod')),
      title: news ? childText(news, 'title') : undefined,
      language: lang(pub ? childText(pub, 'language') : undefined),
    },
  ];
}

function rssItem(item: Element, sourceUrl: string, feedLang: string | undefined): Candidate[] {
  // A <guid> stands in for a missing <link> only when it is a permalink and a URL: many feeds
  // use ids there without saying isPermaLink="false".
  const guid = children(item, 'guid')[0];
  const guidText = guid ? textContent(guid).trim() : '';
  const permalink =
    guid &&
    (getAttributeValue(guid, 'isPermaLink') ?? 'true').toLowerCase() === 'true' &&
    /^https?:\/\//i.test(guidText)
      ? guidText
      : undefined;
  const link = childText(item, 'link') ?? getAttributeValue(item, 'rdf:about') ?? permalink;
  if (!link) return [];
  return [
    {
      url: resolve(link, sourceUrl),
      title: childText(item, 'title'),
      published: toIso(childText(item, 'pubdate') ?? childText(item, 'date')),
      language: lang(childText(item, 'language')) ?? feedLang,
    },
  ];
}

function atomEntry(entry: Element, sourceUrl: string, feedLang: string | undefined): Candidate[] {
  const links = children(entry, 'link');
  const alt =
    links.find((l) => (getAttributeValue(l, 'rel') ?? 'alternate') === 'alternate') ?? links[0];
  const href = alt ? getAttributeValue(alt, 'href') : undefined;
  if (!href) return [];
  return [
    {
      url: resolve(href, sourceUrl),
      title: childText(entry, 'title'),
      published: toIso(childText(entry, 'published') ?? childText(entry, 'issued')),
      modified: toIso(childText(entry, 'updated') ?? childText(entry, 'modified')),
      language: lang(getAttributeValue(entry, 'xml:lang')) ?? feedLang,
    },
  ];
}
