// Who a quotation is attributed to, from the words around it, in French, Dutch and English:
//   after it:  « … », a déclaré X · « … », selon X · "…", zei X · "…", aldus X · "…," said X
//              "…," X said · « … », a-t-il dit (a pronoun: no name)
//   before it: X a déclaré : « … » · X zei: "…" · X said: "…" · selon X, « … » · volgens X: "…"
//              according to X, "…" · X : « … »
// The speaker is the first name of two words or more in the clause ("le bourgmestre de Vilvorde,
// Hans Bonte" -> Hans Bonte), else a single capitalised word that does not follow a preposition
// ("selon le CNRI" -> CNRI, but "said the mayor of Vilvoorde" -> none). Titles (mayor,
// burgemeester, ministre …) are dropped from the front of a name.
import { foldText } from '../text/fold.js';
import { isCapitalised } from './text-fold.js';

type Lang = 'fr' | 'nl' | 'en';

const AFTER_VERBS: Record<Lang, string> = {
  fr: "(?:a\\s+)?(?:déclaré|dit|affirmé|ajouté|expliqué|souligné|estimé|précisé|indiqué|assuré|lancé|insisté|réagi|commenté|confié|poursuivi|conclu|rappelé|averti|annoncé|répondu|reconnu|raconté|témoigné|plaidé)|déclare|dit|affirme|ajoute|explique|souligne|estime|précise|indique|assure|lance|glisse|insiste|réagit|commente|confie|poursuit|conclut|rappelle|avertit|annonce|répond|reconnaît|raconte|témoigne|plaide|selon|d['’]après",
  nl: 'zei|zegt|zeiden|zeggen|aldus|verklaarde|verklaart|stelde|stelt|benadrukte|benadrukt|vertelde|vertelt|reageerde|reageert|legde|legt|voegde|(?:zo\\s+)?(?:klonk|klinkt)\\s+het\\s+bij|zo\\s+(?:zegt|zei|stelt)|volgens',
  en: 'said|says|added|adds|explained|explains|told|tells|stated|states|declared|noted|notes|insisted|stressed|warned|according\\s+to',
};
const BEFORE_VERBS: Record<Lang, string> = {
  fr: '(?:a\\s+)?(?:déclaré|dit|affirmé|ajouté|expliqué|souligné|lancé)|déclare|dit|affirme|ajoute|explique|souligne|lance|estime|insiste',
  nl: 'zei|zegt|verklaarde|verklaart|stelde|stelt|benadrukte|benadrukt|vertelde|vertelt',
  en: 'said|says|told\\s+[\\p{L}\\s]{1,40}?|added|declared|stated|explained|insisted',
};
const ACCORDING: Record<Lang, string> = {
  fr: "selon|d['’]après",
  nl: 'volgens',
  en: 'according\\s+to',
};
const THAT: Record<Lang, string> = { fr: "que|qu['’]", nl: 'dat', en: 'that' };

const PRONOUNS = new Set('il elle ils elles on hij zij ze men he she they it we i'.split(' '));
const PARTICLES = new Set("de van der den von du le la d' ter te 't da di del".split(' '));
const PREPOSITIONS = new Set(
  'of de van in a à du des uit from at en bij aan for pour voor'.split(' '),
);
const ELISIONS = new Set('l d qu j n s c m t'.split(' '));
/** Capitalised at a sentence start, never a name on their own. */
const FUNCTION_WORDS = new Set(
  'le la les l un une des du ce cet cette ces the a an this that these those het de een dit dat deze die et en and'.split(
    ' ',
  ),
);
const TITLES = new Set(
  'mayor minister president prime premier secretary spokesperson spokesman spokeswoman chairman chairwoman bourgmestre ministre presidente porte-parole echevin burgemeester voorzitter woordvoerder schepen dr prof mr mrs ms m mme dhr mevr sir'.split(
    ' ',
  ),
);

interface Patterns {
  after: RegExp;
  afterPronoun: RegExp;
  nameThenVerb: RegExp;
  beforeVerb: RegExp;
  according: RegExp;
  colon: RegExp;
}

const cache = new Map<string, Patterns>();

