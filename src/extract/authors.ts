// Author names from JSON-LD, <meta> and the byline. Names only: "By", "Door", "Par" and dates
// are cut, lists are split on "and / et / en / und", commas and "&", and duplicates removed.
// News agencies ("Belga", "AFP") are not authors: they are returned apart, as a wire credit.
import { attr, contains, forEachElement, textOf } from './dom.js';
import type { Document, Element } from './dom.js';
import { ldList, resolveRef, typesOf } from './json-ld.js';
import type { JsonLd, JsonValue } from './json-ld.js';
import type { PageMeta } from './page-meta.js';
import { agencyIn, stripAgencies } from './agencies.js';
import { foldAligned, foldKey } from '../text/fold.js';
import { MONTH_ALT } from '../time/written-date.js';

export interface Byline {
  authors: string[];
  /** Agencies named where the authors are, e.g. ["Belga"]. */
  agencies: string[];
}

const PREFIX =
  /^(?:(?:written|posted|reported)\s+by|by|door|par|van|von|texte?|tekst|auteurs?|authors?|reporter|journaliste?|rédaction|redactie|signé|interview)\s*[:\-–]?\s+/i;
const CUT_AT =
  /\s*(?:[|•·]|\b(?:publié|publie|mis\s+à\s+jour|modifié|gepubliceerd|bijgewerkt|aangepast|(?:last\s+)?updated|published|posted|le\s+\d|op\s+\d|on\s+\d|il\s+y\s+a|\d{1,2}[/.:h]\d{2})).*$/i;
/**
 * A written date after the name ("By Ann Smith March 25, 2015", "Par Jan Dupont 5 janvier"),
 * read on the folded text with the month names of written-date.ts.
 */
const WRITTEN_DATE = new RegExp(
  `\\s+(?:(?:${MONTH_ALT})\\.?\\s+\\d|\\d{1,2}(?:er)?\\s+(?:${MONTH_ALT})\\.?(?:\\s|$))`,
);
/** "Martin Dupont (avec Anne Leroy et Luc Petit)": the names in the parenthesis are authors too. */
const WITH_PAREN = /\(\s*(?:avec|with|met|mit)\s+([^)]*)\)/gi;
const SPLIT = /\s*(?:,|;|&|\+|\s\/\s|\band\b|\bet\b|\ben\b|\bund\b)\s*/i;
const ORGANISATION =
  /^(?:(?:la|le|de|het|the)\s+)?(?:rédaction|redaction|redactie|newsroom|staff|editorial|desk|team|équipe|nieuwsdienst|service)\b|\b(?:media|news|nieuws|info|online|magazine|journal|staff|redactie|rédaction|team|desk|newsroom|reporters)$/i;
