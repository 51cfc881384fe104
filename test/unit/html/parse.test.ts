// The parser's budget (src/html/parse.ts): hostile nesting and width are flattened, text kept.
// No time is asserted here: the speed is in bench/parse-hostile.ts.
import { describe, expect, it } from 'vitest';
import type { AnyNode, Element } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import { getOuterHTML as render } from 'domutils';
import {
  MAX_DEPTH,
  MAX_NODES,
  MAX_TEXT_CHARS,
  parseHtml,
  parseXml,
} from '../../../src/html/parse.js';

/** Deepest element, element count and the text in document order, walked without recursion. */
function measure(root: AnyNode): { depth: number; elements: number; text: string } {
  let depth = 0;
  let elements = 0;
  const text: string[] = [];
  const stack: Array<[AnyNode, number]> = [[root, 0]];
  while (stack.length > 0) {
    const [n, d] = stack.pop()!;
    if (n.type === 'text') text.push(n.data);
    if ('children' in n) {
      if (n.type !== 'root') {
        elements++;
        depth = Math.max(depth, d);
      }
      for (let i = n.children.length - 1; i >= 0; i--) stack.push([n.children[i]!, d + 1]);
    }
  }
  return { depth, elements, text: text.join('') };
}

function byId(root: AnyNode, id: string): Element | null {
  const stack: AnyNode[] = [root];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.type === 'tag' && n.attribs['id'] === id) return n;
    if ('children' in n) stack.push(...n.children);
  }
  return null;
}

describe('parseHtml within its budget', () => {
  it('flattens 200,000 nested <div>s below MAX_DEPTH and keeps their text', () => {
    const n = 200_000;
    const html = `<html><body>${'<div>'.repeat(n)}deep text${'</div>'.repeat(n)}<p id="after">after</p></body></html>`;
    const doc = parseHtml(html);
    const m = measure(doc);
    expect(m.depth).toBe(MAX_DEPTH);
    expect(m.elements).toBe(MAX_DEPTH + 1); // the divs up to the limit, and the <p>
    expect(m.text).toBe('deep textafter');
    // The dropped closing tags were swallowed for the dropped divs: <p> is body's child again.
    const after = byId(doc, 'after');
    expect(after?.parent?.type === 'tag' && after.parent.name).toBe('body');
  });

  it('keeps the structure above the limit, drops the tags and attributes below it', () => {
    const inner = `${'<span class="x">'.repeat(300)}<b id="deep">bold</b> and <br>more${'</span>'.repeat(300)}`;
    const doc = parseHtml(
      `<div id="top">${'<div>'.repeat(MAX_DEPTH)}${inner}${'</div>'.repeat(MAX_DEPTH)}</div><p id="next">next</p>`,
    );
    // The <br> is the one element below the limit: a void element holds nothing, and keeps
    // its place in the text.
    expect(measure(doc).depth).toBe(MAX_DEPTH + 1);
    expect(byId(doc, 'deep')).toBeNull(); // flattened: no <b>, no attributes
    expect(measure(doc).text).toBe('bold and morenext');
    expect(byId(doc, 'top')?.next).toBe(byId(doc, 'next'));
  });

  it('drops a script or style past the limit with its text', () => {
    const deep = '<div>'.repeat(MAX_DEPTH + 5);
    const doc = parseHtml(`${deep}<script>var secret = 1;</script><style>p{}</style>visible`);
    expect(measure(doc).text).toBe('visible');
  });

  it('flattens a page of 200,000 unclosed elements after MAX_NODES, text kept', () => {
    const doc = parseHtml('<p>x'.repeat(200_000));
    const m = measure(doc);
    expect(m.elements).toBeLessThanOrEqual(MAX_NODES);
    expect(m.text).toBe('x'.repeat(200_000));
    const brs = parseHtml(`<p>${'a<br>'.repeat(100_000)}</p>${'</br>'.repeat(100_000)}`);
    expect(measure(brs).elements).toBeLessThanOrEqual(MAX_NODES);
  });

  it('keeps MAX_TEXT_CHARS of text, scripts and styles aside', () => {
    const script = `<script>${'var a = 1;'.repeat(300_000)}</script>`;
    const doc = parseHtml(
      `${script}<p>${'word '.repeat(300_000)}</p>${'<p>more text</p>'.repeat(200_000)}`,
    );
    const m = measure(doc);
    const scriptText = 'var a = 1;'.repeat(300_000);
    expect(m.text.startsWith(scriptText)).toBe(true);
    expect(m.text.length - scriptText.length).toBe(MAX_TEXT_CHARS);
  });

  it('leaves ordinary pages as htmlparser2 reads them', () => {
    const html =
      '<!doctype html><title>T &amp; t</title><ul><li class=a>one<li>two</ul><p>a<p>b</br></p>' +
      '<table><tr><td>c</table><svg><path d="M0"/></svg><br/><!-- c --><script>x<y</script>';
    const ours = parseHtml(html);
    const theirs = parseDocument(html, { decodeEntities: true, lowerCaseAttributeNames: true });
    expect(render(ours)).toBe(render(theirs));
    expect(measure(ours).text).toBe('T & tonetwoabcx<y');
  });
});

describe('parseXml within its budget', () => {
  it('flattens deep XML and keeps a sitemap whole', () => {
    const n = 200_000;
    const deep = parseXml(`<urlset>${'<x>'.repeat(n)}<loc>u</loc>${'</x>'.repeat(n)}</urlset>`);
    expect(measure(deep).depth).toBe(MAX_DEPTH);
    expect(measure(deep).text).toBe('u');
    const urls = '<url><loc>https://a.test/x</loc><lastmod>2024-01-05</lastmod></url>'.repeat(
      30_000,
    );
    const sitemap = parseXml(`<?xml version="1.0"?><urlset>${urls}</urlset>`);
    expect(measure(sitemap).elements).toBe(1 + 3 * 30_000);
  });
});
