// Everything a report needs, read from the store and the config: the event's mentions with
// the analysts' overrides applied, a summary of the relevant ones, outlet names and audience,
// and share of voice over all configured events.
import { findEvent, wireOutletIds, type Config } from '../config/load.js';
import type { Store } from '../store/types.js';
import { summarizeCoverage } from '../summarize/coverage.js';
import type { ReportInput } from './model.js';
import { relevantMentions } from './overrides.js';
import { shareOfVoice } from './share-of-voice.js';

export async function gatherReport(
  store: Store,
  config: Config,
  eventId: string,
): Promise<ReportInput> {
  const event = findEvent(config, eventId);
  const [all, overrides, stubs] = await Promise.all([
    store.mentions(event.id),
    store.mentionOverrides(event.id),
    store.mentionStubs(),
  ]);
  const { kept, excluded } = relevantMentions(all, overrides);
  const audience: Record<string, number> = {};
  for (const o of config.outlets) if (o.audience !== undefined) audience[o.id] = o.audience;
  return {
    event,
    // Computed from the mentions as they are now, so the report never lags the store.
    summary: summarizeCoverage(event.id, kept, { wireOutlets: wireOutletIds(config) }),
    mentions: kept,
    outletNames: Object.fromEntries(config.outlets.map((o) => [o.id, o.name])),
    audience,
    overrides,
    excluded,
    shareOfVoice: shareOfVoice(event, config.events, stubs),
  };
}
