// Article links on home and section pages: same host, matching the outlet's article pattern.
// Takes an already-parsed document. Pure.
import { getElementsByTagName, getAttributeValue } from 'domutils';
import type { Document } from 'domhandler';
import { canonicalUrl } from '../url/canonical.js';

export function articleLinks(doc: Document, pageUrl: string, pattern: RegExp | null): string[] {
  const host = new URL(pageUrl).host;
  const base = baseHref(doc, pageUrl);
  const out = new Set<string>();
  for (const a of getElementsByTagName('a', doc.children, true)) {
    const href = getAttributeValue(a, 'href');
    if (!href) continue;
    const url = canonicalUrl(href, base);
    if (!url) continue;
    const u = new URL(url);
    if (u.host !== host) continue;
    if (pattern && !pattern.test(u.pathname + u.search)) continue;
    out.add(url);
  }
  return [...out];
}

function baseHref(doc: Document, pageUrl: string): string {
  const base = getElementsByTagName('base', doc.children, true, 1)[0];
  const href = base ? getAttributeValue(base, 'href') : undefined;
  if (!href) return pageUrl;
  try {
    return new URL(href, pageUrl).toString();
  } catch {
    return pageUrl;
  }
}
