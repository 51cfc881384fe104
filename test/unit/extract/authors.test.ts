import { describe, expect, it } from 'vitest';
import { splitNames } from '../../../src/extract/authors.js';
import { extractFromHtml } from '../../../src/extract/index.js';

describe('author names', () => {
  it.each([
    ['By Jane Smith and John Doe', ['Jane Smith', 'John Doe']],
    ['Par Julie Marchal et Nicolas Dewez', ['Julie Marchal', 'Nicolas Dewez']],
    ['Door Tom Peeters en Lien Maes', ['Tom Peeters', 'Lien Maes']],
    [
      'Jan Peeters, An De Smet & Koen Van den Broeck',
      ['Jan Peeters', 'An De Smet', 'Koen Van den Broeck'],
    ],
    ['Jan Peeters (Belga)', ['Jan Peeters']],
    ['Marie Dupont avec Belga', ['Marie Dupont']],
    ['Belga', []],
    ['La Rédaction', []],
    ['Brussels Times Staff', []],
    ['Par Sophie Renard | Publié le 5 janvier 2024 à 14h03', ['Sophie Renard']],
    ['jane@example.test', []],
    ['By Nathan Willis March 25, 2015', ['Nathan Willis']],
    ['Par Anne Leroy 5 janvier 2024', ['Anne Leroy']],
    ['Martin Dupont (avec Anne Leroy et Luc Petit)', ['Martin Dupont', 'Anne Leroy', 'Luc Petit']],
    ['Ben Silverman Games Editor', ['Ben Silverman']],
    ['Koen van Dijk Senior Correspondent', ['Koen van Dijk']],
    ['Jan Van der Berg Correspondent', ['Jan Van der Berg']],
    ['Marie de la Fontaine Rédactrice', ['Marie de la Fontaine']],
    ['Mary Ann Smith Editor', ['Mary Ann Smith']],
    ['By Ann Smith and Jan Peeters, Reporter', ['Ann Smith', 'Jan Peeters']],
    ['Last Updated: January 7, 2025', []],
    ['Sign In', []],
  ])('%s', (raw, names) => {
    expect(splitNames(raw)).toEqual(names);
  });

  it('reads a rel=author byline and de-duplicates it against itself', () => {
    const html = `<html><body><article><h1>Titre</h1>
      <div class="byline">Par <a rel="author" href="/a/jm">Julie Marchal</a>,
      <a rel="author" href="/a/nd">Nicolas Dewez</a> et <a rel="author" href="/a/jm">Julie Marchal</a></div>
      <p>${'Un texte de test assez long pour former un paragraphe. '.repeat(8)}</p></article></body></html>`;
    expect(extractFromHtml(html, 'https://x.test/a').authors).toEqual([
      'Julie Marchal',
      'Nicolas Dewez',
    ]);
  });

  it('passes over a "By" label and readers\' comment bylines to the one that names someone', () => {
    const html = `<html><body><article><h1>Titre</h1>
      <em class="byline__by">By</em> <a href="/authors/ann"><span class="byline__author">Ann Maes</span></a>
      <p>${'A test text long enough to count as a paragraph of the article. '.repeat(8)}</p></article>
      <ul class="comments"><li><div class="byline">Reader Person</div><p>Great.</p></li></ul></body></html>`;
    expect(extractFromHtml(html, 'https://x.test/a').authors).toEqual(['Ann Maes']);
    // A container of the headline is the article, whatever its modifiers say.
    const marked = html.replace('<article>', '<article class="article article--has-comments">');
    expect(extractFromHtml(marked, 'https://x.test/a').authors).toEqual(['Ann Maes']);
    const onlyComments = html.replace(/<em class="byline__by">[\s\S]*?<\/a>/, '');
    expect(extractFromHtml(onlyComments, 'https://x.test/a').authors).toEqual([]);
  });

  it('keeps the agency of a mixed byline as a wire credit', () => {
    const html = `<html><head><meta name="author" content="Jan Peeters (Belga)"></head><body><article>
      <p>${'Een testtekst die lang genoeg is om als alinea te tellen. '.repeat(8)}</p></article></body></html>`;
    const a = extractFromHtml(html, 'https://x.test/a');
    expect(a.authors).toEqual(['Jan Peeters']);
    expect(a.wireCredit).toBe('Belga');
  });
});

describe('names in scripts without capitals', () => {
  it('reads Korean, Chinese and Japanese names, and tells them from the site name', () => {
    expect(splitNames('한소율')).toEqual(['한소율']);
    expect(splitNames('王伟')).toEqual(['王伟']);
    expect(splitNames('高橋美咲')).toEqual(['高橋美咲']);
    expect(splitNames('한소율', ['스타데일리'])).toEqual(['한소율']);
    expect(splitNames('스타데일리', ['스타데일리'])).toEqual([]);
  });
});
