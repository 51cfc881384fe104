// Whether the article could be read as published: 'paywalled' when the page marks it for
// subscribers (JSON-LD isAccessibleForFree false or a hasPart with a cssSelector, a content-tier
// meta, a subscriber teaser such as "Réservé aux abonnés"), 'gated' when a consent or privacy
// wall stands instead of the article (DPG's privacy gate, "Ga naar de website", cookie walls).
// Flags only: the extractor never works around either.
import {
  boundedText,
  contains,
  forEachElement,
  hintString,
  isElement,
  isText,
  textOf,
} from './dom.js';
import type { Document, Element } from './dom.js';
import { ldList, typesOf } from './json-ld.js';
import type { JsonLd, JsonObject, JsonValue } from './json-ld.js';
import type { PageMeta } from './page-meta.js';
import { firstMeta } from './page-meta.js';
import { SUBSCRIBE_PROMPT, SUBSCRIBER_ONLY } from './hints.js';
import type { Access } from './types.js';

const PAYWALL_HINT =
  /paywall|pay-wall|premium|subscriber|abonn|locked|piano|tp-container|regwall|metered|article-?teaser|plus-?content|restricted/;
/** Said by consent walls that stand in for the page. */
const WALL_TEXT =
  /privacy\s*gate|ga\s+naar\s+de\s+website|cookie-?wall|toestemming\s+(?:geven|beheren|voor\s+het\s+gebruik)|(?:akkoord|accepteren|accepter|accept)\s+(?:en|et|and)\s+(?:doorgaan|continuer|continue)|accepter\s+et\s+fermer/i;
/** Said by every cookie banner: a gate only when the page title says so too. */
const COOKIE_TEXT =
  /accepteer\s+(?:alle\s+)?cookies|accept\s+all\s+cookies|tout\s+accepter|alles\s+accepteren|nous\s+(?:et\s+nos\s+partenaires\s+)?utilisons\s+des\s+cookies|wij\s+(?:en\s+onze\s+partners\s+)?gebruiken\s+cookies|we\s+use\s+cookies/i;
const GATE_URL =
  /(?:^|\.)(?:myprivacy|privacy|consent|cmp|cookiewall)\.|\/(?:privacy-?gate|consent|cookiewall)(?:\/|$)/i;
const GATE_TITLE = /privacy\s*gate|cookie|consent|toestemming|privacy|vie\s+privée/i;
const MAX_PROMPT_CHARS = 400;
/** A consent wall links to a few policies and settings; a page has menus and teasers. */
const WALL_MAX_LINKS = 40;
/** Characters of visible text read for the gate test. */
const VISIBLE_SAMPLE = 4000;

export interface AccessInput {
  doc: Document;
  meta: PageMeta;
  ld: JsonLd;
  url: string;
  /** Characters of article body found (0 when none). */
  bodyChars: number;
  /** What detectPaywall said. */
  paywalled: boolean;
}

export function detectAccess(input: AccessInput): Access {
  if (isGated(input)) return 'gated';
  return input.paywalled ? 'paywalled' : 'free';
}

/** Whether the page marks its article as reserved for subscribers. */
export function detectPaywall(doc: Document, meta: PageMeta, ld: JsonLd): boolean {
  if (ldSaysPaywalled(ld)) return true;
  const tier = firstMeta(meta, ['article:content_tier', 'content_tier', 'article:access']);
  if (tier !== null && /locked|metered|premium|subscri/i.test(tier)) return true;
  return teaserMarkers(doc, meta);
}

function isGated(input: AccessInput): boolean {
  if (GATE_URL.test(hostAndPath(input.url))) return input.bodyChars < 1500;
  if (input.bodyChars >= 500) return false;
  const text = visibleText(input.doc, VISIBLE_SAMPLE);
  const wall = WALL_TEXT.test(text);
  const cookies = wall || COOKIE_TEXT.test(text);
  if (GATE_TITLE.test(input.meta.title ?? '') && cookies) return true;
  // A plain cookie banner on a page without an article is no wall: rendering gets past it. A
  // wall stands instead of the page: a page of many links (a section page with the banner in
  // its markup) is not one.
  return wall && input.bodyChars === 0 && countLinks(input.doc, WALL_MAX_LINKS) < WALL_MAX_LINKS;
}

function hostAndPath(url: string): string {
  try {
    const u = new URL(url);
    return u.hostname + u.pathname;
  } catch {
    return '';
  }
}

function ldSaysPaywalled(ld: JsonLd): boolean {
  const nodes: JsonObject[] = ld.article === null ? ld.nodes : [ld.article, ...ld.nodes];
  for (const node of nodes) {
    const types = typesOf(node);
    if (!types.some((t) => t.includes('article') || t.includes('posting') || t === 'webpage'))
      continue;
    if (isFalse(node['isAccessibleForFree'])) return true;
    for (const part of ldList(node['hasPart'])) {
      if (part !== null && typeof part === 'object' && !Array.isArray(part)) {
        if (isFalse(part['isAccessibleForFree']) && part['cssSelector'] !== undefined) return true;
      }
    }
  }
  return false;
}

