// The columns of the per-mention exports (CSV and Excel): one row per mention. The first
// fourteen are the original CSV layout; later columns are only ever appended.
import type { ArticleRow } from './model.js';

export interface Column {
  header: string;
  /** Excel column width, in characters. */
  width: number;
  value(r: ArticleRow): string | number | null;
}

export const MENTION_COLUMNS: readonly Column[] = [
  { header: 'story_original_id', width: 10, value: (r) => r.groupId },
  { header: 'story_relation', width: 12, value: (r) => r.relation },
  { header: 'article_id', width: 10, value: (r) => r.articleId },
  { header: 'outlet', width: 14, value: (r) => r.outletId },
  { header: 'language', width: 6, value: (r) => r.language },
  { header: 'published', width: 26, value: (r) => r.published },
  { header: 'title', width: 60, value: (r) => r.title },
  { header: 'url', width: 50, value: (r) => r.url },
  { header: 'authors', width: 24, value: (r) => r.authors.join('; ') },
  { header: 'access', width: 10, value: (r) => r.access },
  { header: 'wire_credit', width: 10, value: (r) => r.wireCredit },
  { header: 'score', width: 8, value: (r) => Number(r.score.toFixed(3)) },
  { header: 'summary', width: 80, value: (r) => r.summary },
  {
    header: 'hit_sentences',
    width: 80,
    value: (r) => r.hitSentences.map((s) => s.text).join(' | '),
  },
  { header: 'outlet_name', width: 20, value: (r) => r.outletName },
  { header: 'audience', width: 12, value: (r) => r.audience },
  { header: 'story_size', width: 8, value: (r) => r.groupSize },
  { header: 'tags', width: 20, value: (r) => r.tags.join('; ') },
  { header: 'tone', width: 10, value: (r) => r.tone },
];
