import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { MwError } from '../../../src/errors.js';
import { xmlText } from '../../../src/discover/xml-bytes.js';
import { parseXmlSource } from '../../../src/discover/xml-sources.js';
import { isGzip } from '../../../src/bytes/gzip.js';

const opts = { url: 'https://ex.be/sitemap.xml.gz', maxBytes: 64 * 1024 };
const urlset =
  '<?xml version="1.0" encoding="UTF-8"?><urlset><url><loc>https://ex.be/é</loc></url></urlset>';

describe('xmlText', () => {
  it('decompresses a gzip body, whatever the Content-Type says', () => {
    const gz = gzipSync(Buffer.from(urlset, 'utf8'));
    expect(isGzip(gz)).toBe(true);
    expect(xmlText(gz, { ...opts, contentType: 'application/x-gzip' })).toBe(urlset);
    expect(xmlText(gz, { ...opts, contentType: 'application/octet-stream' })).toBe(urlset);
    // Already decoded by the HTTP layer (Content-Encoding): plain text passes through.
    expect(xmlText(Buffer.from(urlset), { ...opts, contentType: 'application/gzip' })).toBe(urlset);
  });

  it('stops a gzip bomb at the limit', () => {
    const bomb = gzipSync(Buffer.alloc(10 * 1024 * 1024, 0x20));
    expect(bomb.length).toBeLessThan(64 * 1024);
    try {
      xmlText(bomb, opts);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(MwError);
      expect((err as MwError).code).toBe('MW_ERR_TOO_LARGE');
    }
  });

  it('reports a broken gzip file', () => {
    const broken = gzipSync(Buffer.from(urlset)).subarray(0, 20);
    expect(() => xmlText(broken, opts)).toThrow(/MW_ERR_BAD_GZIP|not a valid gzip/);
  });

  it('decodes by BOM, then Content-Type charset, then the XML declaration, else UTF-8', () => {
    const latin = Buffer.from(
      '<?xml version="1.0" encoding="ISO-8859-1"?><rss><channel><title>R\xe9sistance</title></channel></rss>',
      'latin1',
    );
    expect(xmlText(latin, opts)).toContain('Résistance');
    expect(xmlText(latin, { ...opts, contentType: 'text/xml; charset=iso-8859-1' })).toContain(
      'Résistance',
    );
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(urlset, 'utf8')]);
    expect(xmlText(bom, { ...opts, contentType: 'text/xml; charset=iso-8859-1' })).toBe(urlset);
    expect(xmlText(Buffer.from(urlset, 'utf8'), opts)).toBe(urlset);
  });

  it('reads a windows-1252 feed with the WHATWG mapping: “ ” € and no C1 control characters', () => {
    // “Bruxelles” : 5 € – déjà: 0x93 and 0x94 are the curly quotes, 0x80 the euro, 0x96 the en dash.
    const item = (decl: string): Buffer =>
      Buffer.concat([
        Buffer.from(`${decl}<rss version="2.0"><channel><item><title>`, 'latin1'),
        Buffer.from([0x93]),
        Buffer.from('Bruxelles', 'latin1'),
        Buffer.from([0x94]),
        Buffer.from(' : 5 ', 'latin1'),
        Buffer.from([0x80, 0x20, 0x96]),
        Buffer.from(
          ' d\xe9j\xe0</title><link>https://ex.be/a</link></item></channel></rss>',
          'latin1',
        ),
      ]);
    const cases = [
      xmlText(item('<?xml version="1.0" encoding="windows-1252"?>'), opts),
      xmlText(item('<?xml version="1.0" encoding="ISO-8859-1"?>'), opts),
      xmlText(item(''), { ...opts, contentType: 'application/rss+xml; charset=windows-1252' }),
      xmlText(item('<?xml version="1.0"?>'), opts), // no charset anywhere: not UTF-8, so windows-1252
    ];
    for (const text of cases) {
      const feed = parseXmlSource(text, 'https://ex.be/rss');
      const title = feed.kind === 'feed' ? feed.urls[0]?.title : undefined;
      expect(title).toBe('“Bruxelles” : 5 € – déjà');
      expect(text).not.toMatch(/[\u0080-\u009f\ufffd]/);
    }
  });
});
