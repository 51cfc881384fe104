// Everything a report needs, read from the store and the config: the event's coverage (its
// relevant mentions and their summary, src/coverage), outlet names and audience, and share of
// voice over all configured events. With a filter (the dashboard's: ./filter.ts), the coverage
// is that of the mentions the filter keeps.
import { findEvent, wireOutletIds, type Config } from '../config/load.js';
import type { EventConfig } from '../config/schema.js';
import {
  eventCoverage,
  type CoverageReader,
  type EventCoverage,
} from '../coverage/event-coverage.js';
import type { MentionFilter, MentionStore } from '../store/types.js';
import { restrictSummary, summarizeCoverage, type CoverageSummary } from '../summarize/coverage.js';
import { relevantMentions } from '../summarize/relevance.js';
import { describeFilter, filterMentions, isEmptyFilter } from './filter.js';
import type { ReportInput } from './model.js';
import { shareOfVoice } from './share-of-voice.js';

/**
 * The coverage of the mentions `filter` keeps. The filter goes first, over every mention with
 * the overrides, and the analysts' relevance after it:
 * - relevance first would have removed the not-relevant mentions before a 'not-relevant' state
 *   filter could pick them, and the report would always be empty; so for that state the
 *   filtered mentions are the report (relevance is not applied, and `notRelevantShown` tells
 *   buildReport to keep them);
 * - for any other filter, relevance then leaves out the not-relevant mentions among the kept
 *   ones ('reviewed' can hold some), counted in `excluded` as an unfiltered report counts them:
 *   "left out as not relevant" then describes the filtered set too.
 * The summary (totals, first to report, pickups, quotations) is computed over what is left, as
 * eventCoverage computes it for the whole event.
 */
async function filteredCoverage(
  store: CoverageReader,
  config: Config,
  eventId: string,
  filter: MentionFilter,
  grouped: CoverageSummary | undefined,
  rows = true,
): Promise<EventCoverage> {
  const [all, overrides] = await Promise.all([
    // With the stored summary nothing reads a body (its groups and quotations are kept as they are).
    store.mentions(eventId, grouped ? { bodies: false, matches: rows, filter } : {}),
    store.mentionOverrides(eventId),
  ]);
  const picked = filterMentions(all, overrides, filter);
  const { kept, excluded } =
    filter.state === 'not-relevant'
      ? { kept: picked, excluded: 0 }
      : relevantMentions(picked, overrides);
  const summary = grouped
    ? restrictSummary(grouped, kept)
    : summarizeCoverage(eventId, kept, { wireOutlets: wireOutletIds(config) });
  return { mentions: kept, overrides, excluded, summary };
}

export interface GatherOptions {
  /**
   * The event's full summary as the store keeps it (CoverageStore.coverage): its story groups
   * and quotations are kept to the report's mentions instead of grouped again
   * (restrictSummary). For views that must answer at once (the web dashboard); the CLI and
   * exports compute afresh.
   */
  grouped?: CoverageSummary;
  /**
   * false: the caller shows no article rows (the dashboard pages its list from the store), so
   * with `grouped` the mentions are read without hits, hit sentences and summaries.
   */
  rows?: boolean;
}

/** A plain date `shift` days from the date of `iso`. */
function dayOf(iso: string, shift: number): string {
  const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + shift);
  return d.toISOString().slice(0, 10);
}

/**
 * Share of voice over the event's window without reading every mention of every event: the
 * heart of the window (two days in from each end, inside whatever the stored dates' offsets)
 * is counted per event in SQL; only the edges (a day beyond each end, where Brussels days and
 * offsets decide) and undated articles are read mention by mention for inWindow to decide.
 */
async function voiceOfWindow(
  store: Pick<MentionStore, 'mentionStubs' | 'relevantMentionCounts'>,
  event: EventConfig,
  events: readonly EventConfig[],
) {
  const { from, to } = event.window;
  const heartFrom = dayOf(from, 2);
  const heartTo = to ? dayOf(to, -1) : undefined;
  if (heartTo !== undefined && heartTo <= heartFrom) {
    const stubs = await store.mentionStubs({ from: dayOf(from, -1), to: dayOf(to!, 2) });
    return shareOfVoice(event, events, stubs);
  }
  const [inside, low, high] = await Promise.all([
    store.relevantMentionCounts({ from: heartFrom, ...(heartTo ? { to: heartTo } : {}) }),
    store.mentionStubs({ from: dayOf(from, -1), to: heartFrom }),
    heartTo
      ? store.mentionStubs({ from: heartTo, to: dayOf(to!, 2), undated: false })
      : Promise.resolve([]),
  ]);
  return shareOfVoice(event, events, [...low, ...high], inside);
}

export async function gatherReport(
  store: CoverageReader & Pick<MentionStore, 'mentionStubs' | 'relevantMentionCounts'>,
  config: Config,
  eventId: string,
  filter?: MentionFilter,
  opts: GatherOptions = {},
): Promise<ReportInput> {
  const event = findEvent(config, eventId);
  const filtered = filter !== undefined && !isEmptyFilter(filter);
  // Computed from the mentions as they are now, so the report never lags the store.
  const [coverage, voice] = await Promise.all([
    filtered || opts.grouped
      ? filteredCoverage(store, config, event.id, filter ?? {}, opts.grouped, opts.rows)
      : eventCoverage(store, config, event.id),
    voiceOfWindow(store, event, config.events),
  ]);
  const audience: Record<string, number> = {};
  for (const o of config.outlets) if (o.audience !== undefined) audience[o.id] = o.audience;
  return {
    event,
    summary: coverage.summary,
    mentions: coverage.mentions,
    outletNames: Object.fromEntries(config.outlets.map((o) => [o.id, o.name])),
    audience,
    overrides: coverage.overrides,
    excluded: coverage.excluded,
    // Share of voice compares the event with the others over its window: it is not filtered
    // (the other events' mentions carry no outlet, language or review state here).
    shareOfVoice: voice,
    ...(filtered
      ? { filterNote: describeFilter(filter), notRelevantShown: filter.state === 'not-relevant' }
      : {}),
  };
}
