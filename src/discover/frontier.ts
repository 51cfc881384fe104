// The listing pages of one discovery run (home, sections, pagination) in breadth-first order,
// with the run's limits: pages fetched, depth, URL length, repeated path segments and query
// variants of one path. What a limit drops is counted in the BudgetLog. No I/O: the caller
// fetches what `next` hands out and `add`s the section links it finds.
import { urlKey } from '../url/canonical.js';
import { urlTrap, type TrapLimits } from '../url/traps.js';
import type { BudgetLog } from './budget.js';

export interface FrontierLimits extends TrapLimits {
  maxPages: number;
  maxDepth: number;
  maxQueryVariants: number;
}

export interface FrontierPage {
  url: string;
  depth: number;
}

export class PageFrontier {
  private readonly queue: FrontierPage[] = [];
  private head = 0;
  private fetched = 0;
  private readonly seen = new Set<string>();
  private readonly variants = new Map<string, number>();

  constructor(
    private readonly limits: FrontierLimits,
    private readonly budget: BudgetLog,
  ) {}

  /** Queues a listing page unless it was seen, looks like a trap or is beyond a limit. */
  add(url: string, depth: number): void {
    const key = urlKey(url);
    if (key === null || this.seen.has(key)) return;
    this.seen.add(key);
    const trap = urlTrap(url, this.limits);
    if (trap === 'url-length') return this.budget.hit(trap, this.limits.maxUrlLength, url);
    if (trap) return this.budget.hit(trap, this.limits.maxSegmentRepeats, url);
    if (depth > this.limits.maxDepth) return this.budget.hit('depth', this.limits.maxDepth, url);
    const k = new URL(key);
    if (k.search !== '') {
      const path = k.origin + k.pathname;
      const n = (this.variants.get(path) ?? 0) + 1;
      if (n > this.limits.maxQueryVariants) {
        return this.budget.hit('query-variants', this.limits.maxQueryVariants, url);
      }
      this.variants.set(path, n);
    }
    this.queue.push({ url, depth });
  }

  /** The next page to fetch, or undefined when none is left or the page budget is spent. */
  next(): FrontierPage | undefined {
    if (this.head >= this.queue.length) return undefined;
    if (this.fetched >= this.limits.maxPages) {
      const left = this.queue.length - this.head;
      this.budget.hit('pages', this.limits.maxPages, this.queue[this.head]!.url, left);
      this.head = this.queue.length;
      return undefined;
    }
    this.fetched++;
    return this.queue[this.head++];
  }
}
