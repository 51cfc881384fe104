// Everything a report needs, read from the store and the config: the event's coverage (its
// relevant mentions and their summary, src/coverage), outlet names and audience, and share of
// voice over all configured events.
import { findEvent, type Config } from '../config/load.js';
import { eventCoverage, type CoverageReader } from '../coverage/event-coverage.js';
import type { MentionStore } from '../store/types.js';
import type { ReportInput } from './model.js';
import { shareOfVoice } from './share-of-voice.js';

export async function gatherReport(
  store: CoverageReader & Pick<MentionStore, 'mentionStubs'>,
  config: Config,
  eventId: string,
): Promise<ReportInput> {
  const event = findEvent(config, eventId);
  // Computed from the mentions as they are now, so the report never lags the store.
  const [coverage, stubs] = await Promise.all([
    eventCoverage(store, config, event.id),
    store.mentionStubs(),
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
    shareOfVoice: shareOfVoice(event, config.events, stubs),
  };
}
