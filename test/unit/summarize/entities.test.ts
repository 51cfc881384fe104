import { describe, expect, it } from 'vitest';
import { namedEntities } from '../../../src/summarize/entities.js';
import { belgaFr, belgaNl, brusselsTimesEn } from './story-fixtures.js';

const PEOPLE = {
  karimi: ['Nasrin Karimi', 'Nasrine Karimi', 'Karimi'],
  association: ['Lire Ensemble', 'Samen Lezen', 'Reading Together'],
  vanacker: ['Pieter Van Acker'],
};
const ALIASES = { ...PEOPLE, mek: ['MEK'], brussels: ['Bruxelles', 'Brussel', 'Brussels'] };

describe('namedEntities', () => {
  it('finds the people and organisations of the list in each language', () => {
    for (const a of [belgaFr, belgaNl, brusselsTimesEn]) {
      const names = namedEntities(a.body ?? '', PEOPLE).map((e) => e.name);
      expect(names).toEqual(['karimi', 'association', 'vanacker']);
    }
  });

  it('counts a full name and a surname once each, and says which spellings it saw', () => {
    const text = 'Nasrine Karimi a parlé. Ensuite Karimi a signé. Puis NASRINE KARIMI est partie.';
    expect(namedEntities(text, ALIASES)).toEqual([
      { name: 'karimi', mentions: 3, aliases: ['Karimi', 'Nasrine Karimi'] },
    ]);
  });

  it('ignores accents and case, but matches an all-capitals acronym only in capitals', () => {
    const text = 'À BRUXELLES, la MEK a parlé; een mek is geen partij. Brüssel? Ja.';
    expect(namedEntities(text, ALIASES)).toEqual([
      { name: 'brussels', mentions: 2, aliases: ['Brussel', 'Bruxelles'] },
      { name: 'mek', mentions: 1, aliases: ['MEK'] },
    ]);
  });

  it('matches whole words only', () => {
    expect(namedEntities('Karimis en Brusselse wafels', ALIASES)).toEqual([]);
    expect(namedEntities('Karimi', {})).toEqual([]);
  });
});