/** Words of the page's furniture that byline-like elements also hold ("Sign In", "Follow"). */
const NOT_A_NAME =
  /^(?:sign|log)\s*(?:in|up|out)\b|^(?:inloggen|aanmelden|connexion|se\s+connecter|subscribe|s'abonner|abonneer|follow|volg|suivre|contact|more|meer|plus|authority\s+control|about(?:\s+the\s+author)?|share|partager|delen)$/i;
/** A job title after the name: "Ann Smith Games Editor", "Jan Peeters Correspondent". */
const ROLE =
  /^(?:editor|correspondent|reporter|writer|journalist|journaliste|columnist|contributor|producer|redacteur|rédacteur|rédactrice|correspondant|correspondante|verslaggever|chroniqueur|chroniqueuse|editorialist|éditorialiste)$/i;
/** Words that qualify a job title: "Senior Political Correspondent", "Games Editor". */
const ROLE_MODIFIER =
  /^(?:senior|chief|deputy|managing|executive|associate|assistant|contributing|staff|political|foreign|diplomatic|legal|economics|economic|business|finance|financial|tech|technology|science|health|sports?|games|culture|arts|music|film|travel|food|politics|europe|eu|brussels|washington|london|paris|news|digital|video|photo|data|investigations?|special|international|national|regional|local|environment|climate|energy|education|security|defence|defense|justice|crime|courts|royal|weather|fashion|lifestyle|opinion|world|us|uk|middle|east|africa|asia|latin|america)$/i;
const BYLINE_HINT = /byline|author|auteur|journalist|signature|writer|by-line|article-by|redacteur/;
const MAX_BYLINE = 150;

export function extractByline(
  doc: Document,
  meta: PageMeta,
  ld: JsonLd,
  siteNames: string[],
): Byline {
  const exclude = siteNames.map(nameKey);
  const sources: string[][] = [
    fromJsonLd(ld),
    fromMeta(meta),
    fromItemprops(meta),
    fromHints(
      doc,
      meta.h1s,
      (text) => splitNames(text, exclude).length > 0 || agencyIn(text).length > 0,
    ),
  ];
  const agencies = new Set<string>();
  for (const raws of sources) {
    const names: string[] = [];
    for (const raw of raws) {
      for (const a of agencyIn(raw)) agencies.add(a);
      names.push(...splitNames(raw, exclude));
    }
    const authors = dedupe(names);
    if (authors.length > 0 || agencies.size > 0) return { authors, agencies: [...agencies] };
  }
  return { authors: [], agencies: [] };
}

function fromJsonLd(ld: JsonLd): string[] {
  const article = ld.article;
  if (article === null) return [];
  const out: string[] = [];
  for (const v of ldList(article['author'] ?? article['creator'])) {
    const node = resolveRef(ld, v);
    out.push(...personNames(node));
  }
  return out;
}

function personNames(node: JsonValue | undefined): string[] {
  if (typeof node === 'string') return [node];
  if (node === null || node === undefined || typeof node !== 'object') return [];
  if (Array.isArray(node)) return node.flatMap(personNames);
  const name = node['name'];
  const text = typeof name === 'string' ? name : Array.isArray(name) ? String(name[0] ?? '') : '';
  if (text === '') return [];
  // An organisation as author is an agency or the newsroom, never a person.
  const isOrg = typesOf(node).some((t) => t.includes('organization') || t === 'corporation');
  if (isOrg) return agencyIn(text).length > 0 ? [text] : [];
  return [text];
}

function fromMeta(meta: PageMeta): string[] {
  for (const key of [
    'author',
    'article:author',
    'parsely-author',
    'sailthru.author',
    'dc.creator',
    'dcterms.creator',
  ]) {
    const values = (meta.metas.get(key) ?? []).filter((v) => !/^https?:|^\/|www\./i.test(v));
    if (values.length > 0) return values;
  }
  return [];
}

function fromItemprops(meta: PageMeta): string[] {
  const out: string[] = [];
  for (const el of meta.itemprops) {
    if (!/\b(?:author|creator)\b/.test(attr(el, 'itemprop'))) continue;
    if (el.name === 'meta' || el.name === 'link') continue;
    const named = nameInside(el);
    const text = named ?? textOf(el);
    if (text.length > 0 && text.length <= MAX_BYLINE) out.push(text);
  }
  return out;
}

function nameInside(el: Element): string | null {
  let found: string | null = null;
  forEachElement(el, (child) => {
    if (found !== null) return false;
    if (attr(child, 'itemprop') === 'name') found = attr(child, 'content') || textOf(child);
    return true;
  });
  return found;
}

/** The first element marked as a byline whose text names someone (a "By" label alone does not). */
function fromHints(
  doc: Document,
  h1s: readonly Element[],
  namesSomeone: (text: string) => boolean,
): string[] {
  const out: string[] = [];
  forEachElement(doc, (el) => {
    if (out.length > 0) return false;
    if (el.name === 'script' || el.name === 'style' || el.name === 'nav' || el.name === 'footer') {
      return false;
    }
    const hint = `${attr(el, 'class')} ${attr(el, 'id')} ${attr(el, 'rel')}`.toLowerCase();
    // Readers' comments and "follow our authors" widgets have bylines of their own; a container
    // of the headline is the article, whatever its modifiers say ("article--has-comments").
    if (/comment|reacties|reactions|follow/.test(hint) && !h1s.some((h) => contains(el, h)))
      return false;
    if (!BYLINE_HINT.test(hint) || /bio\b|avatar|image|photo/.test(hint)) return true;
    const text = textOf(el);
    if (text.length === 0 || text.length > MAX_BYLINE || !namesSomeone(text)) return true;
    out.push(text);
    return false;
  });
  return out;
}

/** Names in one byline string. */
export function splitNames(raw: string, exclude: readonly string[] = []): string[] {
  let s = stripAgencies(raw.replace(/\s+/g, ' ').trim());
  for (let i = 0; i < 3; i++) s = s.replace(PREFIX, '');
  s = s.replace(CUT_AT, '');
  const date = WRITTEN_DATE.exec(foldAligned(s));
  if (date !== null) s = s.slice(0, date.index);
  s = s.replace(WITH_PAREN, ', $1');
  const out: string[] = [];
  for (const part of s.split(SPLIT)) {
    const name = cleanName(part);
    if (name !== null && !exclude.includes(nameKey(name))) out.push(name);
  }
  return out;
}

function cleanName(part: string): string | null {
  let name = part
    .replace(/\S+@\S+/g, '')
    .replace(/^[\s\p{P}\p{S}]+|[\s\p{P}\p{S}]+$/gu, '')
    .replace(PREFIX, '')
    .trim();
  name = name.replace(/\s*\([^)]*\)\s*$/, '').trim();
  // Scripts without capitals (Korean, Chinese, Japanese, Arabic …) write names of two or
  // three characters, without a capital to recognise them by.
  const caseless = /^\p{Lo}/u.test(name);
  if (name.length < (caseless ? 2 : 3) || name.length > 60) return null;
  if (/\d|https?:|www\.|@/.test(name)) return null;
  if (NOT_A_NAME.test(name)) return null;
  let words = name.split(' ');
  // A job title after the name ("Ann Smith Senior Games Editor"): cut at the title, then drop
  // the words that qualify it.
  const role = words.findIndex((w) => ROLE.test(w));
  if (role >= 0) {
    words = words.slice(0, role);
    while (words.length > 0 && ROLE_MODIFIER.test(words.at(-1) ?? '')) words.pop();
    if (words.length === 0) return null;
    name = words.join(' ');
    if (name.length < 3) return null;
  }
  if (words.length > 5) return null;
  if (!caseless && !/^\p{Lu}/u.test(name)) return null;
  if (ORGANISATION.test(name)) return null;
  return name;
}

/** foldKey, or the name itself when it has no Latin letter or digit (스타데일리, 한소율). */
function nameKey(name: string): string {
  return foldKey(name) || name.replace(/\s+/g, '');
}

function dedupe(names: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const n of names) {
    const k = nameKey(n);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(n);
  }
  return out;
}
