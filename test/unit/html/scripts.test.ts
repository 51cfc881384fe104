import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../src/html/parse.js';
import { mayRunScripts } from '../../../src/html/scripts.js';

const page = (head: string, body = '<p>Short text.</p>'): boolean =>
  mayRunScripts(parseHtml(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`));

describe('mayRunScripts: could a browser change the page?', () => {
  it('is false for a page without scripts or handlers', () => {
    expect(page('<title>x</title><style>p{color:red}</style>')).toBe(false);
  });

  it('is false for data blocks: JSON-LD, templates, unknown types', () => {
    expect(
      page(
        '<script type="application/ld+json">{"@type":"NewsArticle"}</script>' +
          '<script type="text/template"><p>{{x}}</p></script>' +
          '<script type="text/x-magic">1</script>',
      ),
    ).toBe(false);
  });

  it.each([
    ['no type', '<script>document.body.textContent = "x"</script>'],
    ['an empty type', '<script type="">1</script>'],
    ['module', '<script type="module" src="/app.js"></script>'],
    ['text/javascript', '<script type="Text/JavaScript; charset=utf-8">1</script>'],
    ['application/x-javascript', '<script type="application/x-javascript">1</script>'],
    ['javascript1.5', '<script type="text/javascript1.5">1</script>'],
    ['an external script', '<script src="/bundle.js" defer></script>'],
  ])('is true for a script with %s', (_label, head) => {
    expect(page(head)).toBe(true);
  });

  it('is true for a script deep in the body', () => {
    expect(page('', '<div><section><div><script>1</script></div></section></div>')).toBe(true);
  });

  it('is true for an inline event handler', () => {
    expect(page('', '<img src="x.png" onerror="document.write(1)">')).toBe(true);
    expect(page('', '<body onload="init()"><p>x</p></body>')).toBe(true);
  });

  it('is false for attributes that are not handlers', () => {
    expect(page('', '<div data-onclick="x" on="2" aria-label="on"><p>x</p></div>')).toBe(false);
  });
});
