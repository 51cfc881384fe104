// Share of voice counted the fast way (the heart of a window in SQL, its edges and undated
// articles mention by mention: src/report/gather.ts) must equal share of voice over every
// mention (src/report/share-of-voice.ts), on both databases, for articles on either side of
// each edge in several offsets, not-relevant mentions and undated ones.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Config } from '../../../src/config/load.js';
import type { EventConfig } from '../../../src/config/schema.js';
import { gatherReport } from '../../../src/report/gather.js';
import { shareOfVoice } from '../../../src/report/share-of-voice.js';
import { openStore, type SqlStore } from '../../../src/store/index.js';
import { articleInput, seedArticle } from '../../helpers/articles.js';
import { dialects, freshDatabase, type TestDatabase } from '../../helpers/databases.js';

const event = (id: string, from: string, to?: string): EventConfig =>
  ({
    id,
    name: id,
    window: to ? { from, to } : { from },
    query: 'x',
    aliases: {},
    search: [],
  }) as EventConfig;

// Around each edge of 2024-03-10 .. 2024-03-20 (Brussels days), in several offsets.
const PUBLISHED = [
  '2024-03-08T12:00:00+01:00',
  '2024-03-09T23:30:00Z', // 00:30 on the 10th in Brussels: inside
  '2024-03-09T22:59:00Z', // 23:59 on the 9th in Brussels: outside
  '2024-03-10T00:10:00+01:00',
  '2024-03-11T08:00:00-05:00',
  '2024-03-12T10:00:00+01:00',
  '2024-03-15T10:00:00+01:00',
  '2024-03-19T23:00:00+01:00',
  '2024-03-20T22:30:00Z', // 23:30 on the 20th in Brussels: inside
  '2024-03-20T23:30:00Z', // 00:30 on the 21st in Brussels: outside
  '2024-03-21T01:00:00+09:00', // the 20th, 17:00 in Brussels: inside
  '2024-03-22T12:00:00+01:00',
  null,
];

describe.each(await dialects())('share of voice on %s', (dialect) => {
  let db: TestDatabase;
  let store: SqlStore;
  beforeEach(async () => {
    db = freshDatabase(dialect);
    store = await openStore(db.url);
    await store.upsertOutlets([
      { id: 'ex', name: 'Ex', baseUrl: 'https://ex.be', languages: ['en'] },
    ]);
    for (const [n, published] of PUBLISHED.entries())
      for (const eventId of ['a', 'b', 'c']) {
        // Every event has every date; b misses some, c has some marked not relevant.
        if (eventId === 'b' && n % 3 === 0) continue;
        const { id } = await seedArticle(
          store,
          articleInput({ url: `https://ex.be/${eventId}/${n}`, outletId: 'ex', published }),
          [{ eventId, score: 1, hits: [], sentences: [], summary: 's' }],
        );
        if (eventId === 'c' && n % 4 === 1)
          await store.overrideMention({ eventId, articleId: id, patch: { relevant: false } });
      }
  });
  afterEach(async () => {
    await store.close();
    await db.drop();
  });

  it('equals the count over every mention, for long, short and open windows', async () => {
    const windows: Array<[string, string | undefined]> = [
      ['2024-03-10', '2024-03-20'],
      ['2024-03-10', '2024-03-12'],
      ['2024-03-20', '2024-03-20'],
      ['2024-03-10', undefined],
      ['2024-03-10T12:00:00+01:00', '2024-03-20T06:00:00+01:00'],
    ];
    for (const [from, to] of windows) {
      const events = ['a', 'b', 'c'].map((id) => event(id, from, to));
      const config = { events, outlets: [], aliases: {} } as unknown as Config;
      const fast = (await gatherReport(store, config, 'a')).shareOfVoice;
      const slow = shareOfVoice(events[0]!, events, await store.mentionStubs());
      expect(fast, `${from} .. ${to ?? 'open'}`).toEqual(slow);
      expect(
        slow.find((r) => r.eventId === 'a')?.articles,
        `${from} .. ${to ?? 'open'}`,
      ).toBeGreaterThan(0);
      // In the long window the three events' counts differ (b misses dates, c has decisions).
      if (to === '2024-03-20' && from === '2024-03-10')
        expect(new Set(slow.map((r) => r.articles)).size).toBe(3);
    }
  });
});
