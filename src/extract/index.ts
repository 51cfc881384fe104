// Article extraction: one parsed page in, one ExtractedArticle out. Pure: no network, clock,
// environment or logger. The crawler calls extractArticle with the Document it parsed once;
// the `extract` command and tests call extractFromHtml.
import { parseHtml } from '../html/parse.js';
import type { Document } from '../html/parse.js';
import type { ExtractedArticle, Lang } from './types.js';
import { detectAccess, detectPaywall } from './access.js';
import { extractByline } from './authors.js';
import { extractBody } from './body.js';
import type { BodyResult } from './body.js';
import { extractDates } from './date-fields.js';
import { attr, foldSpace, textOf } from './dom.js';
import { ldString, readJsonLd, typesOf } from './json-ld.js';
import type { JsonLd, JsonValue } from './json-ld.js';
import { detectLanguage } from './language.js';
import { extractLead } from './lead.js';
import { judgeArticle } from './no-article.js';
import type { ArticleVerdict } from './no-article.js';
import { firstMeta, readPageMeta } from './page-meta.js';
import type { PageMeta } from './page-meta.js';
import { extractSection } from './section.js';
import { findStandfirst } from './standfirst.js';
import { finishTextFields } from './text-fields.js';
import { extractTitle, titleKey } from './title.js';
import { absoluteUrl, baseUrl } from './url.js';
import { findWireCredit } from './wire-credit.js';
import { measuredLength, wordCount } from './words.js';

export { decodeHtmlBytes, decodeHtmlChunks } from '../bytes/decode.js';
export type { DecodedHtml } from '../bytes/decode.js';

export interface ExtractOptions {
  /** The outlet's languages: detection chooses among them. */
  languages?: Lang[];
}

/** Minimum body for the crawler to accept a plain-HTTP fetch without rendering the page. */
const ARTICLE_BODY_MIN_CHARS = 300;
const ARTICLE_BODY_MIN_WORDS = 50;
/** Microdata types of an article (schema.org Article and its kinds, BlogPosting). */
const MICRODATA_ARTICLE = /schema\.org\/(?:\w*Article|BlogPosting|LiveBlogPosting|Report)\b/i;

export function extractFromHtml(
  html: string,
  url: string,
  opts: ExtractOptions = {},
): ExtractedArticle {
  return extractArticle(parseHtml(html), url, opts);
}

export function extractArticle(
  doc: Document,
  url: string,
  opts: ExtractOptions = {},
): ExtractedArticle {
  const meta = readPageMeta(doc);
  const ld = readJsonLd(meta.jsonLd);
  const base = baseUrl(url, meta.baseHref);
  const article = ld.article;

  const siteName = firstMeta(meta, ['og:site_name', 'application-name']) ?? publisherName(ld);
  const section = extractSection(meta, ld);
  const h1 = meta.h1s[0] === undefined ? null : textOf(meta.h1s[0]);
  const siteNames = [siteName, publisherName(ld)].filter((s): s is string => s !== null);
  const title = extractTitle({
    jsonLd: ldString(article?.['headline']),
    jsonLdName: ldString(article?.['name']),
    og: firstMeta(meta, ['og:title']),
    twitter: firstMeta(meta, ['twitter:title']),
    document: meta.title,
    h1,
    siteNames,
    section,
    url,
  });

  const key = titleKey(title);
  const canonical = canonicalUrl(meta, ld, base);
  const declared = ldString(article?.['articleBody']);
  const paywalled = detectPaywall(doc, meta, ld);
  const found = extractBody(doc, {
    titleKey: key,
    h1Key: titleKey(h1),
    declared,
    paywalled,
    headline: meta.h1s.find((h) => titleKey(textOf(h)) === key) ?? null,
    hosts: [url, canonical].map(hostOf).filter((h): h is string => h !== null),
  });
  const bodyChars = found === null ? 0 : found.chars;
  const access = detectAccess({ doc, meta, ld, url, bodyChars, paywalled });
  const ogType = firstMeta(meta, ['og:type']);
  const verdict: ArticleVerdict =
    access === 'gated'
      ? { article: false, reason: 'consent gate: the page shows a consent or privacy wall' }
      : found === null
        ? { article: false, reason: 'no block of text found' }
        : judgeArticle({
            paragraphs: found.paragraphs,
            stats: found,
            ogType,
            ld,
            title,
            h1,
            headline: articleHeadline(ld, ogType, meta, key),
          });
  const isArticle = verdict.article;
  const descriptions = [
    firstMeta(meta, ['og:description']),
    firstMeta(meta, ['description']),
    firstMeta(meta, ['twitter:description']),
    ldString(article?.['description']),
  ];
  const paragraphs = isArticle && found !== null ? withStandfirst(doc, found, descriptions) : [];
  const body = paragraphs.length > 0 ? paragraphs.join('\n\n') : null;

  const lead = extractLead({ doc, descriptions, paragraphs });
  const byline = extractByline(doc, meta, ld, siteNames);
  const dates = extractDates(doc, meta, ld);
  const wireText =
    lead !== null && !(body ?? '').includes(lead) ? [lead, ...paragraphs] : paragraphs;

  return finishTextFields({
    url,
    canonicalUrl: canonical,
    title,
    lead,
    body,
    published: dates.published,
    modified: dates.modified,
    authors: byline.authors,
    section,
    language: detectLanguage({
      text: body ?? [title, lead].filter((s) => s !== null).join(' '),
      htmlLang:
        meta.htmlLang ??
        firstMeta(meta, ['og:locale', 'content-language']) ??
        ldString(article?.['inLanguage']),
      allowed: opts.languages,
    }),
    image: imageUrl(meta, ld, base),
    siteName,
    access,
    wireCredit: findWireCredit(wireText, byline.agencies),
    noArticleReason:
      body !== null ? null : verdict.article ? 'no block of text found' : verdict.reason,
  });
}

