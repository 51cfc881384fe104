import { describe, expect, it } from 'vitest';
import { extractFromHtml } from '../../../src/extract/index.js';

const PARAGRAPHS = [
  'De gemeente Lier opent in het voorjaar een nieuwe bibliotheek in het oude stadhuis aan de Grote Markt. De verhuis van de collectie begint volgende maand.',
  'In het gebouw komen ook een leescafé en studieplekken voor scholieren. De renovatie kostte ongeveer vier miljoen euro en werd deels door de Vlaamse overheid betaald.',
  'De oude bibliotheek aan de vesten wordt verkocht. Over de nieuwe bestemming beslist de gemeenteraad na de zomer.',
];

function page(bodyHtml: string, articleBody: string | null, extraLd = ''): string {
  const ld = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: 'Lier krijgt nieuwe bibliotheek in oud stadhuis',
    ...(articleBody === null ? {} : { articleBody }),
  };
  return `<html lang="nl"><head><title>Lier krijgt nieuwe bibliotheek in oud stadhuis</title>
    <script type="application/ld+json">${JSON.stringify(ld)}</script>${extraLd}</head>
    <body><h1>Lier krijgt nieuwe bibliotheek in oud stadhuis</h1>${bodyHtml}</body></html>`;
}

describe('JSON-LD articleBody as a check on the page text', () => {
  it('keeps the page text, with its paragraphs, when it covers the declared body', () => {
    const html = page(
      `<div class="tekst">${PARAGRAPHS.map((p) => `<p>${p}</p>`).join('')}</div>`,
      PARAGRAPHS.join(' '),
    );
    expect(extractFromHtml(html, 'https://krant.test/a').body).toBe(PARAGRAPHS.join('\n\n'));
  });

  it('falls back to the declared body when the page text cannot be found', () => {
    // The text sits in a block whose class says "related": the DOM pass leaves it out.
    const html = page(
      `<div class="related-content">${PARAGRAPHS.map((p) => `<p>${p}</p>`).join('')}</div>`,
      PARAGRAPHS.join('\n\n'),
    );
    const a = extractFromHtml(html, 'https://krant.test/a');
    expect(a.body).toBe(PARAGRAPHS.join('\n\n'));
    expect(a.access).toBe('free');
  });

  it('never takes the declared body of a paywalled article', () => {
    const html = page(
      `<div class="related-content">${PARAGRAPHS.map((p) => `<p>${p}</p>`).join('')}</div>
       <p class="notice">Dit artikel is exclusief voor abonnees.</p>`,
      PARAGRAPHS.join('\n\n'),
    );
    const a = extractFromHtml(html, 'https://krant.test/a');
    expect(a.access).toBe('paywalled');
    expect(a.body).toBeNull();
  });
});
