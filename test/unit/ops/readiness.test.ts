// /readyz's verdict (app/services/ops-server.ts, readiness): every check at once, each with its
// own deadline; what failed is named. No server here: the endpoint is tested in
// test/integration/metrics.test.ts.
import { describe, expect, it } from 'vitest';
import { readiness } from '../../../app/services/ops-server.js';

describe('readiness', () => {
  it('is ready when every check answers', async () => {
    const r = await readiness({ redis: async () => 'PONG', database: async () => undefined }, 500);
    expect(r.ready).toBe(true);
    expect(r.failed).toEqual([]);
    expect(r.checks.redis?.ok).toBe(true);
  });

  it('names the checks that failed or did not answer in time, with why', async () => {
    const r = await readiness(
      {
        redis: () => new Promise(() => undefined),
        database: () => Promise.reject(new Error('database is closed at postgres://u:secret@db/x')),
        other: async () => 1,
      },
      50,
    );
    expect(r.ready).toBe(false);
    expect(r.failed.sort()).toEqual(['database', 'redis']);
    expect(r.checks.redis).toMatchObject({ ok: false, error: 'no answer within 50 ms' });
    const db = r.checks.database;
    expect(db?.ok).toBe(false);
    expect(db && !db.ok ? db.error : '').not.toContain('secret');
  });

  it('counts a check that throws at once as failed', async () => {
    const r = await readiness(
      {
        redis: () => {
          throw new Error('Connection is closed.');
        },
      },
      50,
    );
    expect(r).toMatchObject({ ready: false, failed: ['redis'] });
  });
});
