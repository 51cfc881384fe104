// `mediawatch db …` as a user runs it: real processes of the built CLI against SQLite and
// PostgreSQL. Ten processes migrating one database at once apply each migration once; a
// database newer than the code is refused; `db copy` moves a store and adds nothing the
// second time.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { LATEST_VERSION, openStore } from '../../src/store/index.js';
import { articleInput, seedArticle } from '../helpers/articles.js';
import { dialects, freshDatabase } from '../helpers/databases.js';

const run = promisify(execFile);
const bin = join(import.meta.dirname, '../../bin/mediawatch.js');

async function cli(
  args: string[],
  databaseUrl: string,
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run('node', [bin, ...args], {
      env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' },
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe.each(await dialects())('mediawatch db on %s', (dialect) => {
  it('ten processes migrating at once apply each migration once', async () => {
    const db = freshDatabase(dialect);
    try {
      const runs = await Promise.all(
        Array.from({ length: 10 }, () => cli(['db', 'migrate'], db.url)),
      );
      expect(runs.map((r) => [r.code, r.stderr])).toEqual(runs.map(() => [0, '']));
      // Exactly one process applied them; the nine others found nothing to apply.
      expect(
        runs.filter((r) =>
          r.stdout.includes(
            `applied migrations ${Array.from({ length: LATEST_VERSION }, (_, i) => i + 1).join(', ')}`,
          ),
        ),
      ).toHaveLength(1);
      const status = await cli(['db', 'status'], db.url);
      expect(status.stdout).toMatch(
        new RegExp(`schema +version ${LATEST_VERSION} of ${LATEST_VERSION}, up to date`),
      );
      expect(status.stdout.match(/^ {2}applied /gm)).toHaveLength(LATEST_VERSION);
    } finally {
      await db.drop();
    }
  }, 120_000);

  it('refuses a database newer than the code, saying which versions', async () => {
    const db = freshDatabase(dialect);
    try {
      await (await openStore(db.url)).close();
      await db.exec(
        `INSERT INTO schema_migrations (version, name, applied_at) VALUES (${LATEST_VERSION + 1}, 'later', '2030-01-01')`,
      );
      const r = await cli(['db', 'migrate'], db.url);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(
        new RegExp(
          `MW_ERR_DATABASE_NEWER: .* schema version ${LATEST_VERSION + 1}, newer than this mediawatch knows \\(${LATEST_VERSION}\\)`,
        ),
      );
    } finally {
      await db.drop();
    }
  }, 60_000);
});

describe.each((await dialects()).filter((d) => d === 'postgres'))(
  'mediawatch db copy to %s',
  (dialect) => {
    it('copies articles, mentions, decisions, ledger and runs, and adds nothing the second time', async () => {
      const source = freshDatabase('sqlite');
      const target = freshDatabase(dialect);
      try {
        const from = await openStore(source.url);
        await from.upsertOutlets([
          { id: 'rtl', name: 'RTL', baseUrl: 'https://rtl.example', languages: ['fr'] },
        ]);
        await from.startRun({ id: 'r1', outletIds: ['rtl'], eventIds: [] });
        const ids: number[] = [];
        for (let i = 1; i <= 30; i++) {
          const mention = { eventId: 'ev', score: i, hits: [], sentences: [], summary: `S${i}` };
          const a = await seedArticle(
            from,
            articleInput({ url: `https://rtl.example/${i}`, title: `T${i}` }),
            i % 3 === 0 ? [] : [mention],
          );
          ids.push(a.id);
        }
        await from.overrideMention({
          eventId: 'ev',
          articleId: ids[0]!,
          patch: { relevant: false, addTags: ['x'] },
        });
        await from.recordDiscoveryError({ runId: 'r1', message: 'feed /rss: HTTP 500' });
        // The web app's records: users (their visits and audit entries), app events; sessions
        // are not copied.
        const ana = await from.addUser({ email: 'ana@ex.be', role: 'admin', passwordHash: 'h' });
        await from.createSession({
          id: 's1',
          userId: ana.id,
          csrfSecret: 'c',
          createdAt: '2024-02-01T10:00:00Z',
          lastSeenAt: '2024-02-01T10:00:00Z',
        });
        await from.recordVisit({ userId: ana.id, eventId: 'ev', at: '2024-02-01T10:00:00Z' });
        await from.audit({
          at: '2024-02-01T10:00:00Z',
          userId: ana.id,
          actor: 'ana@ex.be',
          action: 'event.save',
          target: 'event:app-ev',
          detail: { id: 'app-ev' },
        });
        await from.saveAppEvent({
          id: 'app-ev',
          definition: { id: 'app-ev' },
          actor: 'ana@ex.be',
          at: '2024-02-01T10:00:00Z',
        });
        const revision = await from.appEventsRevision();
        const mentionsBefore = await from.mentions('ev');
        await from.close();

        const first = await cli(['db', 'copy', '--from', source.url, '--to', target.url], 'unused');
        expect(first.stderr).toBe('');
        expect(first.code).toBe(0);
        expect(first.stdout).toMatch(/articles +30 in source, +30 added, +30 present/);
        expect(first.stdout).toMatch(/mentions +20 in source, +20 added, +20 present/);
        expect(first.stdout).toContain('every source row is in the target');
        const second = await cli(['db', 'copy', '--from', source.url, '--to', target.url], 'x');
        expect(second.code).toBe(0);
        expect(second.stdout).toMatch(/articles +30 in source, +0 added, +30 present/);
        expect(second.stdout).not.toMatch(/ [1-9]\d* added/);

        const to = await openStore(target.url);
        try {
          expect(await to.mentions('ev')).toEqual(mentionsBefore);
          expect(await to.mentionOverrides('ev')).toMatchObject([
            { articleId: ids[0], relevant: false, tags: ['x'] },
          ]);
          expect((await to.runCounts('r1')).discoveryErrors).toEqual(['feed /rss: HTTP 500']);
          const copied = await to.userForLogin('ana@ex.be');
          expect(copied).toMatchObject({ user: { role: 'admin' }, passwordHash: 'h' });
          expect(await to.lastVisits(copied!.user.id)).toEqual({ ev: '2024-02-01T10:00:00Z' });
          expect(await to.auditLog()).toMatchObject([
            { userId: copied!.user.id, target: 'event:app-ev' },
          ]);
          expect((await to.appEvents()).map((e) => e.definition)).toEqual([{ id: 'app-ev' }]);
          expect(await to.appEventsRevision()).toBe(revision);
          expect(await to.session('s1')).toBeNull();
          // New users and audit entries in the target continue after the copied ids.
          const bob = await to.addUser({ email: 'bob@ex.be', role: 'viewer', passwordHash: 'h' });
          expect(bob.id).toBeGreaterThan(copied!.user.id);
          await to.audit({
            at: 'x',
            userId: null,
            actor: 'cli',
            action: 'a',
            target: 't',
            detail: null,
          });
          expect((await to.auditLog()).map((e) => e.target)).toEqual(['t', 'event:app-ev']);
          // New articles in the target continue after the copied ids.
          const next = await seedArticle(to, articleInput({ url: 'https://rtl.example/new' }));
          expect(next.id).toBeGreaterThan(Math.max(...ids));
        } finally {
          await to.close();
        }
      } finally {
        await source.drop();
        await target.drop();
      }
    }, 120_000);
  },
);
