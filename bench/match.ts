// Matcher speed: 50 event queries of realistic size (three concept groups of 8-16 words,
// wildcards, phrases, cs(), a NEAR clause, a NOT clause, sometimes a field) against generated
// ~1,500-word articles in French, Dutch and English. Text is generated from word lists with a
// fixed seed, so runs are comparable. Prints articles/s (50 events each, tokenising included)
// and µs per event per article.
// Run: npx tsx bench/match.ts [--articles N] [--rounds N]   (or node dist/bench/match.js)
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
import { compileQuery, matchDocument, tokenize, type CompiledQuery } from '../src/match/index.js';
import type { MatchDocument } from '../src/match/types.js';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '60' },
    rounds: { type: 'string', default: '7' },
  },
});

/** mulberry32: small, fast, seeded. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = rng(20240105);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;

const COMMON: Record<'fr' | 'nl' | 'en', string> = {
  fr: `le la les un une des du de et à en dans pour sur avec par que qui ne pas plus être avoir faire
    dire pouvoir aller voir savoir vouloir venir falloir devoir croire trouver donner prendre parler
    aimer passer mettre gouvernement ministre commune bourgmestre conseil communal échevin élections
    Bruxelles Wallonie Flandre Liège Namur Anvers Gand Vilvorde police justice tribunal procès école
    hôpital santé économie entreprise emploi travailleurs grève syndicats budget impôts réforme
    opposition majorité parti socialiste libéral écologiste député sénat chambre fédéral régional
    européen Iran iranienne résistance manifestation rassemblement soutien déclaration plan points
    droits humains liberté démocratie femmes jeunes citoyens habitants quartier ville rue gare projet
    l'opposition d'abord qu'il l'hôtel aujourd'hui c'est n'est s'est jusqu'à lorsqu'on anti-corruption`,
  nl: `de het een en van in op te dat die voor met niet is zijn was er aan ook als bij door om
    maar naar dan nog wel geen over tot uit wordt werd heeft hebben kan zal moet gaan komen zeggen
    regering minister gemeente burgemeester gemeenteraad schepen verkiezingen Brussel Vlaanderen
    Wallonië Antwerpen Gent Leuven Vilvoorde politie justitie rechtbank proces school ziekenhuis
    gezondheid economie bedrijf werk werknemers staking vakbonden begroting belastingen hervorming
    oppositie meerderheid partij socialisten liberalen groenen Kamer Senaat federale regionale
    Europese Iran Iraanse verzet betoging bijeenkomst steun verklaring plan punten mensenrechten
    vrijheid democratie vrouwen jongeren burgers inwoners wijk stad straat station project
    tienpuntenplan auto's zo'n stadhuis schepencollege gemeentebestuur OCMW-voorzitter`,
  en: `the a an and of in on to that which for with not is are was were be been has have had can
    will must go come say said government minister municipality mayor council councillor elections
    Brussels Flanders Wallonia Antwerp Ghent Leuven Vilvoorde police justice court trial school
    hospital health economy company jobs workers strike unions budget taxes reform opposition
    majority party socialist liberal green chamber senate federal regional European Iran Iranian
    resistance protest rally support declaration plan points rights freedom democracy women young
    citizens residents district city street station project ten-point mayor's city-hall don't it's`,
};
const NAMES = ['Rajavi', 'NCRI', 'CNRI', 'Bonte', 'Nobari', 'Belga', 'De Croo', 'Magnette', 'MEK'];
const NUMBERS = ['160', '165', '2024', '5.1', '1.600', '12', '260', '48', '3,5'];

function sentence(lang: keyof typeof COMMON, words: string[]): string {
  const n = 10 + Math.floor(rand() * 16);
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const r = rand();
    out.push(r < 0.03 ? pick(NAMES) : r < 0.05 ? pick(NUMBERS) : pick(words));
  }
  const s = out.join(' ');
  const end = rand() < 0.9 ? '.' : rand() < 0.5 ? '?' : ' !';
  const text = s.charAt(0).toUpperCase() + s.slice(1) + (lang === 'fr' ? end : end.trim());
  return rand() < 0.1 ? `« ${text} »` : text;
}

function article(lang: keyof typeof COMMON, id: number): MatchDocument {
  const words = COMMON[lang].split(/\s+/).filter(Boolean);
  const paragraphs: string[] = [];
  let count = 0;
  while (count < 1500) {
    const sentences: string[] = [];
    for (let s = 0; s < 3 + Math.floor(rand() * 4); s++) sentences.push(sentence(lang, words));
    const p = sentences.join(' ');
    count += p.split(' ').length;
    paragraphs.push(p);
  }
  return {
    title: sentence(lang, words),
    lead: sentence(lang, words) + ' ' + sentence(lang, words),
    body: paragraphs.join('\n\n'),
    url: `https://news.example/${lang}/${id}/article`,
    outlet: pick(['belga', 'rtl', 'lalibre', 'brusselstimes', 'vrt']),
    lang,
    authors: ['Redactie', 'Belga'],
  };
}

/** One event: three concept groups, one NEAR clause, one NOT clause, sometimes a field. */
function eventQuery(): string {
  const all = Object.values(COMMON)
    .flatMap((c) => c.split(/\s+/))
    .filter((w) => /^[\p{L}]{4,}$/u.test(w));
  const group = (size: number): string => {
    const terms: string[] = [];
    for (let i = 0; i < size; i++) {
      const w = pick(all);
      const r = rand();
      if (r < 0.2) terms.push(`${w.slice(0, Math.max(3, w.length - 2))}*`);
      else if (r < 0.4) terms.push(`"${w} ${pick(all)}"`);
      else if (r < 0.45) terms.push(`cs(${pick(NAMES.filter((n) => !n.includes(' ')))})`);
      else terms.push(w);
    }
    return `(${terms.join(' OR ')})`;
  };
  const near = `(${pick(all)} OR ${pick(all)}*) NEAR/${2 + Math.floor(rand() * 8)} (${pick(all)} OR "${pick(all)} ${pick(all)}")`;
  const field = rand() < 0.3 ? ` AND title:(${pick(all)} OR ${pick(all)})` : '';
  return `${group(8 + Math.floor(rand() * 9))} AND ${group(8 + Math.floor(rand() * 9))} AND (${group(6)} OR ${near}) AND NOT ${group(3)}${field}`;
}

