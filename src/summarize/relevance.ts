// Analyst overrides applied to an event's mentions. Pure. A mention marked not relevant is left
// out of totals, exports and alerts; it stays in the store, so the decision can be undone.
import type { Mention, MentionOverride } from './types.js';

export function overrideMap(
  overrides: readonly MentionOverride[] = [],
): ReadonlyMap<number, MentionOverride> {
  return new Map(overrides.map((o) => [o.articleId, o]));
}

/** The mentions an analyst has not marked "not relevant", and how many were left out. */
export function relevantMentions<M extends Mention>(
  mentions: readonly M[],
  overrides: readonly MentionOverride[] = [],
): { kept: M[]; excluded: number } {
  const map = overrideMap(overrides);
  const kept = mentions.filter((m) => map.get(m.articleId)?.relevant !== false);
  return { kept, excluded: mentions.length - kept.length };
}
