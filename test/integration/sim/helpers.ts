// Helpers shared by the simulator tests: fetching, link extraction and a simplified regex
// version of the Vilvoorde event query (config/events/vilvoorde-2024.yaml) to check content
// without depending on the query engine.

export async function get(
  url: string,
  init: RequestInit = {},
): Promise<{ status: number; headers: Headers; text: string }> {
  const res = await fetch(url, { redirect: 'manual', ...init });
  return { status: res.status, headers: res.headers, text: await res.text() };
}

/** Every href of <a> elements, as written (relative or absolute). */
export function hrefs(html: string): string[] {
  return [...html.matchAll(/<a\s[^>]*href="([^"]*)"/g)].map((m) =>
    (m[1] ?? '').replace(/&amp;/g, '&'),
  );
}

export function titleOf(html: string): string {
  return decode(/<title>([^<]*)<\/title>/.exec(html)?.[1] ?? '');
}

export function decode(text: string): string {
  return text
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** The <p> texts of the article body (up to the tags block that follows it). */
export function bodyParagraphs(html: string): string[] {
  const start = html.indexOf('<div class="article-body"');
  const end = html.indexOf('<div class="article-tags"', start);
  if (start < 0 || end < 0) return [];
  return [...html.slice(start, end).matchAll(/<p>([\s\S]*?)<\/p>/g)].map((m) => decode(m[1] ?? ''));
}

export function jsonLdArticle(html: string): Record<string, unknown> | undefined {
  for (const m of html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)) {
    const data = JSON.parse(m[1] ?? '{}') as Record<string, unknown>;
    if (data['@type'] === 'NewsArticle') return data;
  }
  return undefined;
}

export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’‘]/g, "'")
    .toLowerCase();
}

const RESISTANCE =
  /\b(?:rajavi|radjavi|ncri|cnri|nwri|mek)\b|iranian (?:resistance|opposition)|(?:resistance|opposition) iranienne|iraanse? verzet|iraanse oppositie|conseil national de la resistance|nationale verzetsraad|national council of resistance/;
const MAYORS =
  /\b(?:mayor|bourgmestre|burgemeester|maire|gemeente|commune|municipal)|city hall|hotel de ville|stadhuis/;
export const ANCHOR = /\b(?:vilvoorde|vilvorde|hans bonte|nobari|160|165)\b/;

export interface Groups {
  resistance: boolean;
  mayors: boolean;
  anchor: boolean;
}

export function groups(text: string): Groups {
  const t = fold(text);
  return { resistance: RESISTANCE.test(t), mayors: MAYORS.test(t), anchor: ANCHOR.test(t) };
}

export function matchesEvent(text: string): boolean {
  const g = groups(text);
  return g.resistance && g.mayors && g.anchor;
}
