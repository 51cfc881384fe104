// The lead: the standfirst the page marks as such (class "lead", "intro", "chapo", "chapeau",
// "standfirst", "summary" …), else the description the page gives (og:description, meta
// description, JSON-LD) unless it is cut short with an ellipsis, else the first paragraph.
import { forEachElement, hintString, textOf } from './dom.js';
import type { Document } from './dom.js';

export const LEAD_HINT =
  /(?:^|[\s_-])(?:lead|lede|intro|chapo|chapeau|standfirst|stand-first|summary|article-?summary|excerpt|inleiding|samenvatting|accroche|deck|dek|subhead|sub-?title|article__?lead|article__?intro|article__?chapo|article-?intro)(?:$|[\s_-])/;
export const NOT_LEAD = /teaser|card|related|menu|comment|newsletter|cookie|promo|widget|sidebar/;
const SKIP = new Set(['script', 'style', 'noscript', 'nav', 'footer', 'aside', 'a', 'form']);
const NEVER_PRUNED = new Set(['html', 'body', 'main', 'article']);
const MIN_LEAD = 40;
const MAX_LEAD = 800;
const TRUNCATED = /(?:\.\.\.|…|\[…\]|\[\.\.\.\])\s*$/;

export interface LeadSources {
  doc: Document;
  descriptions: ReadonlyArray<string | null>;
  /** Body paragraphs: the first long enough stands in when nothing else does. */
  paragraphs: readonly string[];
}

export function extractLead(src: LeadSources): string | null {
  const marked = markedLead(src.doc);
  if (marked !== null) return marked;
  const descriptions = src.descriptions
    .map((d) => (d === null ? '' : d.replace(/\s+/g, ' ').trim()))
    .filter((d) => d.length >= MIN_LEAD);
  const whole = descriptions.find((d) => !TRUNCATED.test(d));
  if (whole !== undefined) return whole;
  const first = src.paragraphs.find((p) => p.length >= MIN_LEAD);
  if (first !== undefined) return first;
  return descriptions[0] ?? src.paragraphs[0] ?? null;
}

function markedLead(doc: Document): string | null {
  let found: string | null = null;
  forEachElement(doc, (el) => {
    if (found !== null) return false;
    if (SKIP.has(el.name)) return false;
    const hint = hintString(el);
    if (hint === '') return true;
    if (NOT_LEAD.test(hint)) return NEVER_PRUNED.has(el.name);
    if (!LEAD_HINT.test(hint)) return true;
    const text = textOf(el);
    if (text.length >= MIN_LEAD && text.length <= MAX_LEAD) found = text;
    return found === null;
  });
  return found;
}
