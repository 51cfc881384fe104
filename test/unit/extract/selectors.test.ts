import { describe, expect, it } from 'vitest';
import { applySelectors, extractArticle } from '../../../src/extract/index.js';
import { parseHtml } from '../../../src/html/parse.js';

const html = `<html><head><title>Wrong title | Site</title></head><body>
<div class="teaser"><p>A teaser that the generic extractor might take for the body of the page.</p></div>
<div class="story"><span class="hed">The real headline</span><div class="txt">First real paragraph.<br></div>
<p>Second real paragraph of the story.</p><ul><li>A listed fact.</li></ul></div></body></html>`;

describe('applySelectors', () => {
  it('takes title and body from the outlet selectors, keeping blocks as paragraphs', () => {
    const doc = parseHtml(html);
    const a = applySelectors(doc, extractArticle(doc, 'https://x.be/a'), {
      title: '.hed',
      body: '.story',
    });
    expect(a.title).toBe('The real headline');
    expect(a.body).toBe('Second real paragraph of the story.\n\nA listed fact.');
  });
  it('changes nothing without selectors, or when a selector finds nothing', () => {
    const doc = parseHtml(html);
    const base = extractArticle(doc, 'https://x.be/a');
    expect(applySelectors(doc, base, undefined)).toBe(base);
    expect(applySelectors(doc, base, { body: '.missing' }).body).toBe(base.body);
  });
  it("cleans what the outlet's selectors found like any extracted text", () => {
    const doc = parseHtml(
      '<div class="hed">Vilvoorde\u0000 \u202Etcerroc\u202C CafÃ©</div><div class="txt"><p>Tekst\u0007 hier.</p></div>',
    );
    const a = applySelectors(doc, extractArticle(doc, 'https://x.be/a'), {
      title: '.hed',
      body: '.txt',
    });
    expect(a.title).toBe('Vilvoorde tcerroc Café');
    expect(a.body).toBe('Tekst hier.');
    expect(a.textWarnings).toEqual(['mojibake-repaired']);
  });
});
