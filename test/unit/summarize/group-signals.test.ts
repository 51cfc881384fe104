import { describe, expect, it } from 'vitest';
import { compareEvidence, evidenceOf } from '../../../src/summarize/evidence.js';
import { sharedCount, textShingles } from '../../../src/summarize/shingles.js';
import { stripDateline } from '../../../src/summarize/text-fold.js';
import { foldText } from '../../../src/text/fold.js';
import { FR_DISPATCH, lalibreRewrite } from './story-fixtures.js';

describe('evidence across languages', () => {
  it('reads grouped and decimal numbers the same in every typography', () => {
    const keys = (t: string) => [...evidenceOf(t).numbers.keys()];
    expect(keys('Il y a 1\u00a0600 élèves et 2,5 %.')).toEqual(['1600', '2.5']);
    expect(keys('Er zijn 1.600 leerlingen en 2,5 procent.')).toEqual(['1600', '2.5']);
    expect(keys('There are 1,600 pupils and 2.5 percent.')).toEqual(['1600', '2.5']);
  });

  it('reads dates and weekdays in French, Dutch and English', () => {
    const keys = (t: string) => [...evidenceOf(t).numbers.keys()].sort();
    expect(keys('Signé le vendredi 5 janvier.')).toEqual(['date:1-5', 'day:5']);
    expect(keys('Getekend op vrijdag 5 januari.')).toEqual(['date:1-5', 'day:5']);
    expect(keys('Signed on Friday, January 5.')).toEqual(['date:1-5', 'day:5']);
    expect(keys('Signed on Friday 5 January.')).toEqual(['date:1-5', 'day:5']);
  });

  it('takes capitalised words that do not open a sentence or a quotation as names', () => {
    const e = evidenceOf(
      'Hier, Nasrine Karimi a parlé à Téhéran. Ensuite « Nous » et (BELGA) ont suivi.',
    );
    expect(e.names).toEqual(['karimi', 'nasrine', 'teheran']);
  });

  it('lets names one letter longer or shorter match, never a changed letter', () => {
    const fr = evidenceOf('Le plan de Maryam Rajavi, présenté à Vilvorde, compte 160 signatures.');
    const nl = evidenceOf(
      'Het plan van Maryam Radjavi, voorgesteld in Vilvoorde, telt 160 handtekeningen.',
    );
    expect(compareEvidence(fr, nl)).toMatchObject({ sharedNames: 3, sharedNumbers: 1, score: 1 });
    const short = compareEvidence(
      evidenceOf('Vu par Anna Lee.'),
      evidenceOf('Gezien door Ann Lea.'),
    );
    expect(short.sharedNames).toBe(0);
    const changed = compareEvidence(
      evidenceOf('Vu par Els Janssens et Tom Maertens.'),
      evidenceOf('Gezien door Els Janssans en Tom Martens.'),
    );
    expect(changed.sharedNames).toBe(3); // els, tom, maertens = martens; not janssens = janssans
  });
});

describe('shingles', () => {
  it('keep most of a copy with a cut paragraph and little of a rewrite', () => {
    const full = textShingles(FR_DISPATCH.map(stripDateline).join('\n\n'));
    const cut = textShingles(FR_DISPATCH.slice(1, 4).join('\n\n'));
    const rewrite = textShingles(lalibreRewrite.body ?? '');
    expect(sharedCount(full, cut) / cut.length).toBe(1);
    expect(sharedCount(full, rewrite) / Math.min(full.length, rewrite.length)).toBeLessThan(0.1);
  });
});

describe('text helpers', () => {
  it('strips wire datelines only', () => {
    expect(stripDateline('BRUXELLES (BELGA) - Plus de 160.')).toBe('Plus de 160.');
    expect(stripDateline('BRUSSEL/ANTWERPEN (Belga) – Meer dan 160.')).toBe('Meer dan 160.');
    expect(stripDateline('Le texte (Belga) - suite.')).toBe('Le texte (Belga) - suite.');
  });

  it('folds accents, ligatures and case', () => {
    expect(foldText('Œuvre à Téhéran, Straße')).toBe('oeuvre a teheran, strasse');
  });
});
