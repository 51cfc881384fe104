import { describe, expect, it } from 'vitest';
import { detectLanguage, toLang } from '../../../src/extract/language.js';

const FR =
  "Le conseil communal a adopté le budget de la ville après un long débat sur les écoles et les routes, mais l'opposition a voté contre.";
const NL =
  'De gemeenteraad heeft de begroting van de stad goedgekeurd na een lang debat over de scholen en de wegen, maar de oppositie stemde tegen.';
const EN =
  'The city council approved the budget after a long debate about the schools and the roads, but the opposition voted against it.';
const DE =
  'Der Stadtrat hat den Haushalt nach einer langen Debatte über die Schulen und die Straßen genehmigt, aber die Opposition war dagegen.';

describe('language detection', () => {
  it.each([
    [FR, 'fr'],
    [NL, 'nl'],
    [EN, 'en'],
    [DE, 'de'],
  ] as const)('detects %#', (text, lang) => {
    expect(detectLanguage({ text: text.repeat(2), htmlLang: null })).toBe(lang);
  });

  it('lets the text overrule a site-wide <html lang> when it clearly disagrees', () => {
    expect(detectLanguage({ text: NL.repeat(3), htmlLang: 'fr-BE' })).toBe('nl');
  });

  it('follows <html lang> when the text is too short to say', () => {
    expect(detectLanguage({ text: 'Vilvoorde 2024', htmlLang: 'nl-BE' })).toBe('nl');
    expect(detectLanguage({ text: '', htmlLang: 'fr' })).toBe('fr');
    expect(detectLanguage({ text: '', htmlLang: 'es' })).toBeNull();
  });

  it("chooses among the outlet's languages only", () => {
    expect(detectLanguage({ text: EN.repeat(2), htmlLang: null, allowed: ['fr', 'nl'] })).not.toBe(
      'en',
    );
    expect(detectLanguage({ text: NL.repeat(2), htmlLang: 'en', allowed: ['fr', 'nl'] })).toBe(
      'nl',
    );
    expect(detectLanguage({ text: EN, htmlLang: null, allowed: ['fr'] })).toBe('fr');
  });

  it('reads language tags', () => {
    expect(toLang('fr-BE')).toBe('fr');
    expect(toLang('nl_be')).toBe('nl');
    expect(toLang('pt-BR')).toBeNull();
  });
});
