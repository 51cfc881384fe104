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

  it('keeps a short article followed by teasers in the same container, without the teasers', () => {
    const teaser = (i: number): string =>
      `<article class="card"><h3><a href="/a/${i}">Titre d'un autre article numéro ${i}</a></h3>` +
      `<p>Une phrase d'accroche pour l'article ${i}.</p></article>`;
    const html = `<html lang="fr"><head><title>Rue fermée</title></head><body><main>
      <h1>Rue fermée</h1>
      <p>Le collège communal a décidé lundi de fermer la rue de la Station aux voitures pendant
      les vacances d'été, pour permettre l'installation de terrasses et de jeux pour enfants.</p>
      <p>Les commerçants sont partagés : certains craignent de perdre des clients venus en
      voiture, d'autres espèrent attirer des promeneurs. Une évaluation aura lieu en septembre.</p>
      <div class="more">${[1, 2, 3, 4, 5].map(teaser).join('')}</div>
      </main></body></html>`;
    const body = extractFromHtml(html, 'https://x.test/a').body ?? '';
    expect(body).toContain('rue de la Station');
    expect(body).not.toContain('Titre d');
  });
});

describe('an error word in a news title', () => {
  it('keeps a short article whose title says "not found" or "404"', () => {
    const html = `<html lang="en"><head><title>Missing hiker still not found - Daily Test</title></head>
      <body><article><h1>Missing hiker still not found</h1>
      <p>Rescue teams searched the Ardennes forest for a third day on Tuesday without finding
      the 34-year-old hiker who went missing near Bouillon on Saturday evening.</p>
      <p>Police asked anyone who saw him on the GR 16 trail to call the emergency number.</p>
      </article></body></html>`;
    expect(extractFromHtml(html, 'https://x.test/hiker').body).toContain('Bouillon');
    const flight = html.replace(/Missing hiker still not found/g, 'Flight 404 lands safely');
    expect(extractFromHtml(flight, 'https://x.test/flight').body).toContain('Bouillon');
  });
});
