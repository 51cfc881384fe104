// Analyst overrides on SQLite: one row per (event, article), written only by analysts (the
// crawler's mention upserts never touch it). Used by ./sqlite-store.ts.
import type Database from 'better-sqlite3';
import type { MentionOverride, MentionStub, Tone } from '../summarize/types.js';
import type { OverridePatch } from './types.js';

type Row = Record<string, unknown>;

function toOverride(r: Row): MentionOverride {
  return {
    eventId: r.event_id as string,
    articleId: r.article_id as number,
    relevant: r.relevant === 1,
    tags: JSON.parse(r.tags as string) as string[],
    tone: r.tone as Tone | null,
    updatedAt: r.updated_at as string,
  };
}

export function overrideMention(
  db: Database.Database,
  eventId: string,
  articleId: number,
  patch: OverridePatch,
  ts: string,
): MentionOverride | null {
  return db.transaction(() => {
    const exists = db
      .prepare('SELECT 1 FROM mentions WHERE event_id = ? AND article_id = ?')
      .get(eventId, articleId);
    if (!exists) return null;
    const row = db
      .prepare('SELECT * FROM mention_overrides WHERE event_id = ? AND article_id = ?')
      .get(eventId, articleId) as Row | undefined;
    const before = row ? toOverride(row) : null;
    const tags = new Set(before?.tags ?? []);
    for (const t of patch.addTags ?? []) tags.add(t);
    for (const t of patch.removeTags ?? []) tags.delete(t);
    const next = {
      relevant: patch.relevant ?? before?.relevant ?? true,
      tags: [...tags].sort(),
      tone: patch.tone === undefined ? (before?.tone ?? null) : patch.tone,
    };
    db.prepare(
      `INSERT INTO mention_overrides (event_id, article_id, relevant, tags, tone, updated_at)
       VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT(event_id, article_id) DO UPDATE SET relevant = excluded.relevant,
         tags = excluded.tags, tone = excluded.tone, updated_at = excluded.updated_at`,
    ).run(eventId, articleId, next.relevant ? 1 : 0, JSON.stringify(next.tags), next.tone, ts);
    return { eventId, articleId, ...next, updatedAt: ts };
  })();
}

export function mentionOverrides(db: Database.Database, eventId: string): MentionOverride[] {
  const rows = db
    .prepare('SELECT * FROM mention_overrides WHERE event_id = ? ORDER BY article_id')
    .all(eventId) as Row[];
  return rows.map(toOverride);
}

export function mentionStubs(db: Database.Database): MentionStub[] {
  const rows = db
    .prepare(
      `SELECT m.event_id, m.article_id, a.published, COALESCE(o.relevant, 1) AS relevant
       FROM mentions m JOIN articles a ON a.id = m.article_id
       LEFT JOIN mention_overrides o ON o.event_id = m.event_id AND o.article_id = m.article_id
       ORDER BY m.event_id, m.article_id`,
    )
    .all() as Row[];
  return rows.map((r) => ({
    eventId: r.event_id as string,
    articleId: r.article_id as number,
    published: r.published as string | null,
    relevant: r.relevant === 1,
  }));
}
