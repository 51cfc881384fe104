import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compileQuery,
  formatQuery,
  matchDocument,
  parseQuery,
  QueryError,
  splitSentences,
  type QueryNode,
} from '../../../src/match/index.js';
import type { MatchDocument, MatchField } from '../../../src/match/types.js';

const FIELDS: MatchField[] = ['title', 'lead', 'body', 'url', 'outlet', 'lang', 'author'];

const letter = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzéèçöëïABCZÉ0123456789'.split(''));
const plainWord = fc
  .array(letter, { minLength: 1, maxLength: 8 })
  .map((cs) => cs.join(''))
  .filter((w) => !['AND', 'OR', 'NOT'].includes(w) && !/^O?NEAR/.test(w));
const word = fc.oneof(
  { weight: 6, arbitrary: plainWord },
  { weight: 1, arbitrary: fc.tuple(plainWord, plainWord).map(([a, b]) => `${a}-${b}`) },
  { weight: 1, arbitrary: plainWord.map((w) => `l'${w}`) },
  { weight: 1, arbitrary: plainWord.map((w) => `abc${w}*`) },
  { weight: 1, arbitrary: plainWord.map((w) => `wom?${w}`) },
);
const phraseText = fc
  .array(fc.oneof(plainWord, fc.constantFrom(',', '.', "d'", '–')), { minLength: 1, maxLength: 4 })
  .map((ws) => ws.join(' '))
  .filter((s) => /[\p{L}\p{N}]/u.test(s.replace(/d'/g, '')));

/** Query trees the parser can produce: NEAR operands are span nodes, a field inside a field is
 * the same field, AND/OR have two or more children. */
const cache = new Map<string, fc.Arbitrary<QueryNode>>();
function tree(depth: number, field: MatchField | null, spanOnly: boolean): fc.Arbitrary<QueryNode> {
  const key = `${depth}/${field}/${spanOnly}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const leaves: Array<fc.Arbitrary<QueryNode>> = [
    fc.record({ kind: fc.constant('term' as const), text: word, caseSensitive: fc.boolean() }),
    fc.record({
      kind: fc.constant('phrase' as const),
      text: phraseText,
      caseSensitive: fc.boolean(),
    }),
  ];
  if (depth === 0) {
    const arb = fc.oneof(...leaves);
    cache.set(key, arb);
    return arb;
  }
  const sub = (s: boolean): fc.Arbitrary<QueryNode> => tree(depth - 1, field, s);
  const fieldNode = (s: boolean): fc.Arbitrary<QueryNode> =>
    fc
      .constantFrom(...(field ? [field] : FIELDS))
      .chain((f) =>
        tree(depth - 1, f, s).map((child): QueryNode => ({ kind: 'field', field: f, child })),
      );
  const near: fc.Arbitrary<QueryNode> = fc.record({
    kind: fc.constant('near' as const),
    left: sub(true),
    right: sub(true),
    distance: fc.integer({ min: 0, max: 100 }),
    ordered: fc.boolean(),
  });
  const or: fc.Arbitrary<QueryNode> = fc.record({
    kind: fc.constant('or' as const),
    children: fc.array(sub(spanOnly), { minLength: 2, maxLength: 3 }),
  });
  const composite: Array<fc.Arbitrary<QueryNode>> = [near, or, fieldNode(spanOnly)];
  if (!spanOnly) {
    composite.push(
      fc.record({
        kind: fc.constant('and' as const),
        children: fc.array(sub(false), { minLength: 2, maxLength: 3 }),
      }),
      fc.record({ kind: fc.constant('not' as const), child: sub(false) }),
    );
  }
  const arb = fc.oneof({ weight: 2, arbitrary: fc.oneof(...leaves) }, ...composite);
  cache.set(key, arb);
  return arb;
}

describe('formatQuery / parseQuery round trip', () => {
  it('parses the printed text of any tree back to the same tree', () => {
    fc.assert(
      fc.property(tree(4, null, false), (node) => {
        expect(parseQuery(formatQuery(node))).toEqual(node);
      }),
      { numRuns: 500 },
    );
  });

  it('prints what it parsed from any text to a fixed point, or throws a QueryError', () => {
    const alphabet = fc.constantFrom(
      ...'ab cé()"-*?:@/NEARORANDTtitle:cs( url:'.split(''),
      'AND',
      'OR',
      'NOT',
      'NEAR/2',
      'title:',
      'cs(',
      '@x',
      ' ',
    );
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        let node: QueryNode;
        try {
          node = parseQuery(text, { aliases: { x: 'a OR b' } });
        } catch (err) {
          expect(err).toBeInstanceOf(QueryError);
          return;
        }
        expect(parseQuery(formatQuery(node))).toEqual(node);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('matchDocument never throws', () => {
  const queries = [
    'Rajavi OR cs(NCRI) OR "résistance iranienne"',
    'mayor* NEAR/3 (160 OR 165)',
    '(a OR b) ONEAR/0 "c d" AND NOT e',
    'title:(x OR wom?n) OR url:https://a.b/c OR author:"J Smith" OR lang:fr OR outlet:belga',
    "l'opposition OR ten-point OR cs(abc*) OR aujourd'hui",
  ].map((q) => compileQuery(q));
  const text = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc.string({ unit: 'grapheme', maxLength: 200 }),
    fc
      .array(
        fc.constantFrom(
          'a',
          'b',
          'c d',
          'mayor',
          '160',
          'NCRI',
          '. ',
          '\n\n',
          "l'",
          '-',
          '’s',
          ' ',
        ),
        { maxLength: 60 },
      )
      .map((xs) => xs.join('')),
  );
  const doc: fc.Arbitrary<MatchDocument> = fc.record({
    title: text,
    lead: text,
    body: text,
    url: text,
    outlet: text,
    lang: text,
    authors: fc.array(text, { maxLength: 3 }),
  });

  it('returns null or a result whose offsets lie inside the field texts', () => {
    fc.assert(
      fc.property(doc, (d) => {
        for (const q of queries) {
          const r = matchDocument(q, d);
          if (r === null) continue;
          expect(r.score).toBeGreaterThanOrEqual(0);
          expect(r.score).toBeLessThanOrEqual(1);
          for (const h of r.hits) {
            const fieldText = h.field === 'author' ? d.authors.join('\n\n') : d[h.field];
            expect(h.start).toBeGreaterThanOrEqual(0);
            expect(h.end).toBeLessThanOrEqual(fieldText.length);
            expect(h.start).toBeLessThan(h.end);
          }
          for (const s of r.sentences) {
            expect(d[s.field as 'title' | 'lead' | 'body'].slice(s.start, s.end)).toBe(s.text);
            for (const [a, b] of s.marks) {
              expect(0 <= a && a < b && b <= s.text.length).toBe(true);
            }
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('splits any text into ordered, non-overlapping, trimmed sentences', () => {
    fc.assert(
      fc.property(text, (s) => {
        let last = 0;
        for (const r of splitSentences(s)) {
          expect(r.start).toBeGreaterThanOrEqual(last);
          expect(r.end).toBeGreaterThan(r.start);
          expect(s.slice(r.start, r.end)).toBe(s.slice(r.start, r.end).trim());
          last = r.end;
        }
      }),
      { numRuns: 300 },
    );
  });
});