/**
 * What says the page holds an article: a JSON-LD article node, og:type article, microdata of an
 * article type, or an <h1> that reads as the title. Null when nothing does.
 */
function articleHeadline(
  ld: JsonLd,
  ogType: string | null,
  meta: PageMeta,
  key: string | null,
): string | null {
  if (ld.article !== null) return `JSON-LD ${String(ld.article['@type'])}`;
  if (ogType !== null && ogType.trim().toLowerCase() === 'article') return 'og:type article';
  for (const el of meta.itemprops) {
    const type = attr(el, 'itemtype');
    if (MICRODATA_ARTICLE.test(type)) return `microdata ${type.replace(/^.*\//, '')}`;
  }
  if (key !== null && meta.h1s.some((h) => titleKey(textOf(h)) === key)) return '<h1> = title';
  return null;
}

/**
 * Whether the extraction found an article body worth keeping. The crawler renders the page in a
 * browser when this is false and the page is neither paywalled nor gated (rendering changes
 * neither).
 */
export function hasArticleBody(a: ExtractedArticle): boolean {
  if (a.body === null || measuredLength(a.body) < ARTICLE_BODY_MIN_CHARS) return false;
  return wordCount(a.body, ARTICLE_BODY_MIN_WORDS) >= ARTICLE_BODY_MIN_WORDS;
}

/** The body's paragraphs, opened by the standfirst shown above them when they lack it. */
function withStandfirst(
  doc: Document,
  found: BodyResult,
  descriptions: ReadonlyArray<string | null>,
): string[] {
  if (found.cs === null) return found.paragraphs;
  const standfirst = findStandfirst({ doc, cs: found.cs, first: found.first, descriptions });
  if (standfirst === null) return found.paragraphs;
  const key = foldSpace(standfirst).toLowerCase();
  if (found.paragraphs.some((p) => foldSpace(p).toLowerCase().includes(key))) {
    return found.paragraphs;
  }
  return [standfirst, ...found.paragraphs];
}

function hostOf(u: string | null): string | null {
  if (u === null) return null;
  try {
    return new URL(u).hostname || null;
  } catch {
    return null;
  }
}

function publisherName(ld: JsonLd): string | null {
  const publisher = ld.article?.['publisher'];
  const name = ldString(publisher);
  if (name !== null && !/^https?:/.test(name)) return name;
  return null;
}

function canonicalUrl(meta: PageMeta, ld: JsonLd, base: string): string | null {
  const article = ld.article;
  const candidates = [
    meta.links.get('canonical')?.[0],
    firstMeta(meta, ['og:url']),
    ldString(article?.['url']),
    ldId(article?.['mainEntityOfPage']),
    ...ld.nodes.filter((n) => typesOf(n).includes('webpage')).map((n) => ldString(n['url'])),
  ];
  for (const c of candidates) {
    const abs = absoluteUrl(c, base);
    if (abs !== null) return abs;
  }
  return null;
}

/** mainEntityOfPage is a URL or a WebPage object named by its @id. */
function ldId(v: JsonValue | undefined): string | null {
  if (typeof v === 'string') return v;
  if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
    return ldString(v['@id']) ?? ldString(v['url']);
  }
  return null;
}

function imageUrl(meta: PageMeta, ld: JsonLd, base: string): string | null {
  const candidates = [
    firstMeta(meta, ['og:image', 'og:image:url', 'og:image:secure_url']),
    firstMeta(meta, ['twitter:image', 'twitter:image:src']),
    ldString(ld.article?.['image']),
    ldString(ld.article?.['thumbnailUrl']),
  ];
  for (const c of candidates) {
    const abs = absoluteUrl(c, base);
    if (abs !== null) return abs;
  }
  return null;
}
export { applySelectors, type OutletSelectors } from './selectors.js';
