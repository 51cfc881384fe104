// JSON-LD (schema.org) reading. Pages embed one or many scripts; each may hold an object, an
// array, or an object with an @graph, and objects nest (WebPage.mainEntity, author objects) or
// point at each other by @id. All typed nodes are flattened into one list and the article node
// is chosen among them.

export type JsonValue = string | number | boolean | null | JsonValue[] | JsonObject;
export interface JsonObject {
  [key: string]: JsonValue;
}

export interface JsonLd {
  /** The node describing the article, or null. */
  article: JsonObject | null;
  /** Every node with an @type, in document order. */
  nodes: JsonObject[];
  byId: Map<string, JsonObject>;
}

const ARTICLE_TYPES = new Set([
  'article',
  'newsarticle',
  'reportagenewsarticle',
  'analysisnewsarticle',
  'opinionnewsarticle',
  'backgroundnewsarticle',
  'reviewnewsarticle',
  'askpublicnewsarticle',
  'satiricalarticle',
  'advertisercontentarticle',
  'blogposting',
  'liveblogposting',
  'socialmediaposting',
  'report',
  'scholarlyarticle',
  'techarticle',
]);
const MAX_DEPTH = 8;

export function readJsonLd(scripts: readonly string[]): JsonLd {
  const nodes: JsonObject[] = [];
  const parts = new Set<JsonObject>();
  for (const text of scripts) {
    const parsed = parseLenient(text);
    if (parsed !== undefined) collectNodes(parsed, nodes, parts, 0, false);
  }
  const byId = new Map<string, JsonObject>();
  for (const node of nodes) {
    const id = node['@id'];
    if (typeof id === 'string' && !byId.has(id)) byId.set(id, node);
  }
  const whole = nodes.filter((n) => !parts.has(n));
  return { article: pickArticle(whole.length > 0 ? whole : nodes), nodes, byId };
}

/** A wrapper CMSs put around script text: an HTML comment, CDATA bare, in a block comment or
 * after a line comment, or Drupal's "<!--//--><![CDATA[//><!--" … "//--><!]]>". */
const WRAP_START =
  /^\s*(?:<!--\/\/-->\s*<!\[CDATA\[\/\/>\s*<!--|<!--|\/\*\s*<!\[CDATA\[\s*\*\/|(?:\/\/\s*)?<!\[CDATA\[)/;
const WRAP_END = /(?:\/\/-->\s*<!\]\]>|-->|\/\*\s*\]\]>\s*\*\/|(?:\/\/\s*)?\]\]>)\s*$/;

/** JSON.parse that tolerates what CMSs emit: HTML comments, CDATA, raw newlines in strings. */
function parseLenient(text: string): JsonValue | undefined {
  const cleaned = text.replace(WRAP_START, '').replace(WRAP_END, '').trim();
  if (cleaned === '') return undefined;
  try {
    return JSON.parse(cleaned) as JsonValue;
  } catch {
    try {
      // Raw control characters are invalid inside JSON strings and harmless outside them.
      // eslint-disable-next-line no-control-regex
      return JSON.parse(cleaned.replace(/[\u0000-\u001f]+/g, ' ')) as JsonValue;
    } catch {
      return undefined;
    }
  }
}

/**
 * Flattens typed nodes into `out`. Article nodes inside another article node (a live blog's
 * liveBlogUpdate entries, hasPart, a review's item) go into `parts` too: the page's article is
 * the one that holds them.
 */
function collectNodes(
  value: JsonValue,
  out: JsonObject[],
  parts: Set<JsonObject>,
  depth: number,
  insideArticle: boolean,
): void {
  if (depth > MAX_DEPTH || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const v of value) collectNodes(v, out, parts, depth + 1, insideArticle);
    return;
  }
  const article = value['@type'] !== undefined && isArticleNode(value);
  if (value['@type'] !== undefined) out.push(value);
  if (article && insideArticle) parts.add(value);
  for (const [key, v] of Object.entries(value)) {
    if (key === '@context') continue;
    if (v !== null && typeof v === 'object')
      collectNodes(v, out, parts, depth + 1, insideArticle || article);
  }
}

/** Lower-cased @type names without a schema.org prefix. */
export function typesOf(node: JsonObject): string[] {
  const t = node['@type'];
  const list = Array.isArray(t) ? t : [t];
  const out: string[] = [];
  for (const x of list) {
    if (typeof x === 'string') out.push(x.replace(/^.*[/#:]/, '').toLowerCase());
  }
  return out;
}

export function isArticleNode(node: JsonObject): boolean {
  return typesOf(node).some((t) => ARTICLE_TYPES.has(t));
}

function pickArticle(nodes: readonly JsonObject[]): JsonObject | null {
  let best: JsonObject | null = null;
  let bestScore = -1;
  for (const node of nodes) {
    if (!isArticleNode(node)) continue;
    let score = 1;
    if (typesOf(node).some((t) => t.endsWith('newsarticle') || t === 'liveblogposting')) score += 2;
    if (typeof node['headline'] === 'string') score += 2;
    if (node['datePublished'] !== undefined) score += 1;
    const body = node['articleBody'];
    if (typeof body === 'string') score += Math.min(3, body.length / 1000);
    if (score > bestScore) {
      best = node;
      bestScore = score;
    }
  }
  return best;
}

/** Follows an {"@id": …} reference to the node it names, if the page defines it. */
export function resolveRef(ld: JsonLd, value: JsonValue | undefined): JsonValue | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const id = value['@id'];
  if (typeof id === 'string' && Object.keys(value).length === 1) return ld.byId.get(id) ?? value;
  return value;
}

/** A plain string from a JSON-LD value: a string, {"@value"}, {"name"} or an array's first. */
export function ldString(value: JsonValue | undefined): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) {
    for (const v of value) {
      const s = ldString(v);
      if (s !== null) return s;
    }
    return null;
  }
  if (typeof value === 'object') {
    return ldString(value['@value'] ?? value['name'] ?? value['url'] ?? undefined);
  }
  return null;
}

/** A JSON-LD value as a list (a single value becomes a one-element list). */
export function ldList(value: JsonValue | undefined): JsonValue[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/** The first node of one of `types` (lower-case, without prefix), or null. */
export function firstOfType(ld: JsonLd, types: ReadonlySet<string>): JsonObject | null {
  for (const node of ld.nodes) if (typesOf(node).some((t) => types.has(t))) return node;
  return null;
}
