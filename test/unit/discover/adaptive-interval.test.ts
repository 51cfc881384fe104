import { describe, expect, it } from 'vitest';
import { nextInterval } from '../../../src/crawl/adaptive-interval.js';

const bounds = { minMs: 300_000, maxMs: 14_400_000 };

describe('nextInterval', () => {
  it('halves after a run with new articles and grows by half after an empty one', () => {
    expect(nextInterval(900_000, 3, bounds)).toBe(450_000);
    expect(nextInterval(900_000, 0, bounds)).toBe(1_350_000);
  });
  it('stays within the bounds', () => {
    expect(nextInterval(400_000, 10, bounds)).toBe(300_000);
    expect(nextInterval(14_000_000, 0, bounds)).toBe(14_400_000);
  });
});
