// Language-independent evidence that two texts in different languages are versions of one
// dispatch: the numbers they carry (160, 165, 1 600 = 1.600 = 1,600), the dates (5 janvier =
// 5 januari = January 5), the weekday, and the proper names (capitalised words that do not open
// a sentence, folded: Téhéran = Teheran; one letter more or less counts when the shorter name
// keeps five letters: Vilvoorde = Vilvorde, Rajavi = Radjavi). Pure.
import { splitSentences, type SentenceRange } from '../match/index.js';
import { foldText } from '../text/fold.js';
import { AGENCY_WORDS, foldedWords, isCapitalised } from './text-fold.js';

export interface Evidence {
  /** Canonical numbers, dates ("date:1-5") and weekdays ("day:5") with their weight. */
  numbers: ReadonlyMap<string, number>;
  /** The keys of `numbers`, for quick iteration. */
  numberKeys: readonly string[];
  /** Folded proper names, unique, sorted. */
  names: readonly string[];
  /** Per name: its one-letter deletions that keep FUZZY_MIN letters or more. */
  deletions: ReadonlyArray<readonly string[]>;
  nameSet: ReadonlySet<string>;
  /** Every deletion of every name. */
  deletionSet: ReadonlySet<string>;
  /** Sum of the weights of names (1 each) and numbers. */
  weight: number;
}

export interface EvidenceMatch {
  /** Names found on both sides (the smaller of the two directions). */
  sharedNames: number;
  /** Summed weight of the numbers, dates and weekdays found on both sides. */
  sharedNumbers: number;
  /** (sharedNames + sharedNumbers) / the smaller side's weight, 0..1. */
  score: number;
}

const FUZZY_MIN = 5;

const MONTHS: ReadonlyMap<string, number> = wordMap([
  'janvier janv january jan januari',
  'fevrier fevr february feb februari',
  'mars march mar maart',
  'avril avr april apr',
  'mai may mei',
  'juin june jun juni',
  'juillet juil july jul juli',
  'aout august aug augustus',
  'septembre sept september sep',
  'octobre oct october oktober okt',
  'novembre nov november',
  'decembre dec december',
]);
const WEEKDAYS: ReadonlyMap<string, number> = wordMap([
  'lundi monday maandag',
  'mardi tuesday dinsdag',
  'mercredi wednesday woensdag',
  'jeudi thursday donderdag',
  'vendredi friday vrijdag',
  'samedi saturday zaterdag',
  'dimanche sunday zondag',
]);
/** Capitalised words that are not names of the story: titles of address and the like. */
const NOT_NAMES: ReadonlySet<string> = new Set([
  ...AGENCY_WORDS,
  ...'mme mmes mlle mr mrs dhr mevr the les het een une des photo foto'.split(' '),
]);

function wordMap(rows: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  rows.forEach((row, i) => row.split(' ').forEach((w) => m.set(w, i + 1)));
  return m;
}

// 1 600 / 1.600 / 1,600 (groups of three), 2,5 / 2.5 (decimals), 160.
const NUMBER_RE = /\d+(?:[.,\u00a0\u202f\u2009]\d{3})*(?:[.,]\d+)?/gu;
const GROUPED_RE = /^\d{1,3}(?:[.,\u00a0\u202f\u2009]\d{3})+$/u;
const AFTER_DAY_RE = /^(?:er|e|ste|de|th|st|nd|rd)?\.?\s+(\p{L}+)/u;

/** The word right before offset `at` ("January 5" -> January), across spaces and a period. */
function wordBefore(text: string, at: number): string {
  let end = at;
  while (end > 0 && /\s/u.test(text.charAt(end - 1))) end--;
  if (end === at) return '';
  if (text.charAt(end - 1) === '.') end--;
  let start = end;
  while (start > 0 && start > end - 12 && /\p{L}/u.test(text.charAt(start - 1))) start--;
  return text.slice(start, end);
}

function canonicalNumber(raw: string): string {
  if (GROUPED_RE.test(raw)) return String(Number(raw.replace(/\D/gu, '')));
  return String(Number(raw.replace(',', '.')));
}

/** Small counts, days and years are common: half weight. */
function numberWeight(canonical: string): number {
  const v = Number(canonical);
  if (Number.isInteger(v) && (v <= 31 || (v >= 1900 && v <= 2100))) return 0.5;
  return 1;
}

