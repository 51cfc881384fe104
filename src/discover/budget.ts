// What a discovery run left out because a limit said so: one record per limit, with how much
// was dropped and one example URL, so that a run that hit a budget says which and where.

export type BudgetLimit =
  /** Listing pages fetched per run (outlet discovery.maxPages). */
  | 'pages'
  /** Link hops from a configured page (discovery.maxDepth). */
  | 'depth'
  /** discovery.maxUrlLength. */
  | 'url-length'
  /** discovery.maxSegmentRepeats: /a/archive/archive/archive/. */
  | 'repeated-segments'
  /** discovery.maxQueryVariants: /calendar?month=… one month after another. */
  | 'query-variants'
  /** Candidate URLs per run (discovery.maxUrls). */
  | 'candidates'
  /** Child sitemaps followed from sitemap indexes per run. */
  | 'sitemaps'
  /** Search result pages per run (discovery.search.maxPages). */
  | 'search-pages';

export interface BudgetHit {
  limit: BudgetLimit;
  /** The limit's value. */
  max: number;
  /** URLs (or search terms) left out because of it. */
  dropped: number;
  /** The first URL left out. */
  example: string;
}

export class BudgetLog {
  private readonly hits = new Map<BudgetLimit, BudgetHit>();

  hit(limit: BudgetLimit, max: number, example: string, dropped = 1): void {
    const h = this.hits.get(limit);
    if (h) h.dropped += dropped;
    else this.hits.set(limit, { limit, max, dropped, example });
  }

  list(): BudgetHit[] {
    return [...this.hits.values()].map((h) => ({ ...h }));
  }
}

/** One line per run for logs and the crawl summary: "pages 20 (7 left, e.g. https://…)". */
export function describeBudgetHits(hits: readonly BudgetHit[]): string {
  return hits
    .map((h) => `${h.limit} ${h.max} (${h.dropped} left out, e.g. ${h.example})`)
    .join('; ');
}
