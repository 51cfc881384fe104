import { describe, expect, it } from 'vitest';
import { extractFixture } from './fixture.js';

describe('body boilerplate removal', () => {
  const a = extractFixture('boilerplate.html');
  const body = a.body ?? '';

  it('keeps the article text, its list and its blockquote, with paragraph breaks', () => {
    expect(body.startsWith('La Région bruxelloise a confirmé mardi')).toBe(true);
    expect(body).toContain(
      '- un ponton flottant de cinquante mètres, accessible aux personnes à mobilité réduite ;\n' +
        '- des vestiaires et des douches',
    );
    expect(body).toContain('Nager dans le canal était impensable il y a dix ans.');
    expect(body).toContain('des poubelles supplémentaires');
    expect(body.split('\n\n')).toHaveLength(6);
  });

  it('drops "Lire aussi" pointers and related lists', () => {
    expect(body).not.toMatch(/lire aussi/i);
    expect(body).not.toContain('piscines bruxelloises');
    expect(body).not.toContain('quais du canal seront réaménagés');
    expect(body).not.toContain('plongeurs bénévoles');
  });

  it('drops cookie, newsletter and advertising prompts', () => {
    expect(body).not.toMatch(/cookies/i);
    expect(body).not.toMatch(/newsletter/i);
    expect(body).not.toContain('Publicité');
  });

  it('drops captions, photo credits, share bars, navigation, comments and hidden text', () => {
    expect(body).not.toContain('bassin Béco, près du quai');
    expect(body).not.toMatch(/BELGA PHOTO|Photo :/);
    expect(body).not.toContain('Partager');
    expect(body).not.toContain('Accueil');
    expect(body).not.toContain('Enfin une bonne nouvelle');
    expect(body).not.toContain('Texte caché');
    expect(body).not.toContain('JavaScript');
    expect(body).not.toContain('tracking');
    expect(body).not.toContain('Mentions légales');
  });

  it('reads the other fields of the page', () => {
    expect(a.title).toBe('Bruxelles : le canal accueillera une baignade surveillée cet été');
    expect(a.siteName).toBe('Le Courrier Test');
    expect(a.language).toBe('fr');
    expect(a.lead).toBe(body.split('\n\n')[0]);
  });
});
