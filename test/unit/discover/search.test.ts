import { describe, expect, it } from 'vitest';
import { distinctTerms, searchPages } from '../../../src/discover/search.js';

describe('searchPages', () => {
  it('fills the template once per distinct term', () => {
    expect(
      searchPages('/search?q={terms}&sort=date', 'https://ex.be/', [
        'Vilvorde bourgmestres',
        ' vilvorde   BOURGMESTRES ',
        'Rajavi',
        '',
      ]),
    ).toEqual([
      {
        term: 'Vilvorde bourgmestres',
        url: 'https://ex.be/search?q=Vilvorde+bourgmestres&sort=date',
      },
      { term: 'Rajavi', url: 'https://ex.be/search?q=Rajavi&sort=date' },
    ]);
  });

  it('form-encodes in the query and percent-encodes in the path', () => {
    expect(searchPages('/zoeken/{terms}', 'https://ex.be', ['Hans Bonte & co'])[0]?.url).toBe(
      'https://ex.be/zoeken/Hans%20Bonte%20%26%20co',
    );
    expect(
      searchPages('/recherche?q={terms}', 'https://ex.be', ['résistance iranienne'])[0]?.url,
    ).toBe('https://ex.be/recherche?q=r%C3%A9sistance+iranienne');
  });

  it('keeps the first spelling of each term', () => {
    expect(distinctTerms(['NCRI', 'ncri', 'CNRI'])).toEqual(['NCRI', 'CNRI']);
  });
});