function numbersOf(text: string, words: readonly string[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const m of text.matchAll(NUMBER_RE)) {
    const raw = m[0];
    const at = m.index;
    const value = canonicalNumber(raw);
    const day = Number(value);
    if (Number.isInteger(day) && day >= 1 && day <= 31) {
      const after = AFTER_DAY_RE.exec(text.slice(at + raw.length, at + raw.length + 24));
      const month =
        MONTHS.get(foldText(after?.[1] ?? '')) ?? MONTHS.get(foldText(wordBefore(text, at)));
      if (month !== undefined) {
        out.set(`date:${month}-${day}`, 1);
        continue;
      }
    }
    out.set(value, numberWeight(value));
  }
  for (const w of words) {
    const d = WEEKDAYS.get(w);
    if (d !== undefined) out.set(`day:${d}`, 0.5);
  }
  return out;
}

/** Capitalised words that do not open a sentence or a quotation. */
function namesOf(text: string, sentences: readonly SentenceRange[]): string[] {
  const names = new Set<string>();
  for (const r of sentences) {
    const sentence = text.slice(r.start, r.end);
    let first = true;
    for (const m of sentence.matchAll(/[\p{L}\p{M}]+/gu)) {
      const word = m[0];
      const opensSentence = first;
      first = false;
      if (opensSentence || !isCapitalised(word)) continue;
      const before = sentence.slice(Math.max(0, m.index - 3), m.index);
      if (/[«“„":]\s*$|^\s*[-–—]\s*$/u.test(before)) continue; // opens a quotation
      const f = foldText(word);
      if (f.length < 3 || NOT_NAMES.has(f) || MONTHS.has(f) || WEEKDAYS.has(f)) continue;
      names.add(f);
    }
  }
  return [...names].sort();
}

function deletions(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

/** Evidence of a text; its folded words and sentences may be passed when already computed. */
export function evidenceOf(
  text: string,
  words: readonly string[] = foldedWords(text),
  sentences: readonly SentenceRange[] = splitSentences(text),
): Evidence {
  const numbers = numbersOf(text, words);
  const names = namesOf(text, sentences);
  const shorter = names.map((n) => (n.length > FUZZY_MIN ? deletions(n) : []));
  const deletionSet = new Set(shorter.flat());
  let weight = names.length;
  for (const w of numbers.values()) weight += w;
  const numberKeys = [...numbers.keys()];
  return {
    numbers,
    numberKeys,
    names,
    deletions: shorter,
    nameSet: new Set(names),
    deletionSet,
    weight,
  };
}

/** Names of `a` found in `b`, exactly or with one letter more or less (the shorter keeping
 * FUZZY_MIN letters): Vilvoorde = Vilvorde, Radjavi = Rajavi. A changed letter does not count:
 * among surnames it links too many different people. */
function namesFound(a: Evidence, b: Evidence): number {
  let n = 0;
  a.names.forEach((name, i) => {
    if (
      b.nameSet.has(name) ||
      b.deletionSet.has(name) ||
      a.deletions[i]?.some((d) => b.nameSet.has(d))
    ) {
      n++;
    }
  });
  return n;
}

/** Summed weight of the numbers, dates and weekdays both texts carry. Cheap: a first filter. */
export function sharedNumberWeight(a: Evidence, b: Evidence): number {
  let shared = 0;
  const small = a.numberKeys.length <= b.numberKeys.length ? a : b;
  const large = small === a ? b : a;
  for (let i = 0; i < small.numberKeys.length; i++) {
    const key = small.numberKeys[i];
    if (key !== undefined && large.numbers.has(key)) shared += small.numbers.get(key) ?? 0;
  }
  return shared;
}

export function compareEvidence(a: Evidence, b: Evidence): EvidenceMatch {
  const sharedNumbers = sharedNumberWeight(a, b);
  const sharedNames = Math.min(namesFound(a, b), namesFound(b, a));
  const base = Math.min(a.weight, b.weight);
  const score = base > 0 ? Math.min(1, (sharedNames + sharedNumbers) / base) : 0;
  return { sharedNames, sharedNumbers, score };
}
