// A block that is only a date ("22 Dec, 2016", "vendredi 5 janvier 2024 à 14h03", "Tuesday 15
// October 2019 by Bradley M. Kuhn"): the article's date line, shown in the body on some sites
// without a class that says so. Annotated news bodies leave dates and bylines out.
import { findWrittenDates } from './written-date.js';

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
// prettier-ignore
const MONTHS = [
  'janvier', 'février', 'fevrier', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'aout',
  'septembre', 'octobre', 'novembre', 'décembre', 'decembre', 'januari', 'februari', 'maart',
  'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december',
  'january', 'february', 'march', 'may', 'june', 'july', 'august', 'october', 'januar',
  'februar', 'märz', 'marz', 'dezember', 'jan', 'janv', 'feb', 'févr', 'fevr', 'mrt', 'apr',
  'avr', 'jun', 'jul', 'juil', 'aug', 'sep', 'sept', 'oct', 'okt', 'nov', 'dec', 'déc', 'dez',
];
// Words that join a date and a time, and time-zone and period marks.
// prettier-ignore
const GLUE = [
  'at', 'à', 'a', 'om', 'um', 'uhr', 'le', 'on', 'the', 'of', 'de', 'du', 'den', 'der', 'am',
  'pm', 'h', 'u', 'cet', 'cest', 'gmt', 'utc', 'et', 'est', 'edt', 'pst', 'pdt', 'bst',
];
// What a date line says before its date: "Publié le", "Mis à jour le", "Gepubliceerd op",
// "Last updated".
// prettier-ignore
const SAYS = [
  'publié', 'publiée', 'publie', 'mis', 'jour', 'modifié', 'modifie', 'gepubliceerd', 'geplaatst',
  'bijgewerkt', 'aangepast', 'laatst', 'op', 'published', 'updated', 'posted', 'last', 'update',
];
const DATE_WORD = new RegExp(
  `(?<![\\p{L}])(?:${[...WEEKDAYS, ...MONTHS, ...GLUE, ...SAYS].join('|')})\\.?(?![\\p{L}])`,
  'giu',
);
const NON_LETTERS = /[^\p{L}\s]+/gu;
/** What may remain once the date is gone: nothing, or a byline ("by Bradley M. Kuhn"). */
const REST = /^(?:(?:by|par|door|von|van)\s+\p{Lu}[\p{L}\s.'’-]{0,60})?$/u;

export function isDateLine(text: string): boolean {
  if (text.length > MAX_CHARS || !/\d/.test(text)) return false;
  if (findWrittenDates(text).length === 0) return false;
  const rest = text.replace(DATE_WORD, ' ').replace(NON_LETTERS, ' ').replace(/\s+/g, ' ').trim();
  return REST.test(rest);
}
