// The last step of extraction: every text field of the article made safe to store and show
// (docs/reliability.md). Mojibake is repaired where the repair is unambiguous and flagged
// where it is not (textWarnings); NUL, C0 and C1 controls (but \n and \t) and bidirectional
// controls are removed; over-long fields are cut, with "…".
import { cutText, stripControls } from '../text/clean.js';
import { repairMojibake } from '../text/mojibake.js';
import type { ExtractedArticle, TextWarning } from './types.js';

/** Characters kept at most per field (the body's limit is far above any real article). */
export const FIELD_LIMITS = {
  title: 1_000,
  lead: 5_000,
  body: 200_000,
  author: 200,
  section: 200,
  siteName: 200,
  wireCredit: 200,
  noArticleReason: 1_000,
} as const;
/** Authors kept at most. */
export const MAX_AUTHORS = 50;

type TextField = 'title' | 'lead' | 'body' | 'section' | 'siteName' | 'wireCredit';
const FIELDS: readonly TextField[] = ['title', 'lead', 'body', 'section', 'siteName', 'wireCredit'];

/** The article with its text fields repaired, cleaned and cut, and textWarnings set. */
export function finishTextFields(article: ExtractedArticle): ExtractedArticle {
  let repaired = false;
  let suspect = false;
  const clean = (s: string, max: number): string => {
    const m = repairMojibake(s);
    if (m.verdict === 'repaired') repaired = true;
    else if (m.verdict === 'suspect') suspect = true;
    return cutText(stripControls(m.text), max);
  };
  const out: ExtractedArticle = { ...article };
  for (const field of FIELDS) {
    const v = article[field];
    if (v === null) continue;
    const c = clean(v, FIELD_LIMITS[field]);
    out[field] = c === '' ? null : c;
  }
  out.authors = article.authors
    .slice(0, MAX_AUTHORS)
    .map((a) => clean(a, FIELD_LIMITS.author))
    .filter((a) => a.trim() !== '');
  if (article.noArticleReason != null) {
    out.noArticleReason = cutText(
      stripControls(article.noArticleReason),
      FIELD_LIMITS.noArticleReason,
    );
  }
  const warnings: TextWarning[] = [];
  if (suspect) warnings.push('mojibake');
  else if (repaired) warnings.push('mojibake-repaired');
  out.textWarnings = warnings;
  return out;
}
