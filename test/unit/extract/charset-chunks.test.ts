// decodeHtmlChunks + parseHtml in pieces (the crawl's path, src/crawl/extract-page.ts) read a
// page exactly as decoding it whole and parsing the string does.
import { render } from 'dom-serializer';
import { describe, expect, it } from 'vitest';
import {
  DECODE_CHUNK_BYTES,
  decodeHtmlBytes,
  decodeHtmlChunks,
} from '../../../src/bytes/decode.js';
import { parseHtml } from '../../../src/html/parse.js';
import { fixtureBytes } from './fixture.js';

const enc = new TextEncoder();

function chunksOf(
  bytes: Uint8Array,
  header?: string | null,
): { text: string; pieces: string[]; charset: string } {
  const { chunks, charset } = decodeHtmlChunks(bytes, header);
  const pieces = [...chunks];
  return { text: pieces.join(''), pieces, charset };
}

describe('decodeHtmlChunks', () => {
  it('keeps a character whose bytes straddle two pieces whole', () => {
    // "é" (2 bytes), "€" (3) and "🙂" (4) placed across the first piece boundary.
    for (const shift of [1, 2, 3]) {
      const head = '<p>' + 'a'.repeat(DECODE_CHUNK_BYTES - 3 - shift);
      const bytes = enc.encode(`${head}é€🙂 fin</p>`.repeat(3));
      const { text, pieces, charset } = chunksOf(bytes);
      expect(charset).toBe('utf-8');
      expect(pieces.length).toBeGreaterThan(1);
      expect(text).toBe(decodeHtmlBytes(bytes).html);
      expect(text).not.toContain('\ufffd');
    }
  });

  it('decodes a windows-1252 page in pieces with ’ and €, as whole', () => {
    const page = fixtureBytes('windows-1252.html.bytes');
    const big = new Uint8Array(page.length * 40);
    for (let i = 0; i < 40; i++) big.set(page, i * page.length);
    const whole = decodeHtmlBytes(big, null);
    const { text, pieces, charset } = chunksOf(big, null);
    expect(charset).toBe('windows-1252');
    expect(pieces.length).toBeGreaterThan(1);
    expect(text).toBe(whole.html);
    expect(text).toContain('l’église');
  });

  it('drops a byte order mark and follows it, and falls back to windows-1252 as whole does', () => {
    const page = enc.encode('<meta charset="windows-1252"><p>café</p>');
    expect(
      chunksOf(new Uint8Array([0xef, 0xbb, 0xbf, ...page]), 'text/html; charset=iso-8859-2'),
    ).toEqual({
      text: '<meta charset="windows-1252"><p>café</p>',
      pieces: ['<meta charset="windows-1252"><p>café</p>'],
      charset: 'utf-8',
    });
    const latin = new Uint8Array([0x3c, 0x70, 0x3e, 0x4c, 0x69, 0xe8, 0x67, 0x65]);
    expect(chunksOf(latin).text).toBe('<p>Liège');
    expect(chunksOf(new Uint8Array(0)).pieces).toEqual([]);
  });
});

describe('parseHtml in pieces', () => {
  it('builds the same document as from the whole string, wherever the pieces are cut', () => {
    const html =
      '<!doctype html><html><head><title>Le pont &amp; la ville</title><script>if (a < b) x()</script></head>' +
      '<body><article class="story main" data-x=\'1\'><h1>Pont</h1><p>Un pont&nbsp;neuf, «&#8239;enfin&#8239;» — dit-il.</p>' +
      '<!-- a comment --><p>Deuxième <b>paragraphe</b><br>suite</p></article></body></html>';
    const whole = render(parseHtml(html));
    for (let size = 1; size <= 17; size++) {
      const pieces: string[] = [];
      for (let i = 0; i < html.length; i += size) pieces.push(html.slice(i, i + size));
      expect(render(parseHtml(pieces))).toBe(whole);
    }
  });

  it('reads a real page decoded in pieces as the whole string', () => {
    const bytes = fixtureBytes('windows-1252.html.bytes');
    expect(render(parseHtml(decodeHtmlChunks(bytes, null).chunks))).toBe(
      render(parseHtml(decodeHtmlBytes(bytes, null).html)),
    );
  });
});
