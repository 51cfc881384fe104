// An analyst's decision about mentions of an event (not relevant, tags, tone, note): the one
// path for `mediawatch mention set` and the web app's review queue. The decision goes to the
// override table, which the crawler never writes, so it survives recrawls; when relevance
// changes, the event's stored coverage summary is refreshed once, after every mention.
import type { Config } from '../config/load.js';
import type { CoverageStore, OverridePatch, OverrideStore } from '../store/types.js';
import type { MentionOverride } from '../summarize/types.js';
import { refreshCoverage, type CoverageReader } from './event-coverage.js';

export type ReviewStore = CoverageReader &
  Pick<CoverageStore, 'saveCoverage'> &
  Pick<OverrideStore, 'overrideMention'>;

/**
 * Applies the same patch to each of the event's mentions of `articleIds`, in order. Returns one
 * entry per article id: the override as it now stands, or null when the event has no mention of
 * that article (nothing written for it).
 */
export async function reviewMentions(
  store: ReviewStore,
  config: Pick<Config, 'outlets'>,
  change: { eventId: string; articleIds: readonly number[]; patch: OverridePatch },
): Promise<Array<{ articleId: number; override: MentionOverride | null }>> {
  const { eventId, patch } = change;
  const results: Array<{ articleId: number; override: MentionOverride | null }> = [];
  for (const articleId of change.articleIds)
    results.push({
      articleId,
      override: await store.overrideMention({ eventId, articleId, patch }),
    });
  // Relevance changes the event's totals: its stored summary follows at once.
  if (patch.relevant !== undefined && results.some((r) => r.override !== null))
    await refreshCoverage(store, config, eventId);
  return results;
}
