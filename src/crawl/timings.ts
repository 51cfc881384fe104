// Time spent per pipeline stage in this process (for progress, logs and the benchmark).
export type Stage = 'fetch' | 'render' | 'extract' | 'store' | 'match';

export class StageTimings {
  readonly totals = new Map<Stage, { ms: number; count: number }>();
  private readonly observers: Array<(stage: Stage, ms: number) => void> = [];

  /** Calls `fn` with every timing added from now on (the runtime's metrics histograms). */
  observe(fn: (stage: Stage, ms: number) => void): void {
    this.observers.push(fn);
  }

  async time<T>(stage: Stage, fn: () => Promise<T> | T): Promise<T> {
    const start = performance.now();
    try {
      return await fn();
    } finally {
      this.add(stage, performance.now() - start);
    }
  }

  /** The same for synchronous work (no promise, no extra tick on the hot path). */
  timeSync<T>(stage: Stage, fn: () => T): T {
    const start = performance.now();
    try {
      return fn();
    } finally {
      this.add(stage, performance.now() - start);
    }
  }

  add(stage: Stage, ms: number): void {
    const t = this.totals.get(stage) ?? { ms: 0, count: 0 };
    t.ms += ms;
    t.count++;
    this.totals.set(stage, t);
    for (const fn of this.observers) fn(stage, ms);
  }

  toJSON(): Record<string, { ms: number; count: number }> {
    return Object.fromEntries(
      [...this.totals].map(([k, v]) => [k, { ms: Math.round(v.ms), count: v.count }]),
    );
  }
}
