// The wire agency a text credits: "(Belga)" anywhere, a dateline "BRUSSEL (BELGA) -", a closing
// line "Belga", "Avec Belga" / "Met Belga" / "Source : Belga", or a byline that is only the
// agency. A photo credit ("© BELGA PHOTO …", "Photo Belga") is not a wire credit: captions are
// already out of the body, and the patterns below refuse a following PHOTO/IMAGE.
import { AGENCY_PATTERN, agencyName } from './agencies.js';

const NOT_PHOTO = '(?!\\s*(?:photo|foto|image|beeld|pictures?)\\b)';
const PARENTHESISED = new RegExp(
  `\\(\\s*((?:${AGENCY_PATTERN})(?:\\s*[,/&]\\s*(?:${AGENCY_PATTERN}))*)\\s*\\)`,
  'giu',
);
const WITH_AGENCY = new RegExp(
  `(?:^|[\\s(])(?:avec|met|with|mit|source|sources|bron)\\s*:?\\s+(?:l'agence\\s+|het\\s+persagentschap\\s+|agence\\s+)?(${AGENCY_PATTERN})\\b${NOT_PHOTO}`,
  'giu',
);
const CLOSING_LINE = new RegExp(
  `^[\\s©(–—-]*((?:${AGENCY_PATTERN})(?:\\s*[,/&-]\\s*(?:${AGENCY_PATTERN}))*)\\b${NOT_PHOTO}[\\s).]*$`,
  'iu',
);
const CASE_SENSITIVE_SHORT = /^(?:ap|anp|efe|afp)$/i;

/** Agencies credited by the body text and byline, e.g. "Belga" or "Belga, AFP"; null if none. */
export function findWireCredit(
  paragraphs: readonly string[],
  bylineAgencies: readonly string[],
): string | null {
  const found: string[] = [];
  const add = (token: string): void => {
    for (const part of token.split(/\s*[,/&-]\s*/)) {
      if (CASE_SENSITIVE_SHORT.test(part) && part !== part.toUpperCase()) continue;
      const name = agencyName(part);
      if (name !== null && !found.includes(name)) found.push(name);
    }
  };
  for (const para of paragraphs) {
    for (const m of para.matchAll(PARENTHESISED)) add(m[1] ?? '');
    for (const m of para.matchAll(WITH_AGENCY)) add(m[1] ?? '');
  }
  const last = lastLine(paragraphs);
  if (last !== null) {
    const m = CLOSING_LINE.exec(last);
    if (m !== null) add(m[1] ?? '');
  }
  for (const a of bylineAgencies) if (!found.includes(a)) found.push(a);
  return found.length === 0 ? null : found.join(', ');
}

function lastLine(paragraphs: readonly string[]): string | null {
  const last = paragraphs[paragraphs.length - 1];
  if (last === undefined) return null;
  const lines = last.split('\n');
  return lines[lines.length - 1] ?? null;
}
