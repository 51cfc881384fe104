// Sitemaps (index, urlset, Google News) and feeds (RSS 2.0, Atom, RDF) → candidate URLs. Pure:
// text in, values out. Parsed with htmlparser2 in XML mode, once per document.
import { parseDocument } from 'htmlparser2';
import { getElementsByTagName, textContent, getAttributeValue } from 'domutils';
import type { Element } from 'domhandler';
import { MwError } from '../errors.js';

export interface Candidate {
  url: string;
  published?: string | undefined;
  title?: string | undefined;
  language?: string | undefined;
}

export type XmlSource =
  | { kind: 'sitemapindex'; sitemaps: string[] }
  | { kind: 'urlset'; urls: Candidate[] }
  | { kind: 'feed'; urls: Candidate[] };

function localName(name: string): string {
  const i = name.indexOf(':');
  return (i >= 0 ? name.slice(i + 1) : name).toLowerCase();
}

function local(el: Element): string {
  return localName(el.name);
}

function childText(el: Element, name: string): string | undefined {
  for (const c of el.children) {
    if (c.type === 'tag' && local(c as Element) === name) {
      const t = textContent(c).trim();
      if (t) return t;
    }
  }
  return undefined;
}

function descendant(el: Element, name: string): Element | undefined {
  return getElementsByTagName((n) => localName(n) === name, el.children, true, 1)[0];
}

function toIso(date: string | undefined): string | undefined {
  if (!date) return undefined;
  const t = Date.parse(date);
  return Number.isNaN(t) ? undefined : new Date(t).toISOString();
}

/** Parses a sitemap or feed; throws MW_ERR_NOT_XML when the body is HTML or not a known format. */
export function parseXmlSource(text: string, sourceUrl: string): XmlSource {
  const head = text.slice(0, 2048).trimStart().toLowerCase();
  if (head.startsWith('<!doctype html') || head.startsWith('<html')) {
    throw new MwError(
      'MW_ERR_NOT_XML',
      `${sourceUrl} answered an HTML page where a sitemap or feed was expected`,
    );
  }
  const doc = parseDocument(text, { xmlMode: true });
  const root = doc.children.find((c): c is Element => c.type === 'tag');
  if (!root) throw new MwError('MW_ERR_NOT_XML', `${sourceUrl} is not XML`);
  const rootName = local(root);
  const tags = (name: string): Element[] =>
    getElementsByTagName((n) => localName(n) === name, root.children, true);
  if (rootName === 'sitemapindex') {
    return {
      kind: 'sitemapindex',
      sitemaps: tags('sitemap')
        .map((s) => childText(s, 'loc'))
        .filter((u): u is string => !!u),
    };
  }
  if (rootName === 'urlset') {
    const urls: Candidate[] = [];
    for (const u of tags('url')) {
      const loc = childText(u, 'loc');
      if (!loc) continue;
      const news = descendant(u, 'news');
      const pub = news ? descendant(news, 'publication') : undefined;
      urls.push({
        url: loc,
        published: toIso(news ? childText(news, 'publication_date') : childText(u, 'lastmod')),
        title: news ? childText(news, 'title') : undefined,
        language: pub ? childText(pub, 'language') : undefined,
      });
    }
    return { kind: 'urlset', urls };
  }
  if (rootName === 'rss' || rootName === 'rdf') {
    const urls = tags('item').flatMap((item): Candidate[] => {
      const link = childText(item, 'link') ?? getAttributeValue(item, 'rdf:about');
      if (!link) return [];
      return [
        {
          url: link,
          title: childText(item, 'title'),
          published: toIso(childText(item, 'pubdate') ?? childText(item, 'date')),
        },
      ];
    });
    return { kind: 'feed', urls };
  }
  if (rootName === 'feed') {
    const urls = tags('entry').flatMap((entry): Candidate[] => {
      const links = entry.children.filter(
        (c): c is Element => c.type === 'tag' && local(c as Element) === 'link',
      );
      const alt =
        links.find((l) => (getAttributeValue(l, 'rel') ?? 'alternate') === 'alternate') ?? links[0];
      const href = alt ? getAttributeValue(alt, 'href') : undefined;
      if (!href) return [];
      return [
        {
          url: href,
          title: childText(entry, 'title'),
          published: toIso(childText(entry, 'published') ?? childText(entry, 'updated')),
        },
      ];
    });
    return { kind: 'feed', urls };
  }
  throw new MwError('MW_ERR_NOT_XML', `${sourceUrl}: unknown XML root <${root.name}>`);
}
