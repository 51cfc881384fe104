// Publishing over time (SimOptions.live): the bench outlet's newsroom adds one generated
// article every K seconds after the N it started with, numbered N+1, N+2, …, with a
// publication time = the moment it appeared. The bench outlet lists them in a news sitemap
// and an RSS feed as soon as they appear; `published()` is what a freshness benchmark
// measures against.
import { generatedMeta, isoBrussels, type GeneratedMeta } from '../generated/prose.js';
import type { PublishedArticle } from '../types.js';

export interface LiveItem {
  meta: GeneratedMeta;
  appearedAt: number;
}

export class LiveDesk {
  private readonly items: LiveItem[] = [];
  private readonly byNumber = new Map<number, LiveItem>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly seed: number,
    /** Articles the outlet starts with (numbered 1..base). */
    private readonly base: number,
    private readonly origin: string,
  ) {}

  /** Publishes one article now (or at `at`) and returns it. */
  publish(at: number = Date.now()): LiveItem {
    const n = this.base + this.items.length + 1;
    const item = {
      meta: { ...generatedMeta(this.seed, n), published: isoBrussels(at) },
      appearedAt: at,
    };
    this.items.push(item);
    this.byNumber.set(n, item);
    return item;
  }

  start(everySeconds: number): void {
    this.stop();
    this.timer = setInterval(() => this.publish(), Math.max(0.05, everySeconds) * 1000);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  get(n: number): LiveItem | undefined {
    return this.byNumber.get(n);
  }

  /** Newest first, at most `limit`. */
  newest(limit: number): LiveItem[] {
    return this.items.slice(-limit).reverse();
  }

  published(): PublishedArticle[] {
    return this.items.map((i) => ({
      url: this.origin + i.meta.path,
      title: i.meta.title,
      appearedAt: i.appearedAt,
    }));
  }
}
