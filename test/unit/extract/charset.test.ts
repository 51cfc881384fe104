import { describe, expect, it } from 'vitest';
import { decodeHtmlBytes } from '../../../src/extract/index.js';
import { extractFixture, fixtureBytes } from './fixture.js';

const enc = new TextEncoder();

describe('decodeHtmlBytes', () => {
  it('reads a windows-1252 page declared by http-equiv when the header names no charset', () => {
    const bytes = fixtureBytes('windows-1252.html.bytes');
    for (const header of [null, undefined, 'text/html']) {
      const { html, charset } = decodeHtmlBytes(bytes, header);
      expect(charset).toBe('windows-1252');
      // 0x92 and 0x80 are ’ and € in windows-1252 (not C1 controls as in ISO-8859-1).
      expect(html).toContain('l’église');
      expect(html).toContain('800.000 €');
    }
    const a = extractFixture('windows-1252.html.bytes');
    expect(a.title).toBe("Arlon : l'église Saint-Martin retrouve ses vitraux");
    expect(a.body).toContain('d’euros');
  });

  it('prefers a byte order mark, then the header, then the meta tag', () => {
    const page = enc.encode('<meta charset="windows-1252"><p>café</p>');
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...page]);
    expect(decodeHtmlBytes(bom, 'text/html; charset=iso-8859-2')).toEqual({
      html: '<meta charset="windows-1252"><p>café</p>',
      charset: 'utf-8',
    });
    expect(decodeHtmlBytes(page, 'text/html; charset="UTF-8"').charset).toBe('utf-8');
    expect(decodeHtmlBytes(page, 'text/html').charset).toBe('windows-1252');
  });

  it('defaults to UTF-8, and to windows-1252 when undeclared bytes are not UTF-8', () => {
    expect(decodeHtmlBytes(enc.encode('<p>Liège</p>'))).toEqual({
      html: '<p>Liège</p>',
      charset: 'utf-8',
    });
    const latin = new Uint8Array([0x3c, 0x70, 0x3e, 0x4c, 0x69, 0xe8, 0x67, 0x65]);
    expect(decodeHtmlBytes(latin)).toEqual({ html: '<p>Liège', charset: 'windows-1252' });
  });

  it('ignores unknown labels and a meta that claims UTF-16', () => {
    expect(decodeHtmlBytes(enc.encode('<p>x</p>'), 'text/html; charset=bogus').charset).toBe(
      'utf-8',
    );
    expect(decodeHtmlBytes(enc.encode('<meta charset="utf-16"><p>é</p>')).charset).toBe('utf-8');
  });
});
