// An event's coverage as the store has it now: its mentions with the analysts' decisions
// applied, and the summary of the relevant ones (totals, pickups, first to report). The one
// place that computes it: the summarize job, the report and `mention set` all come here.
import { wireOutletIds, type Config } from '../config/load.js';
import type { CoverageStore, MentionStore, OverrideStore } from '../store/types.js';
import { summarizeCoverage, type CoverageSummary } from '../summarize/coverage.js';
import { relevantMentions } from '../summarize/relevance.js';
import type { Mention, MentionOverride } from '../summarize/types.js';

export interface EventCoverage {
  /** Mentions an analyst has not marked "not relevant", oldest first. */
  mentions: Mention[];
  overrides: MentionOverride[];
  /** How many mentions were left out as not relevant. */
  excluded: number;
  summary: CoverageSummary;
}

export type CoverageReader = Pick<MentionStore, 'mentions'> &
  Pick<OverrideStore, 'mentionOverrides'>;

export async function eventCoverage(
  store: CoverageReader,
  config: Pick<Config, 'outlets'>,
  eventId: string,
): Promise<EventCoverage> {
  const [all, overrides] = await Promise.all([
    store.mentions(eventId),
    store.mentionOverrides(eventId),
  ]);
  const { kept, excluded } = relevantMentions(all, overrides);
  const summary = summarizeCoverage(eventId, kept, {
    wireOutlets: wireOutletIds(config),
  });
  return { mentions: kept, overrides, excluded, summary };
}

/** Computes the event's coverage and stores its summary (for readers that want it ready). */
export async function refreshCoverage(
  store: CoverageReader & Pick<CoverageStore, 'saveCoverage'>,
  config: Pick<Config, 'outlets'>,
  eventId: string,
): Promise<EventCoverage> {
  const coverage = await eventCoverage(store, config, eventId);
  await store.saveCoverage({ eventId, summary: coverage.summary });
  return coverage;
}
