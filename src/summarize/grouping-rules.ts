// The grouping rule's thresholds and the link type shared by the two kinds of link. The rule,
// in short: two articles are one story when they share exact wording (./text-links.ts), or when
// both are tied to the same wire agency and carry the same numbers and names in different
// languages within a few hours (./evidence-links.ts). A reporter's own rewrite shares the facts
// but neither the wording nor a wire credit, so it stays apart. Measured values: docs/summaries.md.

export interface GroupingOptions {
  /** Most hours between two versions of a dispatch in different languages. */
  windowHours: number;
  /** Text: share of the shorter article's 5-word shingles found in the other (pickups measured
   * 0.99–1.0, a reporter's rewrite of the same facts 0.01–0.19). */
  minContainment: number;
  /** Text: fewest shared shingles, so that two short texts need more than a stock phrase. */
  minSharedShingles: number;
  /** Evidence: (shared names + shared number weight) / the smaller side's total, 0..1
   * (translations measured 0.58–0.85). */
  minEvidenceScore: number;
  /** Evidence: fewest proper names in common (translations 6–13, same-day other stories 0–4). */
  minSharedNames: number;
  /** Evidence: least number weight in common (a number is 1; days, years and counts up to 31
   * are 0.5; a date such as 5 January is 1). Other stories of the same day measured 0–0.5. */
  minSharedNumbers: number;
  /** Evidence: least names plus number weight in common (translations 10.5–15.5). */
  minSharedEvidence: number;
}

export const DEFAULT_GROUPING: Readonly<GroupingOptions> = Object.freeze({
  windowHours: 12,
  minContainment: 0.5,
  minSharedShingles: 10,
  minEvidenceScore: 0.5,
  minSharedNames: 3,
  minSharedNumbers: 1,
  minSharedEvidence: 6,
});

export interface Link {
  /** Canonical positions, a < b. */
  a: number;
  b: number;
  basis: 'text' | 'evidence';
  /** Text: share of the shorter article's shingles found in the other. Evidence: score. */
  similarity: number;
  /** Text: Jaccard similarity of the shingle sets. Evidence: the score again. */
  jaccard: number;
}
