// Escaping for every output format. Scraped text (titles, summaries, sentences, author names,
// even URLs) is hostile until escaped: it may carry markup, Markdown or spreadsheet formulas.
import type { HitSentence } from '../match/types.js';

const HTML_ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text or attribute value for HTML (and SVG). */
export function html(s: string): string {
  return s.replace(/[&<>"']/g, (c) => HTML_ENTITIES[c] ?? c);
}

/** An http(s) URL fit for href, or null (javascript:, data: and relative URLs are dropped). */
export function safeUrl(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/**
 * A cell that a spreadsheet will not run: a leading = + - @ (or tab, CR) would start a
 * formula (OWASP "CSV injection"), so it gets a leading apostrophe.
 */
export function cellText(v: string): string {
  return /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
}

/** A quoted CSV cell (RFC 4180), formulas neutralised. */
export function csvCell(v: string): string {
  return `"${cellText(v).replace(/"/g, '""')}"`;
}

/** Escapes Markdown and folds white space, keeping edge spaces (for joining pieces). */
export function mdInline(s: string): string {
  return s.replace(/([\\`*_[\]<>|#!~&])/g, '\\$1').replace(/\s+/g, ' ');
}

export function mdText(s: string): string {
  return mdInline(s).trim();
}

/** An autolink `<url>` for Markdown; a URL that is not http(s) is shown as escaped text. */
export function mdUrl(url: string): string {
  const safe = safeUrl(url);
  return safe ? `<${safe.replace(/[<> ]/g, encodeURIComponent)}>` : mdText(url);
}

/**
 * A hit sentence cut into plain and matched pieces (overlapping marks skipped), for each
 * format to escape and mark in its own way.
 */
export function sentencePieces(s: HitSentence): Array<{ text: string; hit: boolean }> {
  const out: Array<{ text: string; hit: boolean }> = [];
  let at = 0;
  for (const [from, to] of s.marks) {
    if (from < at) continue;
    if (from > at) out.push({ text: s.text.slice(at, from), hit: false });
    out.push({ text: s.text.slice(from, to), hit: true });
    at = to;
  }
  if (at < s.text.length) out.push({ text: s.text.slice(at), hit: false });
  return out;
}
