// worker.extractThreads: `auto` (the default) gives a process one extract thread when the
// machine has a second core; a number is taken as it is; anything else is refused by name.
import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../src/config/load.js';
import { extractThreadCount } from '../../../src/crawl/extract-pool.js';
import { tmpDir } from '../../helpers/tmp.js';

const repoConfig = join(import.meta.dirname, '../../../config');
const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

function configWith(worker: string): string {
  const t = tmpDir();
  cleanups.push(t.cleanup);
  cpSync(repoConfig, t.dir, { recursive: true });
  writeFileSync(join(t.dir, 'mediawatch.yaml'), `worker:\n  extractThreads: ${worker}\n`);
  return t.dir;
}

describe('worker.extractThreads', () => {
  it('defaults to auto: one thread with a second core, none on one core', () => {
    const setting = loadConfig(repoConfig, {}).settings.worker.extractThreads;
    expect(setting).toBe('auto');
    expect(extractThreadCount(setting, 1)).toBe(0);
    expect(extractThreadCount(setting, 2)).toBe(1);
    expect(extractThreadCount(setting, 16)).toBe(1);
  });

  it('takes a number as it is, 0 included', () => {
    const zero = loadConfig(configWith('0'), {}).settings.worker.extractThreads;
    expect(extractThreadCount(zero, 8)).toBe(0);
    const three = loadConfig(configWith('3'), {}).settings.worker.extractThreads;
    expect(extractThreadCount(three, 2)).toBe(3);
  });

  it('refuses anything else, naming the field', () => {
    for (const bad of ['many', '-1', '17', '1.5']) {
      let err: unknown;
      try {
        loadConfig(configWith(bad), {});
      } catch (e) {
        err = e;
      }
      expect(err, bad).toBeInstanceOf(ConfigError);
      expect((err as ConfigError).problems.map((p) => p.path)).toEqual(['worker.extractThreads']);
    }
    expect(() => loadConfig(configWith('many'), {})).toThrow(
      'must be auto or a whole number of threads from 0 to 16',
    );
  });
});
