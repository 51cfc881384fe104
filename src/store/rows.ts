// Rows to domain records: the one place that knows how a row spells a record.
import type { Selectable } from 'kysely';
import type { Lang, TextWarning } from '../extract/types.js';
import type { HitSentence, TermHit } from '../match/types.js';
import type { Article, Mention, MentionOverride } from '../summarize/types.js';
import type { ArticlesTable, MentionOverridesTable, MentionsTable } from './schema.js';
import type { StoredArticle } from './types.js';

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
  };
}
