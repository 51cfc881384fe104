// Language of the article from stop-word counts (words frequent in one of French, Dutch,
// English, German and rare in the others), restricted to the outlet's languages when given and
// cross-checked with <html lang>: the declaration decides when the text is too short or the
// counts are close, the text decides when it clearly disagrees (outlets often declare one
// language site-wide and publish in several). Text mostly in another script than Latin (Korean,
// Japanese, Chinese, Arabic, Cyrillic …) is in another language: null, never the outlet's.
import { isLetterCode } from '../text/fold.js';
import type { Lang } from './types.js';

export const STOP_WORDS: Record<Lang, string> = {
  fr: 'le la les des du une est et dans pour pas qui que sur au aux avec ce cette ces il elle ils sont ont mais ou par plus son sa ses leur été être fait comme nous vous tout aussi était selon après avait entre même lors deux très sans où dont',
  nl: 'het een van zijn niet dat met voor ook aan bij naar maar wordt worden hij zij wij deze dit wat nog zo al dan om uit tot werd heeft hebben door geen meer kan moet zal waren veel onder tegen haar hun waar wel omdat volgens',
  en: 'the and of to that for with are this have has not but they from his her which would their were been said will there who more about when into than also after its can them could other these what only',
  de: 'der und nicht das ist ein eine mit sich auf für dem den des auch von wird werden sind hat nach bei aus noch einer oder aber wenn nur durch vom zum zur sie ich wir ihre seine gegen über',
};
const LANGS: Lang[] = ['fr', 'nl', 'en', 'de'];
const WORDS = new Map<string, Lang[]>();
for (const lang of LANGS) {
  for (const w of STOP_WORDS[lang].split(' ')) {
    const list = WORDS.get(w);
    if (list === undefined) WORDS.set(w, [lang]);
    else list.push(lang);
  }
}
const MAX_TOKENS = 3000;
/** Below this many stop-word hits the text says too little to overrule <html lang>. */
const MIN_HITS = 8;

export interface LanguageInput {
  text: string;
  htmlLang: string | null;
  allowed?: readonly Lang[] | undefined;
}

export function detectLanguage(input: LanguageInput): Lang | null {
  // Text written mostly in another script (Korean, Japanese, Chinese, Arabic, Cyrillic, Greek
  // …) is in a language mediawatch does not read, whatever the outlet or the markup says.
  if (otherScript(input.text)) return null;
  const declared = toLang(input.htmlLang);
  // A page declared in another language ("ko", "ja", "es") is in it unless its text plainly
  // reads as one of ours.
  if (declared === null && languageTag(input.htmlLang) && !readsAsOurs(input.text)) return null;
  const allowed = input.allowed !== undefined && input.allowed.length > 0 ? input.allowed : LANGS;
  if (allowed.length === 1) return allowed[0] ?? null;
  const declaredOk = declared !== null && allowed.includes(declared) ? declared : null;

  const counts = countHits(input.text, allowed);
  const ranked = [...allowed].sort((a, b) => counts[b] - counts[a]);
  const best = ranked[0] ?? null;
  if (best === null) return declaredOk;
  const bestHits = counts[best];
  const second = ranked[1] === undefined ? 0 : counts[ranked[1]];
  if (bestHits < MIN_HITS) return declaredOk ?? (bestHits > second ? best : null);
  if (declaredOk !== null && declaredOk !== best && bestHits < 1.5 * counts[declaredOk]) {
    return declaredOk;
  }
  return best;
}

const LATIN_LETTER = /\p{sc=Latin}/gu;
const OTHER_LETTER = /(?!\p{sc=Latin})\p{L}/gu;
/** Characters of the text read to tell its script. */
const SCRIPT_SAMPLE = 2000;

/** Whether most letters of the text are of a script other than Latin. */
export function otherScript(text: string): boolean {
  const sample = text.length > SCRIPT_SAMPLE ? text.slice(0, SCRIPT_SAMPLE) : text;
  const other = sample.match(OTHER_LETTER)?.length ?? 0;
  if (other === 0) return false;
  const latin = sample.match(LATIN_LETTER)?.length ?? 0;
  return other > latin;
}

/** Whether `code` looks like a language tag ("ko", "zh-Hant", "pt_BR"), not noise. */
function languageTag(code: string | null): boolean {
  return code !== null && /^[a-z]{2,3}(?:[-_][a-z0-9]{2,8})*$/i.test(code.trim());
}

/** Whether the text has enough stop words of one of our languages to say it is in it. */
function readsAsOurs(text: string): boolean {
  const counts = countHits(text, LANGS);
  return LANGS.some((l) => counts[l] >= MIN_HITS);
}

/**
 * Stop-word hits per language in the first MAX_TOKENS tokens of the text: runs of letters and
 * apostrophes, as /[\p{L}']+/gu would find them. Scanned by hand: a match object per word was a tenth of the extractor's
 * allocations; only a token short enough to be a stop word becomes a string.
 */
export function countHits(text: string, allowed: readonly Lang[]): Record<Lang, number> {
  const counts: Record<Lang, number> = { fr: 0, nl: 0, en: 0, de: 0 };
  let n = 0;
  let i = 0;
  while (i < text.length) {
    const start = i;
    while (i < text.length) {
      const width = tokenCharWidth(text, i);
      if (width === 0) break;
      i += width;
    }
    if (i === start) {
      i += text.codePointAt(i)! > 0xffff ? 2 : 1;
      continue;
    }
    if (++n > MAX_TOKENS) break;
    if (i - start > LONGEST_STOP_WORD) continue;
    const langs = WORDS.get(text.slice(start, i).toLowerCase());
    if (langs === undefined) continue;
    // A word shared by several languages counts for each of them.
    for (const l of langs) if (allowed.includes(l)) counts[l] += 1;
  }
  return counts;
}

/**
 * Tokens longer than this are no stop word. Lower-casing does not shorten a word (twice the
 * longest stop word leaves room even if some letter did).
 */
const LONGEST_STOP_WORD = 2 * Math.max(...[...WORDS.keys()].map((w) => w.length));
/** UTF-16 units of the token character at `i` (a letter or an apostrophe), or 0 if it is none. */
function tokenCharWidth(text: string, i: number): number {
  const cp = text.codePointAt(i)!;
  if (cp !== 39 && !isLetterCode(cp)) return 0;
  return cp > 0xffff ? 2 : 1;
}

/** "fr-BE", "nl_be", "en" to a Lang, or null for languages mediawatch does not read. */
export function toLang(code: string | null): Lang | null {
  if (code === null) return null;
  const primary = code.trim().toLowerCase().split(/[-_]/)[0];
  return primary === 'fr' || primary === 'nl' || primary === 'en' || primary === 'de'
    ? primary
    : null;
}
