import { describe, expect, it } from 'vitest';
import { extractArticle, extractFromHtml } from '../../../src/extract/index.js';
import { parseHtml } from '../../../src/html/parse.js';
import type { AnyNode } from '../../../src/extract/dom.js';
import { decodeHtmlBytes } from '../../../src/extract/index.js';
import { fixtureBytes } from './fixture.js';

/** A structural fingerprint of a DOM: tags, attributes and text, in order. */
function fingerprint(node: AnyNode): string {
  const parts: string[] = [];
  const stack: AnyNode[] = [node];
  while (stack.length > 0) {
    const n = stack.pop() as AnyNode;
    if ('data' in n) parts.push(`#${n.data}`);
    if ('attribs' in n) parts.push(`<${n.name} ${JSON.stringify(n.attribs)}>`);
    if ('children' in n)
      for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i] as AnyNode);
  }
  return parts.join('');
}

describe('extractor robustness', () => {
  it('leaves the shared Document as it found it', () => {
    const doc = parseHtml(decodeHtmlBytes(fixtureBytes('boilerplate.html')).html);
    const before = fingerprint(doc);
    const first = extractArticle(doc, 'https://news.test/a');
    expect(fingerprint(doc)).toBe(before);
    // The same Document gives the same answer twice (the crawler may read it again).
    expect(extractArticle(doc, 'https://news.test/a')).toEqual(first);
  });

  it('copes with thousands of unclosed tags without overflowing the stack', () => {
    const text = 'Un paragraphe de test, assez long pour compter comme du texte. '.repeat(10);
    const deep = `<html><body>${'<div>'.repeat(5000)}<p>${text}</p></body></html>`;
    expect(extractFromHtml(deep, 'https://x.test/').body).toContain('Un paragraphe de test');
    const inline = `<html><body><p>${'mot <b>'.repeat(5000)}${text}</p></body></html>`;
    expect(extractFromHtml(inline, 'https://x.test/').body).toContain('Un paragraphe de test');
  });

  it('reads malformed markup and odd metadata without throwing', () => {
    const html = `<html lang><head><meta property="og:title"><meta name="author" content="https://x.test/me">
      <script type="application/ld+json">{"@type":["NewsArticle"],"author":[null,3,{"@id":"#nobody"}],"datePublished":"yesterday"}</script>
      <link rel="canonical" href="javascript:void(0)"></head><body><p>${'Texte sans fin <i>ni balise fermante '.repeat(20)}`;
    const a = extractFromHtml(html, 'not a url');
    expect(a.canonicalUrl).toBeNull();
    expect(a.published).toBeNull();
    expect(a.authors).toEqual([]);
    expect(a.body).toContain('Texte sans fin');
  });
});
