// A block that is only a date ("22 Dec, 2016", "vendredi 5 janvier 2024 à 14h03", "Tuesday 15
// October 2019 by Bradley M. Kuhn"): the article's date line, shown in the body on some sites
// without a class that says so. Annotated news bodies leave dates and bylines out.
import { foldAligned } from '../text/fold.js';
import { findWrittenDates, MONTH_ALT } from '../time/written-date.js';

const MAX_CHARS = 90;
// prettier-ignore
const WEEKDAYS = [
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche',
  'maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag', 'zondag',
  'montag', 'dienstag', 'mittwoch', 'donnerstag', 'freitag', 'samstag', 'sonntag',
  'mon', 'tue', 'tues', 'wed', 'thu', 'thurs', 'fri', 'sat', 'sun',
  'lun', 'mar', 'mer', 'jeu', 'ven', 'sam', 'dim', 'ma', 'di', 'wo', 'do', 'vr', 'za', 'zo',
];
// Words that join a date and a time, and time-zone and period marks (folded, like all of these:
// the words are found on foldAligned(text), whose indexes hold for the text).
// prettier-ignore
const GLUE = [
  'at', 'a', 'om', 'um', 'uhr', 'le', 'on', 'the', 'of', 'de', 'du', 'den', 'der', 'am',
  'pm', 'h', 'u', 'cet', 'cest', 'gmt', 'utc', 'et', 'est', 'edt', 'pst', 'pdt', 'bst',
];
// What a date line says before its date: "Publié le", "Mis à jour le", "Gepubliceerd op",
// "Last updated".
// prettier-ignore
const SAYS = [
  'publiee', 'publie', 'mis', 'jour', 'modifie', 'gepubliceerd', 'geplaatst',
  'bijgewerkt', 'aangepast', 'laatst', 'op', 'published', 'updated', 'posted', 'last', 'update',
];
const DATE_WORD = new RegExp(
  `(?<![\\p{L}])(?:${[...WEEKDAYS, MONTH_ALT, ...GLUE, ...SAYS].join('|')})\\.?(?![\\p{L}])`,
  'gu',
);
const NON_LETTERS = /[^\p{L}\s]+/gu;
/** What may remain once the date is gone: nothing, or a byline ("by Bradley M. Kuhn"). */
const REST = /^(?:(?:by|par|door|von|van)\s+\p{Lu}[\p{L}\s.'’-]{0,60})?$/u;

export function isDateLine(text: string): boolean {
  if (text.length > MAX_CHARS || !/\d/.test(text)) return false;
  if (findWrittenDates(text).length === 0) return false;
  const rest = withoutDateWords(text).replace(NON_LETTERS, ' ').replace(/\s+/g, ' ').trim();
  return REST.test(rest);
}

/** `text` with its date words blanked, found on the folded text (same indexes, case kept). */
function withoutDateWords(text: string): string {
  let out = '';
  let last = 0;
  for (const m of foldAligned(text).matchAll(DATE_WORD)) {
    out += `${text.slice(last, m.index)} `;
    last = m.index + m[0].length;
  }
  return out + text.slice(last);
}
