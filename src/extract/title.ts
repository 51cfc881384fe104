// The headline without the site name. Sources in order: JSON-LD headline (or name), og:title,
// twitter:title, <title>, the first <h1>. Segments split off by " | ", " - ", " – ", " — ",
// " · ", " :: ", " » " (never " : ", which French headlines use) are dropped from either end
// when they name the site (og:site_name, publisher, host name) or the section. When nothing
// names the site, an <h1> the title starts with wins, then a trailing " | X" or a short
// capitalised " - X" is dropped.
import { foldKey } from '../text/fold.js';
import { foldSpace } from './dom.js';

export interface TitleSources {
  /** JSON-LD headline and name of the article node. */
  jsonLd: string | null;
  jsonLdName: string | null;
  og: string | null;
  twitter: string | null;
  document: string | null;
  h1: string | null;
  siteNames: string[];
  section: string | null;
  url: string;
}

const SEPARATOR = /\s+(?:\||-|–|—|·|•|::|»|«)\s+/;
const STRONG_SEPARATOR = /\s+(?:\||·|•|::|»|«)\s+/;

export function extractTitle(src: TitleSources): string | null {
  const ld = trustedLdTitle(src);
  const raw = [ld, src.og, src.twitter, src.document, src.h1]
    .map((t) => (t === null ? '' : foldSpace(t)))
    .find((t) => t !== '');
  if (raw === undefined) return null;
  const keys = siteKeys(src);
  const h1 = src.h1 === null ? null : foldSpace(src.h1);

  let segments = splitSegments(raw);
  if (segments.length === 1) return raw;
  let stripped = false;
  while (segments.length > 1 && matchesSite(segments[segments.length - 1]?.text ?? '', keys)) {
    segments = segments.slice(0, -1);
    stripped = true;
  }
  while (segments.length > 1 && matchesSite(segments[0]?.text ?? '', keys)) {
    segments = segments.slice(1);
    stripped = true;
  }
  const joined = joinSegments(segments);
  if (stripped) return joined;

  // Nothing named the site: trust an <h1> that the title starts with.
  if (h1 !== null && h1.length >= 10 && raw.toLowerCase().startsWith(h1.toLowerCase())) return h1;
  const last = segments[segments.length - 1];
  if (last === undefined) return raw;
  const head = joinSegments(segments.slice(0, -1));
  const headWords = wordCount(head);
  const lastWords = wordCount(last.text);
  if (STRONG_SEPARATOR.test(last.sep) && headWords >= 3 && lastWords <= 4) return head;
  if (headWords >= 4 && lastWords <= 3 && /^[\p{Lu}\d]/u.test(last.text)) return head;
  return raw;
}

interface Segment {
  text: string;
  /** The separator before this segment ('' for the first). */
  sep: string;
}

function splitSegments(title: string): Segment[] {
  const out: Segment[] = [];
  const re = new RegExp(SEPARATOR.source, 'g');
  let last = 0;
  let sep = '';
  for (const m of title.matchAll(re)) {
    const index = m.index ?? 0;
    out.push({ text: title.slice(last, index), sep });
    sep = m[0];
    last = index + m[0].length;
  }
  out.push({ text: title.slice(last), sep });
  return out.filter((s) => s.text.trim() !== '');
}

function joinSegments(segments: readonly Segment[]): string {
  return segments
    .map((s, i) => (i === 0 ? s.text : s.sep + s.text))
    .join('')
    .trim();
}

/** Folded keys that name the site: site names, publisher, host labels, section. */
function siteKeys(src: TitleSources): string[] {
  const keys = new Set<string>();
  for (const name of src.siteNames) keys.add(foldKey(name));
  if (src.section !== null) keys.add(foldKey(src.section));
  try {
    const host = new URL(src.url).hostname.replace(/^www\d?\./, '');
    keys.add(foldKey(host));
    const label = host.split('.')[0];
    if (label !== undefined && label.length >= 3) keys.add(foldKey(label));
  } catch {
    // Not a URL: no host to compare with.
  }
  keys.delete('');
  return [...keys];
}

function matchesSite(segment: string, keys: readonly string[]): boolean {
  const k = foldKey(segment);
  if (k.length < 2) return false;
  for (const site of keys) {
    if (k === site) return true;
    if (site.length >= 4 && k.length >= 4 && (k.includes(site) || site.includes(k))) {
      return Math.min(k.length, site.length) / Math.max(k.length, site.length) >= 0.4;
    }
  }
  return false;
}

function wordCount(s: string): number {
  return s.split(/\s+/).filter((w) => w !== '').length;
}

/**
 * The JSON-LD headline, or its name when that matches the page title better; neither when both
 * share no word with the <title> or og:title (some CMSs put a description in `headline`).
 */
function trustedLdTitle(src: TitleSources): string | null {
  const reference = src.og ?? src.document;
  const options = [src.jsonLd, src.jsonLdName].filter(
    (t): t is string => t !== null && t.trim() !== '',
  );
  if (options.length === 0) return null;
  if (reference === null) return options[0] ?? null;
  let best: string | null = null;
  let bestOverlap = 0;
  for (const option of options) {
    const overlap = wordOverlap(option, reference);
    if (overlap > bestOverlap) {
      best = option;
      bestOverlap = overlap;
    }
  }
  return best;
}

function wordOverlap(a: string, b: string): number {
  const words = (s: string): string[] => s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const bs = new Set(words(b));
  const aw = words(a);
  if (aw.length === 0) return 0;
  return aw.filter((w) => bs.has(w)).length / aw.length;
}

/** Folded, lower-cased form used to recognise the title repeated in the body. */
export function titleKey(title: string | null): string | null {
  return title === null ? null : foldSpace(title).toLowerCase();
}
