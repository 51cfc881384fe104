import { describe, expect, it } from 'vitest';
import { extractFromHtml, hasArticleBody } from '../../../src/extract/index.js';
import { extractFixture } from './fixture.js';

describe('access', () => {
  it('flags JSON-LD isAccessibleForFree "False" with a hasPart cssSelector as paywalled', () => {
    const a = extractFixture('paywalled-jsonld.html');
    expect(a.access).toBe('paywalled');
    expect(a.title).toBe("Charleroi : les coulisses du rachat de l'ancienne verrerie");
    expect(a.authors).toEqual(['Claire Dubois']);
    // The visible teaser is kept; the subscription prompt is not body text.
    expect(a.body).toContain('ancienne verrerie');
    expect(a.body).not.toMatch(/abonnés|Abonnez-vous/);
  });

  it('flags a subscriber teaser marked only in the page as paywalled', () => {
    const a = extractFixture('paywalled-teaser.html');
    expect(a.access).toBe('paywalled');
    expect(a.language).toBe('nl');
    expect(a.body).toContain('leveringen van chips');
    expect(a.body).not.toMatch(/abonnee|Premium/);
    expect(hasArticleBody(a)).toBe(false);
  });

  it('flags a DPG-style privacy gate as gated, with no body', () => {
    for (const url of [
      'https://myprivacy.dpgmedia.be/consent?siteKey=abc&callbackUrl=https%3A%2F%2Fwww.krant.test%2Fa',
      'https://www.krant.test/nieuws/binnenland/123',
    ]) {
      const a = extractFixture('consent-gate.html', url);
      expect(a.access).toBe('gated');
      expect(a.body).toBeNull();
      expect(hasArticleBody(a)).toBe(false);
    }
  });

  it('leaves an article with a cookie banner free', () => {
    const a = extractFixture('boilerplate.html');
    expect(a.access).toBe('free');
    expect(hasArticleBody(a)).toBe(true);
  });

  const banner = `<div class="consent-banner"><p>Nous et nos partenaires utilisons des cookies.</p>
    <button>Accepter et fermer</button></div>`;
  const teasers = Array.from(
    { length: 15 },
    (_, i) => `<article class="teaser teaser--premium"><span class="badge">Premium</span>
      <h2><a href="/regions/a${i}">Titre de l'article numéro ${i}</a></h2></article>`,
  ).join('');

  it("leaves a section page free: its consent banner is no wall, its teasers' badges no paywall", () => {
    const nav = Array.from({ length: 30 }, (_, i) => `<a href="/s${i}">Rubrique ${i}</a>`).join('');
    const html = `<html><head><title>Régions - DH</title></head><body>${banner}<nav>${nav}</nav>
      <main><div><h1>Régions</h1><div class="list">${teasers}</div></div></main></body></html>`;
    const a = extractFromHtml(html, 'https://www.dh.be/regions');
    expect(a.body).toBeNull();
    expect(a.access).toBe('free');
  });

  it('reads a page that is only a consent banner as gated', () => {
    const html = `<html><head><title>DH</title></head><body>${banner}</body></html>`;
    expect(extractFromHtml(html, 'https://www.dh.be/a').access).toBe('gated');
  });

  it('reads the teaser of an article whose own container is marked paywalled', () => {
    const text =
      "Pendant six ans, l'ancien trésorier d'un club de basket aurait puisé dans ses caisses.";
    const more =
      'Les faits ont été découverts en 2022 par le nouveau comité du club, qui a relevé des ' +
      'virements suspects, des retraits injustifiés et des factures de travaux jamais réalisés.';
    const html = `<html><head><title>Charleroi : un trésorier jugé - Sudinfo</title></head><body>
      <r-article class="r-article r-article--paywalled"><h1>Charleroi : un trésorier jugé</h1>
      <p class="r-article--chapo">${text}</p><div class="content"><p>${more}</p>
      <div class="r-paywall"><p>Cet article est réservé aux abonnés.</p><a href="/abo">Abonnez-vous</a></div>
      </div></r-article></body></html>`;
    const a = extractFromHtml(html, 'https://www.sudinfo.be/id1/article/x');
    expect(a.access).toBe('paywalled');
    expect(a.body).toContain('virements suspects');
    expect(a.body).not.toContain('Abonnez-vous');
  });

  it("keeps the page's own paywall notice and badge when its article or card holds the headline", () => {
    const para = `<p>${'Un texte assez long pour faire un paragraphe de cet article. '.repeat(6)}</p>`;
    const own = `<html><body><article class="post"><h1 class="entry-title"><a rel="bookmark"
      href="https://x.test/a">Le titre</a></h1>${para}<p>Cet article est réservé aux abonnés.</p>
      </article></body></html>`;
    expect(extractFromHtml(own, 'https://x.test/a').access).toBe('paywalled');
    const card = `<html><body><div class="card"><div class="card-body"><span class="badge">Premium</span>
      <h1>Le titre</h1>${para}</div></div></body></html>`;
    expect(extractFromHtml(card, 'https://x.test/a').access).toBe('paywalled');
  });
});
