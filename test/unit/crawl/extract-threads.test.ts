// How many extract threads a worker process starts for settings worker.extractThreads: `auto`
// gives one when the machine has a second core; a number is taken as it is. (The setting's
// parsing is tested with the config, test/unit/config/load.test.ts.)
import { describe, expect, it } from 'vitest';
import { extractThreadCount } from '../../../src/crawl/extract-pool.js';

describe('extractThreadCount', () => {
  it('gives auto one thread with a second core, none on one core', () => {
    expect(extractThreadCount('auto', 1)).toBe(0);
    expect(extractThreadCount('auto', 2)).toBe(1);
    expect(extractThreadCount('auto', 16)).toBe(1);
  });

  it('takes a number as it is, 0 included', () => {
    expect(extractThreadCount(0, 8)).toBe(0);
    expect(extractThreadCount(3, 2)).toBe(3);
  });
});
