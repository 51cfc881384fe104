// News agencies whose dispatches outlets republish, with the spellings found in bylines and
// credits. Used by the byline reader (an agency is not an author) and the wire-credit reader.

interface Agency {
  name: string;
  pattern: string;
}

const AGENCIES: Agency[] = [
  { name: 'Belga', pattern: 'belga' },
  { name: 'AFP', pattern: 'afp|agence\\s+france[-\\s]presse' },
  { name: 'Reuters', pattern: 'reuters' },
  { name: 'AP', pattern: 'ap|associated\\s+press' },
  { name: 'ANP', pattern: 'anp' },
  { name: 'dpa', pattern: 'dpa' },
  { name: 'Bloomberg', pattern: 'bloomberg' },
  { name: 'EFE', pattern: 'efe' },
  { name: 'ANSA', pattern: 'ansa' },
];

const ALTERNATION = AGENCIES.map((a) => a.pattern).join('|');
const ANY_AGENCY = new RegExp(`(?:^|[^\\p{L}])(${ALTERNATION})(?![\\p{L}])`, 'giu');
const AGENCY_ONLY = new RegExp(`^(?:${ALTERNATION})$`, 'i');
/** "(Belga)", "avec Belga", "met Belga", "/ Belga", "Belga" as a separate name. */
const AGENCY_MENTION = new RegExp(
  `\\s*(?:\\((?:${ALTERNATION})(?:\\s*[,/&]\\s*(?:${ALTERNATION}))*\\)|(?:\\b(?:avec|met|with|mit|source|bron|sources?)\\s*:?\\s+)(?:${ALTERNATION})\\b|(?:^|[,/&|]|\\bet\\b|\\ben\\b|\\band\\b)\\s*(?:${ALTERNATION})\\s*(?=$|[,/&|)]))`,
  'giu',
);

/** The canonical name of an agency spelled `s`, or null. */
export function agencyName(s: string): string | null {
  const t = s.trim().toLowerCase();
  for (const a of AGENCIES) if (new RegExp(`^(?:${a.pattern})$`, 'i').test(t)) return a.name;
  return null;
}

/** Agencies named in a byline string, in order, without duplicates. */
export function agencyIn(s: string): string[] {
  const out: string[] = [];
  for (const m of s.matchAll(ANY_AGENCY)) {
    const token = m[1] ?? '';
    // "AP" and "ANP" only as capitals: "ap" is a word in several languages.
    if (token.length <= 3 && token !== token.toUpperCase() && token !== 'dpa') continue;
    const name = agencyName(token);
    if (name !== null && !out.includes(name)) out.push(name);
  }
  return out;
}

/** The byline without its agency mentions: "Jan Peeters (Belga)" -> "Jan Peeters". */
export function stripAgencies(s: string): string {
  const stripped = s.replace(AGENCY_MENTION, ' ').replace(/\s+/g, ' ').trim();
  return AGENCY_ONLY.test(stripped) ? '' : stripped;
}

export const AGENCY_PATTERN = ALTERNATION;
