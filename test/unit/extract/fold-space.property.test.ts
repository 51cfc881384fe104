// foldSpace leaves lone plain spaces alone (no new string for most text), yet folds exactly as
// the plain definition: every run of white space, no-break and zero-width spaces included,
// becomes one space, and the ends are trimmed.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldSpace } from '../../../src/extract/dom.js';

const plainFold = (s: string): string => s.replace(/[\s\u00a0\u200b\u2009\u202f]+/g, ' ').trim();

const piece = fc.constantFrom(
  'a',
  'Liège',
  ' ',
  '  ',
  '\t',
  '\n',
  '\r\n',
  '\u00a0',
  '\u200b',
  '\u2009',
  '\u202f',
  '\u3000',
  '\ufeff',
  '\u2028',
  'x',
);

describe('foldSpace', () => {
  it('folds like the plain definition on any mix of letters and white space', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 16 }), (parts) => {
        const s = parts.join('');
        expect(foldSpace(s)).toBe(plainFold(s));
      }),
      { numRuns: 5000 },
    );
  });

  it('folds the cases that matter', () => {
    expect(foldSpace('  Un\u00a0\u00a0pont \n neuf\u200b ')).toBe('Un pont neuf');
    expect(foldSpace('a\u200bb')).toBe('a b');
    expect(foldSpace('a b c')).toBe('a b c');
    expect(foldSpace('\t')).toBe('');
  });
});