function patterns(lang: string | null): Patterns {
  const key = lang === 'fr' || lang === 'nl' || lang === 'en' ? lang : 'all';
  const known = cache.get(key);
  if (known) return known;
  const langs: Lang[] = key === 'all' ? ['fr', 'nl', 'en'] : [key];
  const any = (table: Record<Lang, string>): string => langs.map((l) => table[l]).join('|');
  const p: Patterns = {
    after: new RegExp(`^\\s*[,;]?\\s*[-–—]?\\s*(?:${any(AFTER_VERBS)})\\s+([^.!?;]{1,120})`, 'iu'),
    afterPronoun: /^\s*[,;]?\s*[-–—]?\s*\p{L}+(?:-t)?-(?:il|elle|ils|elles|on)\b/iu,
    nameThenVerb: new RegExp(
      `^\\s*[,;]?\\s*([^.!?;"“”«»„]{1,60}?)\\s+(?:${any(AFTER_VERBS)})\\b`,
      'iu',
    ),
    beforeVerb: new RegExp(
      `([^.!?;]{1,120}?)\\s+(?:${any(BEFORE_VERBS)})\\s*(?:(?:${any(THAT)})\\s*)?:?\\s*$`,
      'iu',
    ),
    according: new RegExp(`(?:${any(ACCORDING)})\\s+([^.!?;]{1,80}?)\\s*[,:]?\\s*$`, 'iu'),
    colon: /([^.!?;:]{1,80}?)\s*:\s*$/u,
  };
  cache.set(key, p);
  return p;
}

interface Token {
  word: string;
  start: number;
  end: number;
}

/** The speaker named in a clause, or null. See the header for the choice. */
export function nameIn(clause: string, mustEndAtClauseEnd = false): string | null {
  const tokens: Token[] = [];
  for (const m of clause.matchAll(/[\p{L}\p{M}][\p{L}\p{M}'’-]*/gu)) {
    // French elision: l'Iran -> Iran, L'organisateur -> organisateur (not a name).
    const elided = /^(\p{L}{1,2})['’](.+)$/u.exec(m[0]);
    const cut =
      elided && ELISIONS.has(foldText(elided[1] ?? '')) ? (elided[1]?.length ?? 0) + 1 : 0;
    tokens.push({ word: m[0].slice(cut), start: m.index + cut, end: m.index + m[0].length });
  }
  const runs: Token[][] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!t || !isCapitalised(t.word)) continue;
    const f = foldText(t.word);
    if (TITLES.has(f) || FUNCTION_WORDS.has(f)) continue;
    const run = [t];
    let j = i + 1;
    for (; j < tokens.length; j++) {
      const u = tokens[j];
      const gap = clause.slice(run[run.length - 1]?.end ?? 0, u?.start ?? 0);
      if (!u || !/^\s+$/u.test(gap)) break;
      if (isCapitalised(u.word)) run.push(u);
      else if (PARTICLES.has(u.word) && isCapitalised(tokens[j + 1]?.word ?? '')) run.push(u);
      else break;
    }
    const prev = foldText(tokens[i - 1]?.word ?? '');
    if (run.length >= 2 || !PREPOSITIONS.has(prev)) runs.push(run);
    i = j - 1;
  }
  const ok = mustEndAtClauseEnd
    ? runs.filter((r) => /^[\s),]*$/u.test(clause.slice(r[r.length - 1]?.end ?? 0)))
    : runs;
  const run = ok.find((r) => r.length >= 2) ?? ok[0];
  if (!run) return null;
  const first = run[0];
  const last = run[run.length - 1];
  if (!first || !last || PRONOUNS.has(foldText(first.word))) return null;
  return clause.slice(first.start, last.end);
}

/** Speaker named right after a quotation (the text after its closing mark), or null. */
export function speakerAfter(after: string, lang: string | null): string | null {
  const p = patterns(lang);
  if (p.afterPronoun.test(after)) return null;
  const verbFirst = p.after.exec(after);
  if (verbFirst) {
    const first = foldText(verbFirst[1]?.trim().split(/\s+/u)[0] ?? '');
    if (PRONOUNS.has(first)) return null;
    return nameIn(verbFirst[1] ?? '');
  }
  const nameFirst = p.nameThenVerb.exec(after);
  return nameFirst ? nameIn(nameFirst[1] ?? '') : null;
}

/** Speaker named before a quotation (its sentence up to the opening mark), or null. */
export function speakerBefore(before: string, lang: string | null): string | null {
  const p = patterns(lang);
  const according = p.according.exec(before);
  if (according) return nameIn(according[1] ?? '');
  const verb = p.beforeVerb.exec(before);
  if (verb) return nameIn(verb[1] ?? '', true) ?? nameIn(verb[1] ?? '');
  const colon = p.colon.exec(before);
  return colon ? nameIn(colon[1] ?? '', true) : null;
}
