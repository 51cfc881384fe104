import { describe, expect, it } from 'vitest';
import { extractFromHtml, hasArticleBody } from '../../../src/extract/index.js';
import { extractFixture } from './fixture.js';

describe('pages without an article', () => {
  it('returns no body for a home page of teasers', () => {
    const a = extractFixture('home-page.html', 'https://echo.test/');
    expect(a.body).toBeNull();
    expect(a.access).toBe('free');
    expect(a.siteName).toBe("L'Écho des Communes Test");
    expect(hasArticleBody(a)).toBe(false);
  });

  it('returns no body for an error page', () => {
    const html = `<html><head><title>Page introuvable - Journal Test</title></head><body>
      <nav><a href="/">Accueil</a></nav>
      <h1>Page introuvable (erreur 404)</h1>
      <p>La page que vous cherchez n'existe pas ou a été déplacée. Vérifiez l'adresse ou utilisez
      le moteur de recherche pour retrouver l'article qui vous intéresse sur notre site.</p>
      </body></html>`;
    expect(extractFromHtml(html, 'https://journal.test/x').body).toBeNull();
  });

  it('returns no body for an empty or script-only page', () => {
    expect(extractFromHtml('', 'https://x.test/').body).toBeNull();
    const a = extractFromHtml('<script>render()</script><div id="app"></div>', 'https://x.test/');
    expect(a.body).toBeNull();
    expect(a.title).toBeNull();
  });

  it('keeps a short but real news brief', () => {
    const html = `<html lang="fr"><head><title>Bref</title></head><body><article><h1>Bref</h1>
      <p>Un incendie s'est déclaré mardi soir dans un entrepôt de la zone industrielle de
      Ghlin. Les pompiers ont maîtrisé le feu en deux heures; personne n'a été blessé.</p>
      <p>Une enquête a été ouverte pour déterminer les causes du sinistre.</p></article></body></html>`;
    expect(extractFromHtml(html, 'https://x.test/bref').body).toContain('Ghlin');
  });
});
