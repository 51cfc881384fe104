// Escaping for every output format. Scraped text (titles, summaries, sentences, author names,
// even URLs) is hostile until escaped: it may carry markup, Markdown or spreadsheet formulas,
// control characters (a NUL breaks the spreadsheet's XML) and bidirectional controls (a
// right-to-left override U+202E reorders what is shown after it: "exe.txt" can read "txt.exe").
// Every format removes the controls and the bidi controls (plainText) before escaping.
import type { HitSentence } from '../match/types.js';
import { stripControls } from '../text/clean.js';

/**
 * Scraped text without control characters (but \t and \n) and without bidirectional
 * embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): no outlet's text can
 * reorder a report. Every escape below applies it; JSON through jsonText.
 */
export function plainText(s: string): string {
  return stripControls(s);
}

/** A JSON.stringify replacer: every string of the document through plainText. */
export function jsonText(_key: string, value: unknown): unknown {
  return typeof value === 'string' ? plainText(value) : value;
}

const HTML_ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text or attribute value for HTML (and SVG). */
export function html(s: string): string {
  return plainText(s).replace(/[&<>"']/g, (c) => HTML_ENTITIES[c] ?? c);
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
 * A cell that a spreadsheet will not run: a leading = + - @ (or tab, CR, LF) would start a
 * formula (OWASP "CSV injection"), so it gets a leading apostrophe.
 */
export function cellText(v: string): string {
  const s = plainText(v);
  return /^[=+\-@\t\r\n]/.test(s) ? `'${s}` : s;
}

/** A quoted CSV cell (RFC 4180), formulas neutralised. */
export function csvCell(v: string): string {
  return `"${cellText(v).replace(/"/g, '""')}"`;
}

/** Escapes Markdown and folds white space, keeping edge spaces (for joining pieces). */
export function mdInline(s: string): string {
  return plainText(s)
    .replace(/([\\`*_[\]<>|#!~&])/g, '\\$1')
    .replace(/\s+/g, ' ');
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
