import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { brusselsOffsetForLocal, brusselsOffsetForUtc } from '../../../src/time/brussels.js';
import { parseDateValue } from '../../../src/time/parse-date.js';
import { findWrittenDates } from '../../../src/time/written-date.js';
import { extractFixture } from './fixture.js';

describe('machine-readable dates', () => {
  it.each([
    ['2024-01-05T14:03:00+01:00', '2024-01-05T14:03:00+01:00'],
    ['2024-01-05T13:03:00Z', '2024-01-05T14:03:00+01:00'],
    ['2024-01-05T13:03:00.000+0000', '2024-01-05T14:03:00+01:00'],
    ['2024-07-05T14:03:00', '2024-07-05T14:03:00+02:00'],
    ['2024-01-05', '2024-01-05T00:00:00+01:00'],
    ['2024-01-05 14:03', '2024-01-05T14:03:00+01:00'],
    ['1704459780', '2024-01-05T14:03:00+01:00'],
    ['Fri, 05 Jan 2024 14:03:00 +0100', '2024-01-05T14:03:00+01:00'],
  ])('%s -> %s', (raw, iso) => {
    expect(parseDateValue(raw)).toBe(iso);
  });

  it('rejects what is not a date', () => {
    expect(parseDateValue('')).toBeNull();
    expect(parseDateValue('2024-13-40')).toBeNull();
    expect(parseDateValue('hier soir')).toBeNull();
  });
});

describe('Brussels summer time', () => {
  it('switches on the last Sundays of March and October', () => {
    expect(brusselsOffsetForLocal(2024, 3, 31, 1, 59)).toBe(60);
    expect(brusselsOffsetForLocal(2024, 3, 31, 3, 0)).toBe(120);
    expect(brusselsOffsetForLocal(2024, 10, 27, 2, 59)).toBe(120);
    expect(brusselsOffsetForLocal(2024, 10, 27, 3, 0)).toBe(60);
    expect(brusselsOffsetForLocal(2023, 3, 26, 12, 0)).toBe(120);
    expect(brusselsOffsetForLocal(2023, 3, 25, 12, 0)).toBe(60);
  });

  it('agrees with the time-zone database for any instant from 1996 to 2037', () => {
    // A formatter of its own, so that the module's per-hour cache is checked too.
    const fmt = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Brussels',
      timeZoneName: 'longOffset',
    });
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1996, 0, 1), max: Date.UTC(2037, 11, 31) }), (ms) => {
        const name = fmt.formatToParts(ms).find((p) => p.type === 'timeZoneName')?.value;
        expect(name).toBe(brusselsOffsetForUtc(ms) === 120 ? 'GMT+02:00' : 'GMT+01:00');
      }),
      { numRuns: 2000 },
    );
  });
});

describe('dates written in words', () => {
  it.each([
    ['Publié le vendredi 5 janvier 2024 à 14h03', '2024-01-05T14:03:00+01:00', 'published'],
    ['vrijdag 5 januari 2024, 14:03', '2024-01-05T14:03:00+01:00', null],
    ['January 5, 2024 2:03 pm', '2024-01-05T14:03:00+01:00', null],
    ['5 January 2024', '2024-01-05T00:00:00+01:00', null],
    ['Bijgewerkt op 12 juli 2024 om 8.45 uur', '2024-07-12T08:45:00+02:00', 'modified'],
    ['Mis à jour le 1er août 2023 à 18h', '2023-08-01T18:00:00+02:00', 'modified'],
    ['05/01/2024 14u03', '2024-01-05T14:03:00+01:00', null],
    ['12 juillet 2023 - 14:30 CEST', '2023-07-12T14:30:00+02:00', null],
  ])('%s', (text, iso, kind) => {
    const [d] = findWrittenDates(text);
    expect(d?.iso).toBe(iso);
    expect(d?.kind).toBe(kind);
  });

  it('does not read a count of things as a time', () => {
    expect(findWrittenDates('5 janvier 2024, 12 personnes')[0]?.iso).toBe(
      '2024-01-05T00:00:00+01:00',
    );
  });

  it('reads a French date line with its update time (fixture)', () => {
    const a = extractFixture('date-french.html');
    expect(a.published).toBe('2024-01-05T14:03:00+01:00');
    expect(a.modified).toBe('2024-01-06T09:15:00+01:00');
    expect(a.authors).toEqual(['Julie Marchal', 'Nicolas Dewez']);
    expect(a.title).toBe('Liège : le conseil communal adopte le budget 2024');
    expect(a.language).toBe('fr');
    // The byline and the date line are fields, not body text.
    expect(a.body?.startsWith('Le conseil communal a adopté jeudi soir')).toBe(true);
  });

  it('reads a Dutch date line (fixture)', () => {
    const a = extractFixture('date-dutch.html');
    expect(a.published).toBe('2024-01-05T14:03:00+01:00');
    expect(a.modified).toBeNull();
    expect(a.authors).toEqual(['Tom Peeters', 'Lien Maes']);
    expect(a.language).toBe('nl');
  });
});
