// Generated local news: headline, lead and paragraphs from the word lists, driven by a seeded
// PRNG so that the same seed and article number always give the same text.
import { createRng, mixSeed, type Rng } from '../prng.js';
import { slugify } from '../text.js';
import type { SimLang } from '../types.js';
import { LEXICON, type Lexicon } from './words.js';

const LANGS: SimLang[] = ['fr', 'nl', 'en'];
/** Generated articles are spread over the event window, 2024-01-03 to 2024-01-12. */
const WINDOW_START = Date.parse('2024-01-03T06:00:00+01:00');
const WINDOW_MINUTES = 9 * 24 * 60 + 15 * 60;

export interface GeneratedMeta {
  n: number;
  lang: SimLang;
  title: string;
  slug: string;
  path: string;
  published: string;
  sectionName: string;
  sectionPath: string;
  author: string;
}

const AUTHORS = [
  'Elise Marchal',
  'Joris Van Acker',
  'Nora Lemaire',
  'Pieter Goossens',
  'Sam Whitfield',
  'Inès Dupont',
];

export function langOf(n: number): SimLang {
  return LANGS[(n - 1) % LANGS.length] ?? 'fr';
}

const lowerFirst = (t: string): string =>
  /^[A-Z]{2}/.test(t) ? t : t.charAt(0).toLowerCase() + t.slice(1);
const upperFirst = (t: string): string => t.charAt(0).toUpperCase() + t.slice(1);

/** ISO timestamp with the +01:00 offset (Brussels in winter). */
export function isoBrussels(ms: number): string {
  return new Date(ms + 3_600_000).toISOString().slice(0, 19) + '+01:00';
}

export function generatedMeta(seed: number, n: number): GeneratedMeta {
  const lang = langOf(n);
  const lex = LEXICON[lang];
  const rng = createRng(mixSeed(seed, n, 1));
  const place = rng.pick(lex.places);
  const title = `${place}${lang === 'fr' ? ' : ' : ': '}${lowerFirst(rng.pick(lex.subjects))} ${rng.pick(lex.verbs)} ${rng.pick(lex.objects)}`;
  const slug = slugify(title, 80);
  const minutes = rng.int(0, WINDOW_MINUTES);
  const sectionName = rng.pick(lex.sections);
  return {
    n,
    lang,
    title,
    slug,
    path: `/news/${n}/${slug}`,
    published: isoBrussels(WINDOW_START + minutes * 60_000),
    sectionName,
    sectionPath: `/section/${slugify(sectionName)}`,
    author: rng.pick(AUTHORS),
  };
}

function sentence(rng: Rng, lex: Lexicon, lang: SimLang): string {
  const roll = rng.next();
  if (roll < 0.12) {
    return lex.quoteTemplate
      .replace('{q}', rng.pick(lex.quotes))
      .replace('{s}', rng.pick(lex.speakers));
  }
  if (roll < 0.2) {
    return rng.pick(lex.figures).replace('{n}', String(rng.int(2, 95) * 10 + 7));
  }
  const opener = rng.pick(lex.openers);
  const subject = opener ? lowerFirst(rng.pick(lex.subjects)) : rng.pick(lex.subjects);
  const clause = rng.pick(lex.clauses);
  const inPlace = rng.chance(0.3)
    ? ` ${lang === 'en' ? 'in' : lang === 'fr' ? 'à' : 'in'} ${rng.pick(lex.places)}`
    : '';
  const body = `${opener}${subject} ${rng.pick(lex.verbs)} ${rng.pick(lex.objects)} ${rng.pick(lex.complements)}${inPlace}`;
  return `${upperFirst(body)}${clause ? `, ${clause}` : ''}.`;
}

export interface GeneratedText {
  lead: string;
  paragraphs: string[];
  tags: string[];
}

export function generatedText(seed: number, meta: GeneratedMeta): GeneratedText {
  const lex = LEXICON[meta.lang];
  const rng = createRng(mixSeed(seed, meta.n, 2));
  const lead = sentence(rng, lex, meta.lang);
  const count = rng.int(6, 20);
  const paragraphs: string[] = [];
  for (let p = 0; p < count; p++) {
    const sentences: string[] = [];
    const size = rng.int(3, 6);
    for (let i = 0; i < size; i++) sentences.push(sentence(rng, lex, meta.lang));
    paragraphs.push(sentences.join(' '));
  }
  return { lead, paragraphs, tags: [meta.sectionName, rng.pick(lex.places)] };
}
