// How query words meet text: case, accents, quotes, elisions, compounds, numbers, wildcards,
// cs(), in French, Dutch and English.
import { describe, expect, it } from 'vitest';
import { hitTexts, matches } from './helpers.js';

describe('case and accents', () => {
  it('folds both ways in French', () => {
    expect(matches('résistance', 'la RESISTANCE iranienne')).toBe(true);
    expect(matches('resistance', 'la Résistance iranienne')).toBe(true);
    expect(matches('"hôtel de ville"', "à l'Hotel de Ville de Vilvorde")).toBe(true);
    expect(matches('résistance', 'la résilience')).toBe(false);
  });
  it('folds in Dutch and English', () => {
    expect(matches('Vilvoorde', 'VILVOORDE, vrijdag')).toBe(true);
    expect(matches('Wallonie', 'in Wallonië en Vlaanderen')).toBe(true);
    expect(matches('naive cafe', 'a naïve café owner')).toBe(true);
    expect(matches('Vilvoorde', 'Vilvoordse')).toBe(false);
  });
});

describe('elisions, apostrophes and quotes', () => {
  it("matches the word after l' d' qu' j' n' s' c' m' t' jusqu'", () => {
    expect(matches('opposition', "le soutien de l'opposition")).toBe(true);
    expect(matches('opposition', 'le soutien de l’opposition')).toBe(true);
    expect(matches('Iran', "la résistance d'Iran")).toBe(true);
    expect(matches('il', "parce qu'il")).toBe(true);
    for (const e of ['j', 'n', 's', 'c', 'm', 't']) {
      expect(matches('avait', `${e}'avait`)).toBe(true);
    }
    expect(matches('aujourd', "jusqu'aujourd'hui")).toBe(true);
  });
  it('matches a query word written with an elision against the bare word', () => {
    expect(matches("l'opposition", 'une opposition forte')).toBe(true);
    expect(matches("l'opposition", 'l’opposition')).toBe(true);
    expect(hitTexts("l'opposition", "de l'opposition")).toEqual(['body:opposition']);
  });
  it("drops a possessive 's in English and matches with any apostrophe", () => {
    expect(matches('Rajavi', "Maryam Rajavi's ten-point plan")).toBe(true);
    expect(matches("Rajavi's", 'Maryam Rajavi’s plan')).toBe(true);
    expect(matches('"Rajavi plan"', 'Rajavi’s plan')).toBe(true);
  });
  it('reads typographic quotes in a query as phrase quotes', () => {
    expect(matches('“Hans Bonte”', 'burgemeester Hans Bonte')).toBe(true);
    expect(matches('„Iraans verzet“', 'het Iraans verzet')).toBe(true);
    expect(matches('«résistance iranienne»', 'la résistance iranienne')).toBe(true);
  });
  it('treats no-break and thin spaces as spaces', () => {
    expect(matches('"Hans Bonte"', 'Hans\u00a0Bonte')).toBe(true);
    expect(matches('"160 bourgmestres"', 'plus de 160\u202fbourgmestres')).toBe(true);
  });
});

describe('hyphenated words match as the whole and as parts', () => {
  it('matches the parts, the whole and the solid form', () => {
    const text = "Maryam Rajavi's ten-point plan";
    expect(matches('point', text)).toBe(true);
    expect(matches('ten-point', text)).toBe(true);
    expect(matches('tenpoint', text)).toBe(true);
    expect(matches('"ten point plan"', text)).toBe(true);
    expect(matches('ten-point', 'a ten point plan')).toBe(true);
    expect(matches('ten-point', 'a tenpoint plan')).toBe(true);
    expect(matches('ten-point', 'ten new points')).toBe(false);
  });
  it('handles dash variants', () => {
    expect(matches('ten-point', 'ten–point')).toBe(true);
    expect(matches('ten-point', 'ten‐point')).toBe(true);
    expect(matches('Jean-Marie', 'Jean—Marie')).toBe(true);
  });
  it('marks the whole compound once for a compound query word', () => {
    expect(hitTexts('ten-point', 'the ten-point plan')).toEqual(['body:ten-point']);
  });
});

