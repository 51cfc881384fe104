// The standfirst shown above the article: readers (and annotated news corpora) count it as part
// of the body, but the scorer often leaves it out because it sits in the article header next to
// the headline and the byline rather than in the container of the paragraphs. It is found before
// the body in document order, outside it, as a block whose class marks a standfirst (lead,
// intro, chapo …) or whose text is the page's own description (og:description and friends).
import { forEachElement, hintString, isElement, textOf } from './dom.js';
import type { Document, Element } from './dom.js';
import type { ContentStats } from './content-stats.js';
import { linkDensity } from './content-stats.js';
import { LEAD_HINT, NOT_LEAD } from './lead.js';

export interface StandfirstSources {
  doc: Document;
  /** Measurements of the attempt that produced the body: skipped subtrees are absent. */
  cs: ContentStats;
  /** The block the body's first paragraph came from. */
  first: Element | null;
  descriptions: ReadonlyArray<string | null>;
}

const MIN_CHARS = 40;
const MAX_CHARS = 800;
const MAX_LINK_DENSITY = 0.3;
/** Never a standfirst nor holding one: the headline, links, lists (of teasers, of tags). */
const NEVER = new Set(['h1', 'a', 'ul', 'ol', 'li', 'table', 'figure']);
/** Walked through, never taken whole. */
const WRAPPERS = new Set(['header', 'main', 'article']);

/** The standfirst's text, or null when the page shows none before the body. */
export function findStandfirst(src: StandfirstSources): string | null {
  const first = src.first;
  if (first === null) return null;
  const wanted = new Set(
    src.descriptions
      .filter((d): d is string => d !== null)
      .map(normalise)
      .filter((d) => d.length >= MIN_CHARS),
  );
  const lengths = [...wanted].map((d) => d.length);
  // The containers of the body hold it: they are walked through, never taken.
  const around = new Set<Element>();
  for (let p = first.parent; p !== null && isElement(p); p = p.parent) around.add(p);
  let found: string | null = null;
  // A marked block with blocks inside ("intro" around the standfirst and the byline) is taken
  // only when nothing inside it qualifies.
  let outer: string | null = null;
  let reachedBody = false;
  forEachElement(src.doc, (el) => {
    if (found !== null || reachedBody) return false;
    if (el === first) {
      reachedBody = true;
      return false;
    }
    const s = src.cs.stats.get(el);
    if (s === undefined || s.chars < MIN_CHARS || NEVER.has(el.name)) return false;
    if (around.has(el) || s.chars > MAX_CHARS || WRAPPERS.has(el.name) || s.headingChars > 0) {
      return undefined;
    }
    if (linkDensity(s) > MAX_LINK_DENSITY) return false;
    const hint = hintString(el);
    const marked = hint !== '' && LEAD_HINT.test(hint) && !NOT_LEAD.test(hint);
    const described = lengths.some((n) => Math.abs(n - s.chars) <= n * 0.1 + 2);
    if (!marked && !described) return undefined;
    const text = textOf(el);
    if (marked && s.hasBlockChild) outer ??= text;
    else if (marked || wanted.has(normalise(text))) found = text;
    return found === null ? undefined : false;
  });
  return found ?? outer;
}

/** Case, white space and a closing ellipsis do not tell a description from the shown text. */
function normalise(s: string): string {
  return s
    .replace(/\s+/g, ' ')
    .replace(/(?:\.\.\.|…)\s*$/, '')
    .trim()
    .toLowerCase();
}
