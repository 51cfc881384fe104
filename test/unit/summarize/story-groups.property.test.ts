import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupCoverage, type CoverageItem } from '../../../src/summarize/story-groups.js';
import { ALL } from './story-fixtures.js';

const bodies = ALL.map((x) => x.body);
const paragraphs = bodies.flatMap((b) => b?.split('\n\n') ?? []);

/** Bodies that are fixtures, cut or stitched fixtures, random words, or missing. */
const body = fc.oneof(
  fc.constantFrom(...bodies),
  fc.subarray(paragraphs, { minLength: 1, maxLength: 4 }).map((ps) => ps.join('\n\n')),
  fc
    .array(fc.constantFrom('Vilvoorde', '142', 'la', 'de', 'charte', 'Karimi', 'the', 'euro'), {
      maxLength: 40,
    })
    .map((ws) => ws.join(' ')),
  fc.constant(null),
);

const item = (id: number): fc.Arbitrary<CoverageItem> =>
  fc.record({
    id: fc.constant(id),
    outletId: fc.constantFrom('belga', 'rtl', 'lalibre', 'vrt', 'brusselstimes'),
    url: fc.constant(`https://example.test/${id}`),
    language: fc.constantFrom('fr', 'nl', 'en', null),
    title: fc.option(fc.constantFrom('Une charte', 'Een charter', 'A charter'), { nil: null }),
    body,
    published: fc.option(
      fc
        .integer({ min: 0, max: 72 })
        .map((h) => new Date(Date.UTC(2024, 2, 7, h, 0, 0)).toISOString()),
      { nil: null },
    ),
    wireCredit: fc.option(fc.constant('Belga'), { nil: null }),
    isWire: fc.boolean(),
  });

const items = fc
  .uniqueArray(fc.integer({ min: 1, max: 10_000 }), { maxLength: 25 })
  .chain((ids) => fc.tuple(...ids.map(item)));

const shuffled = items.chain((list) =>
  fc.tuple(
    fc.constant(list),
    fc.shuffledSubarray(list, { minLength: list.length, maxLength: list.length }),
  ),
);

describe('groupCoverage properties', () => {
  it('puts every item in exactly one group, whatever the input', () => {
    fc.assert(
      fc.property(items, (list) => {
        const groups = groupCoverage(list);
        const ids = groups.flatMap((g) => g.members.map((m) => m.id));
        expect([...ids].sort((a, b) => a - b)).toEqual(list.map((x) => x.id).sort((a, b) => a - b));
        for (const g of groups) {
          expect(g.members[0]).toMatchObject({ id: g.originalId, relation: 'original' });
          expect(g.members.filter((m) => m.relation === 'original')).toHaveLength(1);
          for (const m of g.members.slice(1)) {
            expect(g.members.some((o) => o.id === m.via)).toBe(true);
            expect(m.similarity).toBeGreaterThan(0);
            expect(m.similarity).toBeLessThanOrEqual(1);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('gives the same groups whatever the order of the input', () => {
    fc.assert(
      fc.property(shuffled, ([list, reordered]) => {
        expect(groupCoverage(reordered)).toEqual(groupCoverage(list));
      }),
      { numRuns: 150 },
    );
  });
});
