// Each outlet's discovery interval adapts to how often it yields new articles (as Media Cloud
// does for feeds): a run that found new URLs halves the interval, a run that found none makes
// it 1.5 times longer, always within the configured bounds. Pure.
export interface IntervalBounds {
  minMs: number;
  maxMs: number;
}

export function nextInterval(currentMs: number, newUrls: number, bounds: IntervalBounds): number {
  const next = newUrls > 0 ? currentMs / 2 : currentMs * 1.5;
  return Math.round(Math.min(bounds.maxMs, Math.max(bounds.minMs, next)));
}
