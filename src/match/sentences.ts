// Sentence splitting for hit sentences, in French, Dutch and English news text. A sentence ends
// at a line break, or after . ! ? … (and any closing quotes or brackets: ” " » ’ ) ]) followed
// by white space and a character that is not a lower-case letter. A single period does not end
// a sentence after a known abbreviation (Mr. Dr. dhr. Mme. …), a single letter (initials
// "J. Smith", "M. Bonte") or a dotted abbreviation ("p.ex.", "e.g.", "o.a."). Periods inside
// numbers ("5.1") are not followed by a space, so never end one.

export interface SentenceRange {
  start: number;
  end: number;
}

const TERMINATORS = new Set(['.', '!', '?', '\u2026']);
const CLOSERS = new Set(['"', '\u201d', '\u201c', '\u00bb', '\u2019', "'", ')', ']', '\u203a']);

/** Compared case-insensitively. */
const ABBREVIATIONS = new Set(
  [
    // English
    'mr mrs ms dr prof st jr sr vs gen gov sen rep lt col capt sgt dept approx fig',
    'jan feb apr jun jul aug sep sept oct nov dec',
    // French
    'mme mmes mlle mlles mm mgr cf env av bd pr',
    // Dutch
    'dhr mevr mw bv nr blz ca ir drs ing burg resp',
  ]
    .join(' ')
    .split(' '),
);
/** Compared exactly: as lower-case words they end sentences ("me.", "no.", "art."). */
const CASED_ABBREVIATIONS = new Set(['Me', 'No', 'Art', 'Ph']);

function isSpace(ch: string): boolean {
  return (
    ch === ' ' ||
    ch === '\t' ||
    ch === '\r' ||
    ch === '\u00a0' ||
    ch === '\u202f' ||
    ch === '\u2009'
  );
}

function isLower(ch: string): boolean {
  return ch !== ch.toUpperCase() && ch === ch.toLowerCase();
}

export function splitSentences(text: string): SentenceRange[] {
  const out: SentenceRange[] = [];
  const n = text.length;
  let s = 0;
  let i = 0;
  const push = (from: number, to: number): void => {
    let a = from;
    let b = to;
    while (a < b && /\s/u.test(text.charAt(a))) a++;
    while (b > a && /\s/u.test(text.charAt(b - 1))) b--;
    if (b > a) out.push({ start: a, end: b });
  };
  while (i < n) {
    const ch = text.charAt(i);
    if (ch === '\n') {
      push(s, i);
      s = ++i;
      continue;
    }
    if (!TERMINATORS.has(ch)) {
      i++;
      continue;
    }
    let j = i;
    while (j < n && TERMINATORS.has(text.charAt(j))) j++;
    let k = j;
    for (;;) {
      const c = text.charAt(k);
      if (CLOSERS.has(c)) k++;
      else if (isSpace(c) && text.charAt(k + 1) === '\u00bb')
        k += 2; // French "fin. »"
      else break;
    }
    if (k < n && !isSpace(text.charAt(k)) && text.charAt(k) !== '\n') {
      i = j; // "5.1", "e.g.x", "?!" inside a token
      continue;
    }
    let m = k;
    while (m < n && isSpace(text.charAt(m))) m++;
    const next = text.charAt(m);
    const single = ch === '.' && j - i === 1;
    if (m < n && next !== '\n' && (isLower(next) || (single && isAbbreviation(text, i)))) {
      i = j;
      continue;
    }
    push(s, k);
    s = k;
    i = k;
  }
  push(s, n);
  return out;
}

/** The word before the period at `dot` is an abbreviation or an initial. */
function isAbbreviation(text: string, dot: number): boolean {
  let b = dot;
  while (b > 0 && /[\p{L}.]/u.test(text.charAt(b - 1))) b--;
  const word = text.slice(b, dot);
  if (word === '') return false;
  if (word.includes('.')) return true; // p.ex, e.g, o.a, U.S
  if ([...word].length === 1) return true; // initials: J. Smith, M. Bonte
  return ABBREVIATIONS.has(word.toLowerCase()) || CASED_ABBREVIATIONS.has(word);
}
