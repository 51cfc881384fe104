import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../src/match/index.js';

/** norm@position(/span when joined) for each token. */
function show(text: string): string {
  const t = tokenize(text);
  return t.norm
    .map((n, i) => `${n}@${t.pos[i]}${(t.span[i] ?? 1) > 1 ? `/${t.span[i]}` : ''}`)
    .join(' ');
}

describe('tokenize', () => {
  it('folds case and accents and keeps UTF-16 offsets into the original text', () => {
    const text = 'RÉSISTANCE Œuvre Straße';
    const t = tokenize(text);
    expect(t.norm).toEqual(['resistance', 'oeuvre', 'strasse']);
    expect(t.start.map((s, i) => text.slice(s, t.end[i]))).toEqual([
      'RÉSISTANCE',
      'Œuvre',
      'Straße',
    ]);
  });
  it('folds decomposed accents (combining marks) like composed ones', () => {
    expect(tokenize('re\u0301sistance').norm).toEqual(['resistance']);
  });
  it('drops French elisions with any apostrophe, without a position', () => {
    expect(show("l'opposition d’Iran qu'il jusqu'à S'IL")).toBe(
      'opposition@0 iran@1 il@2 a@3 il@4',
    );
  });
  it('drops an English possessive', () => {
    expect(show("Rajavi's plan, NCRI’s")).toBe('rajavi@0 plan@1 ncri@2');
  });
  it('indexes compounds as parts and joined form, for every hyphen and dash', () => {
    expect(show('ten-point plan')).toBe('tenpoint@0/2 ten@0 point@1 plan@2');
    expect(show('ten‐point ten–point ten—point')).toBe(
      'tenpoint@0/2 ten@0 point@1 tenpoint@2/2 ten@2 point@3 tenpoint@4/2 ten@4 point@5',
    );
    expect(show("aujourd'hui")).toBe('aujourdhui@0/2 aujourd@0 hui@1');
  });
  it('leaves joined forms out when asked (query phrases)', () => {
    expect(tokenize('ten-point', { joined: false }).norm).toEqual(['ten', 'point']);
  });
  it('keeps numbers as written', () => {
    expect(tokenize('160. 1600 16 5.1 1.600 3,5 160e').norm).toEqual([
      '160',
      '1600',
      '16',
      '5.1',
      '1.600',
      '3,5',
      '160e',
    ]);
  });
  it('groups digits across a no-break or thin space, not across a plain space', () => {
    expect(tokenize('1\u00a0600 1\u202f600 1\u2009600').norm).toEqual(['1600', '1600', '1600']);
    expect(tokenize('2024 160').norm).toEqual(['2024', '160']);
    expect(tokenize('5\u00a0janvier').norm).toEqual(['5', 'janvier']);
  });
  it('treats no-break and thin spaces as spaces and ignores soft hyphens', () => {
    expect(tokenize('Hans\u00a0Bonte Vil\u00advoorde').norm).toEqual([
      'hans',
      'bonte',
      'vilvoorde',
    ]);
  });
  it('skips positions at a paragraph break, not at a line break', () => {
    expect(show('a\nb\n\nc \n \n d')).toBe('a@0 b@1 c@112 d@223');
  });
  it('handles astral characters and lone surrogates without throwing', () => {
    const t = tokenize('𝐀bc \ud800 x😀y');
    expect(t.norm.length).toBeGreaterThan(0);
  });
});
