// The article body: measure, score, render (content-stats, content-select, body-render), with
// Readability's fallbacks when the first attempt finds too little, and JSON-LD articleBody as a
// check: when the page declares a body that the chosen text does not cover, the DOM element
// that holds the declared text is taken instead, or the declared text itself.
import { isElement, textOf } from './dom.js';
import type { Document, Element } from './dom.js';
import { measureContent } from './content-stats.js';
import type { ContentStats } from './content-stats.js';
import { selectContent } from './content-select.js';
import { renderParagraphs } from './body-render.js';
import type { Rendered } from './body-render.js';
import { coverage, measuredLength, wordSet } from './words.js';

/** The paragraphs and what they were made of (no links or headlines for JSON-LD text). */
export interface BodyResult extends Rendered {
  /** The measurements they were rendered with (null for the declared text). */
  cs: ContentStats | null;
}

export interface BodyOptions {
  titleKey: string | null;
  /** Folded, lower-cased text of the page's first <h1>. */
  h1Key?: string | null;
  /** JSON-LD articleBody, if the page declares one. */
  declared: string | null;
  /**
   * The page marks its article as paywalled: the declared body never stands in for the page
   * text, and no attempt reads past class hints (a paywall's hidden text stays hidden).
   */
  paywalled: boolean;
  /** The article's headline element (an <h1> that reads as the title), if the page has one. */
  headline?: Element | null;
  /** Host names of the page (URL, canonical URL): links to them lead around the site. */
  hosts?: readonly string[];
}

/**
 * Readability's threshold: below this many characters (measured across scripts), try again
 * with fewer exclusions.
 */
const ENOUGH_CHARS = 500;
/**
 * What a later attempt must add to replace an earlier one's text: a paragraph of this length,
 * or this share of the earlier text.
 */
const ADDED_PARAGRAPH = 150;
const ADDED_SHARE = 0.5;
const DECLARED_MIN = 200;
const COVERED = 0.6;
// The last attempt reads no class or id at all: when every earlier one found next to nothing,
// the page's classes may be what hid its text (a body whose class names a widget it carries).
// It is not made on paywalled pages.
const ATTEMPTS = [
  { unlikelyHints: true, classHints: true, weighClasses: true, clean: true },
  { unlikelyHints: false, classHints: true, weighClasses: true, clean: true },
  { unlikelyHints: false, classHints: true, weighClasses: false, clean: true },
  { unlikelyHints: false, classHints: false, weighClasses: false, clean: true },
];

export function extractBody(doc: Document, opts: BodyOptions): BodyResult | null {
  let best: BodyResult | null = null;
  let bestSize = 0;
  // Each set of exclusions is measured once and shared by the attempts that use it.
  const measured = new Map<string, ContentStats>();
  const measure = (unlikelyHints: boolean, classHints: boolean): ContentStats => {
    const key = `${unlikelyHints}/${classHints}`;
    let cs = measured.get(key);
    if (cs === undefined) {
      cs = measureContent(doc, {
        unlikelyHints,
        classHints,
        headline: opts.headline ?? null,
        hosts: opts.hosts ?? [],
      });
      measured.set(key, cs);
    }
    return cs;
  };
  for (const a of ATTEMPTS) {
    // Without class hints a paywall's hidden text would be read: never on a paywalled page.
    if (!a.classHints && opts.paywalled) break;
    const cs = measure(a.unlikelyHints, a.classHints);
    const sel = selectContent(cs, a.weighClasses);
    if (sel === null) continue;
    const result: BodyResult = {
      ...renderParagraphs(sel.roots, {
        cs,
        scores: sel.scores,
        titleKey: opts.titleKey,
        h1Key: opts.h1Key ?? null,
        clean: a.clean,
      }),
      cs,
    };
    // A later attempt reads past exclusions (captions, prompts, credits): it replaces the text
    // found only when it finds more text, not the same text with a caption added.
    const size = textSize(result);
    if (best === null || (size > bestSize && addsText(result, best, bestSize))) {
      best = result;
      bestSize = size;
    }
    if (bestSize >= ENOUGH_CHARS) break;
  }
  const declared = opts.declared === null ? null : cleanDeclared(opts.declared);
  if (declared === null || declared.length < DECLARED_MIN) return best;

  const declaredWords = wordSet(declared);
  if (best !== null && coverage(declaredWords, wordSet(best.paragraphs.join(' '))) >= COVERED) {
    return best;
  }
  const cs = best?.cs ?? measure(true, true);
  const holder = findHolder(cs, declared);
  if (holder !== null) {
    const held = renderParagraphs([holder], {
      cs,
      scores: new Map(),
      titleKey: opts.titleKey,
      h1Key: opts.h1Key ?? null,
      clean: false,
    });
    if (coverage(declaredWords, wordSet(held.paragraphs.join(' '))) >= COVERED) {
      return { ...held, cs };
    }
  }
  if (opts.paywalled) return best;
  const paragraphs = declared
    .split(/\n\s*\n|\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  return {
    paragraphs,
    chars: declared.length,
    linkChars: 0,
    linkedHeadings: 0,
    articles: 0,
    first: null,
    images: 0,
    cs: null,
  };
}

/**
 * Whether `later` adds text to `earlier`: a paragraph of its own length, or short blocks that
 * are half as long as what was found (a caption or a credit is neither).
 */
function addsText(later: BodyResult, earlier: BodyResult, earlierSize: number): boolean {
  const had = new Set(earlier.paragraphs);
  let added = 0;
  for (const p of later.paragraphs) {
    if (had.has(p)) continue;
    const n = measuredLength(p);
    if (n >= ADDED_PARAGRAPH) return true;
    added += n;
  }
  return added >= earlierSize * ADDED_SHARE;
}

/** The length of a result's text, measured across scripts (words.ts). */
function textSize(r: BodyResult): number {
  return r.paragraphs.reduce((n, p) => n + measuredLength(p), 0);
}

/** articleBody sometimes carries markup or entities' leftovers: plain text only. */
function cleanDeclared(s: string): string {
  return s
    .replace(/<[^>]{1,200}>/g, ' ')
    .replace(/[ \t\u00a0]+/g, ' ')
    .trim();
}

/**
 * The element holding the declared body: the paragraph where the declared text starts, widened
 * to the first ancestor with about as much text as the declaration.
 */
function findHolder(cs: ContentStats, declared: string): Element | null {
  const firstLine = declared.split('\n')[0] ?? declared;
  const opening = firstLine.split(/\s+/).slice(0, 8).join(' ').toLowerCase();
  if (opening.length < 20) return null;
  for (const [el, s] of cs.stats) {
    if (s.chars < opening.length || s.hasBlockChild) continue;
    if (!textOf(el).toLowerCase().includes(opening)) continue;
    let cur: Element = el;
    while ((cs.stats.get(cur)?.chars ?? 0) < declared.length * 0.8) {
      const p = cur.parent;
      if (p === null || !isElement(p) || p.name === 'body' || p.name === 'html') break;
      cur = p;
    }
    return cur;
  }
  return null;
}
