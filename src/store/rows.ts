// Rows to domain records: the one place that knows how a row spells a record.
import type { Selectable } from 'kysely';
import type { Lang, TextWarning } from '../extract/types.js';
import type { HitSentence, TermHit } from '../match/types.js';
import type { Article, Mention, MentionOverride, Tone } from '../summarize/types.js';
import type {
  AppEventsTable,
  ArticlesTable,
  AuditLogTable,
  MentionOverridesTable,
  MentionsTable,
  SessionsTable,
  UsersTable,
} from './schema.js';
import type {
  AppEvent,
  AuditEntry,
  MentionListRow,
  Session,
  StoredArticle,
  User,
} from './types.js';

/** The article as coverage reads it (no store bookkeeping). */
export function toDomainArticle(r: Selectable<ArticlesTable>): Article {
  return {
    id: r.id,
    url: r.url,
    outletId: r.outlet_id,
    fetchedUrl: r.fetched_url,
    fetchMode: r.fetch_mode,
    title: r.title,
    lead: r.lead,
    body: r.body,
    published: r.published,
    modified: r.modified,
    authors: JSON.parse(r.authors) as string[],
    section: r.section,
    language: r.language as Lang | null,
    image: r.image,
    siteName: r.site_name,
    access: r.access,
    wireCredit: r.wire_credit,
    textWarnings: JSON.parse(r.text_warnings) as TextWarning[],
    fetchedAt: r.fetched_at,
  };
}

export function toArticle(r: Selectable<ArticlesTable>): StoredArticle {
  return {
    ...toDomainArticle(r),
    contentHash: r.content_hash,
    previousHash: r.previous_hash,
    version: r.version,
    etag: r.etag,
    lastModified: r.last_modified,
  };
}

export type MentionRow = Selectable<ArticlesTable> &
  Pick<
    Selectable<MentionsTable>,
    'event_id' | 'score' | 'hits' | 'sentences' | 'summary' | 'matched_at'
  >;

export function toMention(r: MentionRow): Mention {
  return {
    eventId: r.event_id,
    articleId: r.id,
    score: Number(r.score),
    hits: JSON.parse(r.hits) as TermHit[],
    sentences: JSON.parse(r.sentences) as HitSentence[],
    summary: r.summary,
    matchedAt: r.matched_at,
    article: toDomainArticle(r),
  };
}

export function toOverride(r: Selectable<MentionOverridesTable>): MentionOverride {
  return {
    eventId: r.event_id,
    articleId: r.article_id,
    relevant: Number(r.relevant) === 1,
    tags: JSON.parse(r.tags) as string[],
    tone: r.tone,
    updatedAt: r.updated_at,
    note: r.note,
    reviewedBy: r.reviewed_by,
  };
}

export function toUser(r: Selectable<UsersTable>): User {
  return {
    id: r.id,
    email: r.email,
    role: r.role,
    createdAt: r.created_at,
    lastLoginAt: r.last_login_at,
    failedLogins: Number(r.failed_logins),
    lockedUntil: r.locked_until,
  };
}

export function toSession(r: Selectable<SessionsTable>): Session {
  return {
    id: r.id,
    userId: r.user_id,
    csrfSecret: r.csrf_secret,
    createdAt: r.created_at,
    lastSeenAt: r.last_seen_at,
  };
}

export function toAuditEntry(r: Selectable<AuditLogTable>): AuditEntry {
  return {
    id: r.id,
    at: r.at,
    userId: r.user_id,
    actor: r.actor,
    action: r.action,
    target: r.target,
    detail: JSON.parse(r.detail) as unknown,
  };
}

export function toAppEvent(r: Selectable<AppEventsTable>): AppEvent {
  return {
    id: r.id,
    definition: JSON.parse(r.definition) as unknown,
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedBy: r.updated_by,
    updatedAt: r.updated_at,
  };
}

/** A row of the paged mention list: the mention, its article's heading, its override if any. */
export interface MentionListRowSql {
  event_id: string;
  article_id: number;
  outlet_id: string;
  url: string;
  title: string | null;
  published: string | null;
  language: string | null;
  summary: string;
  sentences: string;
  score: number | string;
  matched_at: string;
  relevant: number | string | null;
  reviewed_at: string | null;
  tags: string | null;
  tone: Tone | null;
  note: string | null;
}

export function toMentionListRow(r: MentionListRowSql): MentionListRow {
  return {
    eventId: r.event_id,
    articleId: r.article_id,
    outletId: r.outlet_id,
    url: r.url,
    title: r.title,
    published: r.published,
    language: r.language,
    summary: r.summary,
    sentences: JSON.parse(r.sentences) as HitSentence[],
    score: Number(r.score),
    matchedAt: r.matched_at,
    relevant: r.relevant === null || Number(r.relevant) === 1,
    reviewed: r.reviewed_at !== null,
    tags: r.tags === null ? [] : (JSON.parse(r.tags) as string[]),
    tone: r.tone,
    note: r.note,
  };
}
