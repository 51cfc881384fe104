// Judging sentences for an extractive summary: fragments that are navigation or page furniture
// rather than prose ("Lire aussi : …", "Home › Belgique", "Photo: Belga", a bare link), and
// sentences that repeat one already taken (same words, or one contained in the other).
import { foldedWords, squash } from './text-fold.js';

/** Openers of related-article links, captions, credits and calls to action, folded. */
const FURNITURE =
  /^(?:lire aussi|lisez aussi|a lire aussi|voir aussi|lees ook|bekijk ook|kijk ook|meer lezen|read more|read also|see also|related|advertisement|publicite|advertentie|photo|foto|image|beeld|video|credit|copyright|abonnez|abonneer|subscribe|sign up|inscrivez|partager|delen|share|suivez|volg ons|follow us|tags?|mots cles|trefwoorden)\b/u;
const SEPARATORS = /[|›»•·>]\s|\s[|›•·>]/u;
const URL_LIKE = /(?:https?:\/\/|www\.)\S+/iu;

/** True when `text` looks like page furniture rather than a sentence of the article. */
export function isNavigationLike(text: string): boolean {
  const t = squash(text);
  if (!t) return true;
  const words = foldedWords(t);
  if (words.length === 0) return true;
  if (FURNITURE.test(words.join(' '))) return true;
  if (t.startsWith('©') || (URL_LIKE.test(t) && words.length < 12)) return true;
  const ends = /[.!?…:;"”»)\]]$/u.test(t);
  // Breadcrumbs and menus: separators between short items, no sentence end.
  if (!ends && SEPARATORS.test(t)) return true;
  // A few words without a sentence end: a label, a button, a section name.
  if (!ends && words.length < 6) return true;
  return false;
}

/** Folded word set of a sentence, for duplicate checks. */
export function wordSet(text: string): Set<string> {
  return new Set(foldedWords(text));
}

/** Same words, or one sentence's words nearly all in the other's. */
export function isRepeat(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size === 0 || b.size === 0) return true;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared / Math.min(a.size, b.size) >= 0.8;
}
