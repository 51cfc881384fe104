// Small text helpers for the simulator: escaping, slugs and the date formats outlets print.
import type { SimLang } from './types.js';

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

/** XML text content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => (c === "'" ? '&apos;' : (HTML_ESCAPES[c] ?? c)));
}

export function cdata(text: string): string {
  return `<![CDATA[${text.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;
}

/** JSON for an inline <script>: no "</script>" can close the element early. */
export function inlineJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

export function slugify(text: string, maxLength = 90): string {
  const slug = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '-')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= maxLength) return slug;
  const cut = slug.slice(0, maxLength);
  const lastDash = cut.lastIndexOf('-');
  return lastDash > 20 ? cut.slice(0, lastDash) : cut;
}

interface LocalTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

/** Local wall-clock parts of an ISO timestamp with offset, as the outlet printed it. */
export function localParts(iso: string): LocalTime {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(iso);
  if (!m) throw new Error(`not an ISO timestamp: ${iso}`);
  const [, y, mo, d, h, mi] = m.map(Number) as [number, number, number, number, number, number];
  return { year: y, month: mo, day: d, hour: h, minute: mi };
}

/** 'YYYY-MM-DD' of the local date. */
export function localDate(iso: string): string {
  return iso.slice(0, 10);
}

const MONTHS: Record<SimLang, string[]> = {
  en: 'January February March April May June July August September October November December'.split(
    ' ',
  ),
  fr: 'janvier février mars avril mai juin juillet août septembre octobre novembre décembre'.split(
    ' ',
  ),
  nl: 'januari februari maart april mei juni juli augustus september oktober november december'.split(
    ' ',
  ),
};

const pad = (n: number): string => String(n).padStart(2, '0');

/** The date line an outlet prints under the headline. */
export function displayDate(iso: string, lang: SimLang): string {
  const t = localParts(iso);
  const month = MONTHS[lang][t.month - 1] ?? '';
  if (lang === 'fr') return `${t.day} ${month} ${t.year} à ${t.hour}h${pad(t.minute)}`;
  if (lang === 'nl') return `${t.day} ${month} ${t.year} om ${t.hour}.${pad(t.minute)} uur`;
  return `${t.day} ${month} ${t.year}, ${pad(t.hour)}:${pad(t.minute)}`;
}

/** RFC 822 date as Arc XP feeds print it: 'Fri, 05 Jan 2024 13:12:00 +0000'. */
export function rfc822(iso: string): string {
  return new Date(iso).toUTCString().replace('GMT', '+0000');
}

/** HTTP date for Last-Modified. */
export function httpDate(iso: string): string {
  return new Date(iso).toUTCString();
}

/** The latest of some ISO timestamps (compared as instants). */
export function latest(isos: string[]): string {
  let best = isos[0] ?? '2024-01-01T00:00:00+01:00';
  for (const iso of isos) if (Date.parse(iso) > Date.parse(best)) best = iso;
  return best;
}