describe('numbers match as written', () => {
  it('matches 160 and 160. but not 1600, 16 or 160e', () => {
    expect(matches('160', 'plus de 160 bourgmestres')).toBe(true);
    expect(matches('160', 'het waren er 160.')).toBe(true);
    expect(matches('160', 'a 160-member list')).toBe(true);
    expect(matches('160', '1600 mayors')).toBe(false);
    expect(matches('160', '16 mayors')).toBe(false);
    expect(matches('160', 'le 160e anniversaire')).toBe(false);
  });
  it('keeps decimal and thousands separators', () => {
    expect(matches('5.1', 'version 5.1 is out')).toBe(true);
    expect(matches('5.1', 'version 51 is out')).toBe(false);
    expect(matches('51', 'version 5.1 is out')).toBe(false);
    expect(matches('1600', 'soit 1\u00a0600 personnes')).toBe(true);
    expect(matches('1600', 'soit 1.600 personnes')).toBe(false);
  });
});

describe('wildcards', () => {
  it('matches trailing wildcards in three languages', () => {
    expect(hitTexts('burgemeester*', 'De burgemeesters en de burgemeester van Gent')).toEqual([
      'body:burgemeesters',
      'body:burgemeester',
    ]);
    expect(matches('bourgmestre*', 'les Bourgmestres belges')).toBe(true);
    expect(matches('mayor*', "the mayor's office")).toBe(true);
    expect(matches('municipal*', 'les élections municipales')).toBe(true);
    expect(matches('mayor*', 'the mayo clinic')).toBe(false);
  });
  it('folds accents in patterns', () => {
    expect(matches('résistan*', 'RESISTANCE')).toBe(true);
    expect(matches('resistan*', 'la résistance')).toBe(true);
  });
  it('matches ? as exactly one character and * inside a word', () => {
    expect(matches('wom?n', 'women')).toBe(true);
    expect(matches('wom?n', 'woman')).toBe(true);
    expect(matches('wom?n', 'womn')).toBe(false);
    expect(matches('wom?n', 'womaen')).toBe(false);
    expect(matches('bur*ster', 'burgemeester')).toBe(true);
    expect(matches('bur*ster', 'burgemeesters')).toBe(false);
    expect(matches('bur*ster', 'bursters')).toBe(false);
    expect(matches('bur*ster', 'burster')).toBe(true);
  });
  it('matches compounds by their parts and their joined form', () => {
    expect(matches('Vilvoord*', 'de Vilvoords-Brusselse rand')).toBe(true);
    expect(matches('anti-ir*', 'the anti-Iran lobby')).toBe(true);
  });
  it('bounds the expansion to 1,000 distinct words of a field', () => {
    const words = Array.from({ length: 1500 }, (_, i) => `abc${String(i).padStart(4, '0')}`);
    const hits = hitTexts('abc*', words.join(' '));
    expect(hits).toHaveLength(1000);
    expect(hits[0]).toBe('body:abc0000');
    expect(hits.at(-1)).toBe('body:abc0999');
  });
});

describe('cs() is case-sensitive', () => {
  it('matches only the case written', () => {
    expect(matches('cs(NCRI)', 'the NCRI said')).toBe(true);
    expect(matches('cs(NCRI)', 'the Ncri said')).toBe(false);
    expect(matches('NCRI', 'the Ncri said')).toBe(true);
    expect(matches('cs(MEK)', 'de mek van de fiets')).toBe(false);
    expect(matches('cs(MEK)', 'the MEK and the PMOI')).toBe(true);
  });
  it('still folds accents, and works on phrases, wildcards and groups', () => {
    expect(matches('cs(CNRI)', 'le CNRI')).toBe(true);
    expect(matches('cs("Résistance iranienne")', 'la Resistance iranienne')).toBe(true);
    expect(matches('cs("Résistance iranienne")', 'la résistance iranienne')).toBe(false);
    expect(matches('cs(NCR*)', 'the NCRI')).toBe(true);
    expect(matches('cs(NCR*)', 'the ncri')).toBe(false);
    expect(matches('cs(NCRI OR CNRI)', 'het cnri en de NCRI')).toBe(true);
    expect(hitTexts('cs(NCRI OR CNRI)', 'het cnri en de NCRI')).toEqual(['body:NCRI']);
  });
});