const nArticles = Number(values.articles);
const rounds = Number(values.rounds);
const langs = ['fr', 'nl', 'en'] as const;
const makeArticles = (): MatchDocument[] =>
  Array.from({ length: nArticles }, (_, i) => article(langs[i % 3] ?? 'en', i));
const templates = makeArticles();
const words = templates.reduce((n, a) => n + tokenize(a.body).norm.length, 0) / templates.length;
const queries = Array.from({ length: 50 }, eventQuery);

let compiled: CompiledQuery[] = queries.map((q) => compileQuery(q)); // warm-up
let t0 = performance.now();
for (let r = 0; r < 20; r++) compiled = queries.map((q) => compileQuery(q));
const compileUs = ((performance.now() - t0) * 1000) / (20 * queries.length);

/** A fresh copy of every article, so each round tokenises again (new objects, new strings). */
const fresh = (): MatchDocument[] => templates.map((a) => ({ ...a, body: `${a.body} ` }));

let matches = 0;
const cold: number[] = [];
const warm: number[] = [];
for (let r = 0; r < rounds; r++) {
  const docs = fresh();
  t0 = performance.now();
  for (const doc of docs) for (const q of compiled) if (matchDocument(q, doc)) matches++;
  cold.push(performance.now() - t0);
  t0 = performance.now();
  for (const doc of docs) for (const q of compiled) matchDocument(q, doc);
  warm.push(performance.now() - t0);
}
const median = (xs: number[]): number =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const coldMs = median(cold);
const warmMs = median(warm);
t0 = performance.now();
for (const a of fresh()) tokenize(a.title + a.lead + a.body);
const tokenizeMs = (performance.now() - t0) / nArticles;

const pairs = nArticles * compiled.length;
process.stdout.write(
  [
    `match bench — node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? '?'})`,
    `${nArticles} articles (fr/nl/en, ~${Math.round(words)} body words each) × ${compiled.length} events, median of ${rounds} rounds`,
    `matches: ${matches / rounds} (event, article) pairs per round`,
    '',
    '| what | value |',
    '|---|---|',
    `| compile one event query | ${compileUs.toFixed(0)} µs |`,
    `| articles/s, all 50 events, tokenising included | ${((nArticles * 1000) / coldMs).toFixed(0)} |`,
    `| µs per event per article, tokenising included | ${((coldMs * 1000) / pairs).toFixed(1)} |`,
    `| µs per event per article, article already tokenised | ${((warmMs * 1000) / pairs).toFixed(1)} |`,
    `| tokenise one article (title + lead + body) | ${(tokenizeMs * 1000).toFixed(0)} µs |`,
    '',
  ].join('\n'),
);
