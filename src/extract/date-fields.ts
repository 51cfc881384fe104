// Published and modified dates, from the most to the least explicit source: JSON-LD, <meta>
// (Open Graph article:*, Dublin Core, Parse.ly, …), microdata and <time datetime>, then dates
// written out in the page's date line ("Publié le 5 janvier 2024 à 14h03").
import { attr, boundedText, forEachElement, hintString, isElement, textOf } from './dom.js';
import type { Document, Element } from './dom.js';
import { parseDateValue } from '../time/parse-date.js';
import type { JsonLd } from './json-ld.js';
import { ldString, typesOf } from './json-ld.js';
import type { PageMeta } from './page-meta.js';
import { findWrittenDates } from '../time/written-date.js';

export interface DateFields {
  published: string | null;
  modified: string | null;
}

const PUBLISHED_META = [
  'article:published_time',
  'og:article:published_time',
  'article:published',
  'datepublished',
  'pubdate',
  'publishdate',
  'publish-date',
  'publish_date',
  'published_time',
  'dc.date.issued',
  'dcterms.issued',
  'dcterms.created',
  'dc.date.created',
  'dc.date',
  'date',
  'parsely-pub-date',
  'sailthru.date',
  'article.published',
  'cxenseparse:recs:publishtime',
  'originalpublicationdate',
];
const MODIFIED_META = [
  'article:modified_time',
  'og:article:modified_time',
  'og:updated_time',
  'datemodified',
  'dcterms.modified',
  'dc.date.modified',
  'last-modified',
  'lastmod',
  'article.updated',
  'cxenseparse:recs:articlemodifiedtime',
];
const DATE_HINT =
  /date|time|publi|datum|dateline|byline|meta|posted|updated|timestamp|signature|info/;
const MAX_DATE_LINE = 200;
const MAX_DATE_LINES = 40;
const PAGE_TYPES = new Set(['webpage', 'itempage', 'medicalwebpage']);

export function extractDates(doc: Document, meta: PageMeta, ld: JsonLd): DateFields {
  const ldDates = fromJsonLd(ld);
  let written: DateFields | null = null;
  const writtenLines = (): DateFields => (written ??= fromWrittenLines(doc, meta));
  const published =
    ldDates.published ??
    fromMeta(meta, PUBLISHED_META) ??
    fromItemprop(meta, 'datepublished') ??
    fromTimeElements(meta, 'published') ??
    writtenLines().published;
  const modified =
    ldDates.modified ??
    fromMeta(meta, MODIFIED_META) ??
    fromItemprop(meta, 'datemodified') ??
    fromTimeElements(meta, 'modified') ??
    writtenLines().modified;
  return { published, modified };
}

function fromJsonLd(ld: JsonLd): DateFields {
  const nodes = ld.article !== null ? [ld.article] : [];
  for (const n of ld.nodes) if (typesOf(n).some((t) => PAGE_TYPES.has(t))) nodes.push(n);
  let published: string | null = null;
  let modified: string | null = null;
  for (const node of nodes) {
    published ??= parseDateValue(ldString(node['datePublished']) ?? ldString(node['dateCreated']));
    modified ??= parseDateValue(ldString(node['dateModified']));
  }
  return { published, modified };
}

function fromMeta(meta: PageMeta, keys: readonly string[]): string | null {
  for (const key of keys) {
    for (const v of meta.metas.get(key) ?? []) {
      const d = parseDateValue(v);
      if (d !== null) return d;
    }
  }
  return null;
}

function fromItemprop(meta: PageMeta, prop: string): string | null {
  for (const el of meta.itemprops) {
    if (attr(el, 'itemprop').toLowerCase() !== prop || el.name === 'meta') continue;
    // hAtom's <abbr class="published" title="2024-03-09T10:15:00Z">10:15</abbr> (Blogger).
    const title = el.name === 'abbr' ? attr(el, 'title') : '';
    const d = parseDateValue(attr(el, 'datetime') || attr(el, 'content') || title || textOf(el));
    if (d !== null) return d;
  }
  return null;
}

/** <time datetime>: one marked pubdate or sitting in a date line, else the first on the page. */
function fromTimeElements(meta: PageMeta, kind: 'published' | 'modified'): string | null {
  let first: string | null = null;
  for (const el of meta.times) {
    const d = parseDateValue(attr(el, 'datetime'));
    if (d === null) continue;
    const context = `${hintString(el)} ${parentHints(el)} ${textOf(el).toLowerCase()}`;
    const says = /modif|updat|bijgewerkt|mis à jour|aangepast/.test(context)
      ? 'modified'
      : 'published';
    if (says !== kind) continue;
    if (el.attribs['pubdate'] !== undefined || /publi|date|time|meta/.test(context)) return d;
    first ??= d;
  }
  return kind === 'published' ? first : null;
}

function parentHints(el: Element): string {
  let out = '';
  let cur = el.parent;
  for (let i = 0; i < 2 && cur !== null && isElement(cur); i++, cur = cur.parent)
    out += ` ${hintString(cur)}`;
  return out;
}

/** Dates written in short date-line elements (class hints) and <time> texts. */
function fromWrittenLines(doc: Document, meta: PageMeta): DateFields {
  const lines: string[] = [];
  for (const el of meta.times) if (attr(el, 'datetime') === '') lines.push(textOf(el));
  forEachElement(doc, (el) => {
    if (lines.length >= MAX_DATE_LINES) return false;
    if (el.name === 'script' || el.name === 'style' || el.name === 'nav' || el.name === 'a')
      return false;
    if (!DATE_HINT.test(hintString(el))) return true;
    const text = boundedText(el, MAX_DATE_LINE);
    if (text === null) return true;
    lines.push(text);
    return false;
  });
  let published: string | null = null;
  let modified: string | null = null;
  for (const line of lines) {
    for (const d of findWrittenDates(line)) {
      if (d.kind === 'modified') modified ??= d.iso;
      else published ??= d.iso;
    }
    if (published !== null && modified !== null) break;
  }
  return { published, modified };
}
