import { describe, expect, it } from 'vitest';
import { articleLinks, pageLinks } from '../../../src/discover/links.js';
import { parseHtml } from '../../../src/html/parse.js';

const page = parseHtml(`<html><head><base href="https://news.example.be/fr/"></head><body>
<nav><a href="/fr/belgique">Belgique</a><a href="/fr/belgique?page=2">Suite</a><a href="https://other.example/x">Ailleurs</a></nav>
<a href="belgique/2024/01/05/bourgmestres-vilvorde-123">Bourgmestres</a>
<a href="/fr/belgique/2024/01/05/bourgmestres-vilvorde-123?utm_source=home#comments">Même article</a>
<a href="https://amp.example.be/fr/belgique/2024/01/06/amp-suite-124">AMP host, other site</a>
<a href="/fr/belgique/2024/01/06/suite-125/amp">AMP path</a>
<a href="mailto:redaction@example.be">Mail</a><a>no href</a>
</body></html>`);
const url = 'https://news.example.be/fr/';
const article = /^\/fr\/belgique\/\d{4}\/\d{2}\/\d{2}\/[a-z0-9-]+$/;

describe('pageLinks', () => {
  it('sorts same-host links into articles and sections to follow', () => {
    const links = pageLinks(page, url, { article, section: /^\/fr\/belgique(?:\?page=\d+)?$/ });
    expect(links.articles).toEqual([
      'https://news.example.be/fr/belgique/2024/01/05/bourgmestres-vilvorde-123',
      'https://news.example.be/fr/belgique/2024/01/06/suite-125',
    ]);
    expect(links.sections).toEqual([
      'https://news.example.be/fr/belgique',
      'https://news.example.be/fr/belgique?page=2',
    ]);
  });

  it('follows nothing without a section pattern; without an article pattern every other link is one', () => {
    expect(pageLinks(page, url, { article, section: null }).sections).toEqual([]);
    const loose = pageLinks(page, url, { article: null, section: /^\/fr\/belgique$/ });
    expect(loose.sections).toEqual(['https://news.example.be/fr/belgique']);
    expect(loose.articles).toContain('https://news.example.be/fr/belgique?page=2');
    expect(loose.articles).not.toContain('https://news.example.be/fr/belgique');
    expect(articleLinks(page, url, article)).toHaveLength(2);
  });
});
