// After rendering: labels left without what they introduced. A heading whose section was
// dropped (a "Related" list, the comments, a newsletter box) heads nothing; neither does a short
// "More news:" right before a block dropped as furniture.

/** A label that introduces what follows ("More games news:", "Lees ook:"). */
const LABEL_MAX = 60;

/**
 * The paragraphs without headings that head nothing (at the end of the body, or followed by a
 * heading of the same or a higher rank) and without short labels ending with a colon right
 * before a block dropped as furniture. `headings` maps paragraph indexes to heading ranks;
 * `cuts` holds the indexes of paragraphs after which a block was dropped.
 */
export function withoutOrphans(
  paragraphs: string[],
  headings: ReadonlyMap<number, number>,
  cuts: ReadonlySet<number>,
): string[] {
  if (headings.size === 0 && cuts.size === 0) return paragraphs;
  const keep = paragraphs.map(() => true);
  // Rank of what follows: 0 for nothing, 7 for text (anything heads text).
  let next = 0;
  for (let i = paragraphs.length - 1; i >= 0; i--) {
    const rank = headings.get(i);
    const p = paragraphs[i] ?? '';
    if (cuts.has(i) && p.length <= LABEL_MAX && p.endsWith(':')) keep[i] = false;
    else if (rank === undefined) next = 7;
    else if (next <= rank) keep[i] = false;
    else next = rank;
  }
  return paragraphs.filter((_, i) => keep[i]);
}