function isFalse(v: JsonValue | undefined): boolean {
  return v === false || (typeof v === 'string' && v.trim().toLowerCase() === 'false');
}

/**
 * A subscriber-only sentence anywhere, a subscribe prompt inside a paywall-like block, or a
 * "Premium" badge next to the headline.
 */
function teaserMarkers(doc: Document, meta: PageMeta): boolean {
  let found = false;
  forEachElement(doc, (el) => {
    if (found) return false;
    if (OUT_OF_SCOPE.has(el.name)) return false;
    const hint = hintString(el);
    if (/newsletter|nieuwsbrief|menu|navigation/.test(hint)) return false;
    // A teaser of another article (a linked headline) says "Premium" of that article.
    if (
      (el.name === 'article' || TEASER_HINT.test(hint)) &&
      !meta.h1s.some((h) => contains(el, h)) &&
      holdsLinkedHeading(el)
    )
      return false;
    if (!hasDirectText(el)) return true;
    const text = boundedText(el, MAX_PROMPT_CHARS);
    if (text === null) return true;
    if (SUBSCRIBER_ONLY.test(text)) found = true;
    else if (PAYWALL_HINT.test(`${hint} ${parentHint(el)}`) && SUBSCRIBE_PROMPT.test(text)) {
      found = true;
    }
    return !found;
  });
  return found || meta.h1s.some(hasBadgeNearby);
}

const OUT_OF_SCOPE = new Set(['script', 'style', 'noscript', 'head', 'nav', 'footer', 'template']);
const BADGE_TEXT =
  /^(?:premium|abonnés|abonnes|abonnee|abonnees|exclusief|subscribers?|members?\s+only)$/i;
const BADGE_HINT = /premium|paywall|subscriber|abo-|plus-badge|badge-plus|is-plus|locked/;

/** A "Premium" label or premium class in the headline's block (not inside a link). */
function hasBadgeNearby(h1: Element): boolean {
  const scope = parentElement(parentElement(h1) ?? h1) ?? h1;
  let found = false;
  forEachElement(scope, (el) => {
    if (found || el.name === 'a' || OUT_OF_SCOPE.has(el.name)) return false;
    const hint = hintString(el);
    // Teasers of other articles carry badges of their own (a section page's "Premium" cards).
    if ((TEASER_HINT.test(hint) || el.name === 'article') && !contains(el, h1)) return false;
    // A badge is small; sites also put these classes on the article's own text (Bloomberg's
    // <p class="paywall">, BLOX's "subscriber-premium" body) whether or not it is locked.
    if (BADGE_HINT.test(hint)) {
      const text = boundedText(el, BADGE_MAX);
      found = text === null ? textOf(el) === '' : BADGE_WORD.test(text);
    } else if (hasDirectText(el)) {
      const text = boundedText(el, 40);
      if (text !== null && BADGE_TEXT.test(text)) found = true;
    }
    return !found;
  });
  return found;
}

const BADGE_MAX = 40;
/** What a premium badge says, when it says anything (an icon badge says nothing). */
const BADGE_WORD = /premium|plus|\+|abonn|subscri|exclusi|members?|locked|réservé/i;

const TEASER_HINT = /teaser|card|tile|story-?list|(?:^|[\s_-])item(?:$|[\s_-])/;

function holdsLinkedHeading(el: Element): boolean {
  let found = false;
  forEachElement(el, (child) => {
    if (found) return false;
    if (/^h[1-6]$/.test(child.name) && findLink(child)) found = true;
    return !found;
  });
  return found;
}

function findLink(el: Element): boolean {
  let found = false;
  forEachElement(el, (child) => {
    if (child.name === 'a' && child.attribs['href'] !== undefined) found = true;
    return !found;
  });
  return (
    found || (parentElement(el)?.name === 'a' && parentElement(el)?.attribs['href'] !== undefined)
  );
}

function parentElement(el: Element): Element | null {
  const p = el.parent;
  return p !== null && isElement(p) ? p : null;
}

function parentHint(el: Element): string {
  const p = parentElement(el);
  return p === null ? '' : hintString(p);
}

function hasDirectText(el: Element): boolean {
  for (const c of el.children) if (isText(c) && c.data.trim() !== '') return true;
  return false;
}

/** Links with an href, counted up to `max`. */
function countLinks(doc: Document, max: number): number {
  let n = 0;
  forEachElement(doc, (el) => {
    if (n >= max) return false;
    if (el.name === 'a' && el.attribs['href'] !== undefined) n++;
    return true;
  });
  return n;
}

/** The first `max` characters of visible text, for the gate test. */
function visibleText(doc: Document, max: number): string {
  const parts: string[] = [];
  let total = 0;
  forEachElement(doc, (el) => {
    if (total >= max) return false;
    if (OUT_OF_SCOPE.has(el.name) && el.name !== 'footer') return false;
    for (const c of el.children) {
      if (!isText(c)) continue;
      const t = c.data.trim();
      if (t === '') continue;
      parts.push(t);
      total += t.length;
    }
    return true;
  });
  return parts.join(' ');
}
