// Hostile text in the extractor's output (src/extract/text-fields.ts): over-long fields cut,
// control and bidi characters removed, mojibake repaired or flagged.
import { describe, expect, it } from 'vitest';
import { extractFromHtml } from '../../../src/extract/index.js';
import { FIELD_LIMITS } from '../../../src/extract/text-fields.js';

// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;
const PARA = 'Le conseil communal de Vilvorde a voté le budget, après un long débat en séance. ';

function page(opts: { title?: string; h1?: string; body?: string; author?: string }): string {
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8">
<title>${opts.title ?? 'Vilvorde vote son budget'}</title>
<meta property="og:type" content="article">
${opts.author ? `<meta name="author" content="${opts.author}">` : ''}
</head><body><article><h1>${opts.h1 ?? opts.title ?? 'Vilvorde vote son budget'}</h1>
${opts.body ?? `<p>${PARA.repeat(4)}</p><p>${PARA.repeat(3)}</p>`}
</article></body></html>`;
}

describe('text fields of the extracted article', () => {
  it('cuts a title of a megabyte and a body past its limit', () => {
    const huge = 'Vilvorde '.repeat(120_000); // ~1 MB
    const a = extractFromHtml(page({ title: huge, h1: 'Vilvorde' }), 'https://x.test/a');
    expect(a.title?.length).toBeLessThanOrEqual(FIELD_LIMITS.title);
    expect(a.title?.endsWith('…')).toBe(true);
    const long = extractFromHtml(
      page({ body: `<p>${PARA.repeat(3000)}</p>`.repeat(2) }),
      'https://x.test/b',
    );
    expect(long.body?.length).toBeLessThanOrEqual(FIELD_LIMITS.body);
    expect(long.body?.length).toBeGreaterThan(FIELD_LIMITS.body - 1000);
  });

  it('removes NUL, control and bidi characters from every text field', () => {
    const dirty = 'Vil\u0000vorde\u0007 \u202Eteg\u202C budget\u0085';
    const a = extractFromHtml(
      page({
        title: dirty,
        author: 'Jan\u0000 Peeters\u2066',
        body: `<p>${PARA.repeat(3)}\u0000\u202Eevil\u202C \u0001end.</p><p>${PARA.repeat(3)}</p>`,
      }),
      'https://x.test/c',
    );
    const fields = [a.title, a.lead, a.body, ...a.authors].filter((v) => v !== null);
    expect(fields.length).toBeGreaterThan(2);
    for (const f of fields) expect(f).not.toMatch(UNSAFE);
    expect(a.title).toBe('Vilvorde teg budget');
    expect(a.body).toContain('evil end.');
    expect(a.body).toContain('\n\n'); // paragraphs kept
    expect(a.textWarnings).toEqual([]);
  });

  it('repairs mojibake and says so; flags what it cannot repair', () => {
    const moji = (s: string): string =>
      Buffer.from(s, 'utf8')
        .toString('latin1')
        .replace(
          /[\u0080-\u009f]/g,
          (c) =>
            ({
              '\u0080': '€',
              '\u0099': '™',
              '\u009c': 'œ',
              '\u0093': '“',
              '\u0094': '”',
              '\u0092': '’',
            })[c] ?? c,
        );
    const text = `<p>${PARA.repeat(4)}</p><p>L’échevin a déclaré : « c’est été voté ». ${PARA}</p>`;
    const a = extractFromHtml(
      page({ title: moji('Vilvorde a voté'), body: moji(text) }),
      'https://x.test/d',
    );
    expect(a.title).toBe('Vilvorde a voté');
    expect(a.body).toContain('L’échevin a déclaré');
    expect(a.body).not.toMatch(/Ã|â€/);
    expect(a.textWarnings).toEqual(['mojibake-repaired']);

    // "â€" whose last byte was lost: not repaired, flagged.
    const broken = extractFromHtml(
      page({ body: `<p>${PARA.repeat(4)} Il a dit â€œouiâ€ hier.</p>` }),
      'https://x.test/e',
    );
    expect(broken.textWarnings).toEqual(['mojibake']);
    expect(broken.body).toContain('â€');
  });
});
