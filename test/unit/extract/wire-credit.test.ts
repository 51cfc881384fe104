import { describe, expect, it } from 'vitest';
import { findWireCredit } from '../../../src/extract/wire-credit.js';
import { extractFixture } from './fixture.js';

describe('wire credit', () => {
  it('reads a dateline "BRUSSEL (BELGA) -" and ignores the photo credit', () => {
    const a = extractFixture('wire-dateline.html');
    expect(a.wireCredit).toBe('Belga');
    expect(a.body).not.toContain('BELGA PHOTO');
  });

  it('reads a closing line "Belga"', () => {
    expect(extractFixture('wire-closing-line.html').wireCredit).toBe('Belga');
  });

  it('reads "Avec Belga" and keeps the newsroom out of the authors', () => {
    const a = extractFixture('wire-avec.html');
    expect(a.wireCredit).toBe('Belga');
    expect(a.authors).toEqual([]);
  });

  it('turns a byline that is only the agency into a wire credit, not an author', () => {
    const a = extractFixture('wire-byline-agency.html');
    expect(a.wireCredit).toBe('Belga');
    expect(a.authors).toEqual([]);
  });

  it('does not take "© BELGA PHOTO" captions and credits for a wire credit', () => {
    const a = extractFixture('wire-photo-only.html');
    expect(a.wireCredit).toBeNull();
    expect(a.authors).toEqual(['Sophie Renard']);
    expect(a.body).not.toMatch(/BELGA|Grand-Place illuminée/);
  });

  it.each([
    [['Text of the dispatch. (Belga)'], 'Belga'],
    [['BRUXELLES (BELGA) - Texte.'], 'Belga'],
    [['Texte.', 'Belga'], 'Belga'],
    [['Texte (avec Belga).'], 'Belga'],
    [['Texte.', '(Belga/AFP)'], 'Belga, AFP'],
    [['Bron: Belga'], 'Belga'],
    [['Texte.', '© BELGA PHOTO'], null],
    [['Photo Belga Image, texte sans dépêche.'], null],
    [['The beluga whale swam off.'], null],
  ])('%j -> %s', (paragraphs, credit) => {
    expect(findWireCredit(paragraphs, [])).toBe(credit);
  });
});
