// One walk over the whole document that gathers what metadata readers need: <meta> tags,
// <link rel>, <title>, <html lang>, <base href>, JSON-LD scripts, headings, <time> and
// itemprop elements. Every field reader then works from this summary instead of walking again.
import { attr, forEachElement, rawText, textOf } from './dom.js';
import type { Document, Element } from './dom.js';

export interface PageMeta {
  htmlLang: string | null;
  baseHref: string | null;
  /** Text of the document <title>. */
  title: string | null;
  /** <meta> contents keyed by lower-cased name, property, itemprop or http-equiv. */
  metas: Map<string, string[]>;
  /** href of <link rel=…> keyed by each lower-cased rel token. */
  links: Map<string, string[]>;
  /** Raw text of each <script type="application/ld+json">. */
  jsonLd: string[];
  h1s: Element[];
  times: Element[];
  /** Elements carrying an itemprop attribute (microdata), in document order. */
  itemprops: Element[];
}

export function readPageMeta(doc: Document): PageMeta {
  const meta: PageMeta = {
    htmlLang: null,
    baseHref: null,
    title: null,
    metas: new Map(),
    links: new Map(),
    jsonLd: [],
    h1s: [],
    times: [],
    itemprops: [],
  };
  forEachElement(doc, (el) => {
    switch (el.name) {
      case 'html':
        meta.htmlLang ??= nonEmpty(attr(el, 'lang') || attr(el, 'xml:lang'));
        break;
      case 'base':
        meta.baseHref ??= nonEmpty(attr(el, 'href'));
        break;
      case 'title':
        meta.title ??= nonEmpty(textOf(el));
        return false;
      case 'meta':
        readMetaTag(el, meta.metas);
        break;
      case 'link':
        readLinkTag(el, meta.links);
        break;
      case 'script':
        if (attr(el, 'type').toLowerCase().includes('ld+json')) meta.jsonLd.push(scriptText(el));
        return false;
      case 'style':
      case 'svg':
        return false;
      case 'h1':
        meta.h1s.push(el);
        break;
      case 'time':
        meta.times.push(el);
        break;
    }
    if (el.attribs['itemprop'] !== undefined) meta.itemprops.push(el);
    return true;
  });
  return meta;
}

/** Script contents (rawText leaves script elements out, so read the children). */
function scriptText(script: Element): string {
  return script.children.map((child) => rawText(child)).join('');
}

function readMetaTag(el: Element, metas: Map<string, string[]>): void {
  const content = el.attribs['content'];
  if (content === undefined) return;
  const value = content.trim();
  if (value === '') return;
  for (const keyAttr of ['property', 'name', 'itemprop', 'http-equiv']) {
    const keys = el.attribs[keyAttr];
    if (keys === undefined) continue;
    // Some pages put several keys in one attribute: property="og:title twitter:title".
    for (const key of keys.toLowerCase().split(/\s+/)) {
      if (key === '') continue;
      const list = metas.get(key);
      if (list === undefined) metas.set(key, [value]);
      else list.push(value);
    }
  }
}

function readLinkTag(el: Element, links: Map<string, string[]>): void {
  const href = attr(el, 'href').trim();
  if (href === '') return;
  for (const rel of attr(el, 'rel').toLowerCase().split(/\s+/)) {
    if (rel === '') continue;
    const list = links.get(rel);
    if (list === undefined) links.set(rel, [href]);
    else list.push(href);
  }
}

function nonEmpty(s: string): string | null {
  const t = s.trim();
  return t === '' ? null : t;
}

/** The first non-empty <meta> value among `keys`, in the order given. */
export function firstMeta(meta: PageMeta, keys: readonly string[]): string | null {
  for (const key of keys) {
    const v = meta.metas.get(key);
    if (v !== undefined && v[0] !== undefined) return v[0];
  }
  return null;
}
