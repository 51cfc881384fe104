import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../src/config/load.js';
import { tmpDir } from '../../helpers/tmp.js';

const repoConfig = join(import.meta.dirname, '../../../config');
let cleanups: Array<() => void> = [];
afterEach(() => {
  for (const c of cleanups) c();
  cleanups = [];
});

function copyConfig(): string {
  const t = tmpDir();
  cleanups.push(t.cleanup);
  cpSync(repoConfig, t.dir, { recursive: true });
  return t.dir;
}

function problemsOf(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (err) {
    if (err instanceof ConfigError) return err;
    throw err;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('loads the shipped config with the Vilvoorde event as default', () => {
    const config = loadConfig(repoConfig, {});
    expect(config.events.map((e) => e.id)).toContain('vilvoorde-2024');
    expect(config.outlets.map((o) => o.id).sort()).toEqual([
      'belga',
      'belganewsagency',
      'brusselstimes',
      'bx1',
      'dh',
      'hln',
      'lalibre',
      'lesoir',
      'nieuwsblad',
      'rtbf',
      'rtl',
      'standaard',
      'vrtnws',
    ]);
    expect(config.settings.redis.url).toBe('redis://127.0.0.1:6379');
    expect(Object.isFrozen(config.settings.redis)).toBe(true);
  });

  it('applies environment overrides over the YAML', () => {
    const config = loadConfig(repoConfig, {
      REDIS_URL: 'redis://10.0.0.9:6400',
      DATABASE_URL: '/tmp/x.db',
      CHROMIUM_PATH: '/opt/c',
      LOG_LEVEL: 'debug',
    });
    expect(config.settings.redis.url).toBe('redis://10.0.0.9:6400');
    expect(config.settings.database.url).toBe('/tmp/x.db');
    expect(config.settings.browser.executablePath).toBe('/opt/c');
    expect(config.settings.log.level).toBe('debug');
  });

  it('reports every problem with file, line and path together', () => {
    const dir = copyConfig();
    writeFileSync(
      join(dir, 'outlets', 'rtl.yaml'),
      [
        'id: rtl',
        'name: RTL info',
        'baseUrl: not-a-url',
        'languages: [fr]',
        'fetch: sometimes',
        '',
      ].join('\n'),
    );
    writeFileSync(join(dir, 'mediawatch.yaml'), 'worker:\n  attempts: -1\n');
    const err = problemsOf(() => loadConfig(dir, {}));
    expect(err.code).toBe('MW_ERR_CONFIG');
    const rtl = err.problems.filter((p) => p.file.endsWith('outlets/rtl.yaml'));
    expect(rtl.map((p) => p.path).sort()).toEqual(['baseUrl', 'fetch']);
    expect(rtl.find((p) => p.path === 'baseUrl')?.line).toBe(3);
    expect(rtl.find((p) => p.path === 'fetch')?.line).toBe(5);
    const settings = err.problems.find((p) => p.file.endsWith('mediawatch.yaml'));
    expect(settings?.path).toBe('worker.attempts');
    expect(settings?.line).toBe(2);
    expect(err.message).toContain('outlets/rtl.yaml:3 at baseUrl');
  });

  it('names an unknown field and a YAML syntax error', () => {
    const dir = copyConfig();
    writeFileSync(
      join(dir, 'outlets', 'belga.yaml'),
      'id: belga\nname: Belga\nbaseUrl: https://x.be\nlanguages: [nl]\nspeed: 3\n',
    );
    writeFileSync(join(dir, 'outlets', 'lalibre.yaml'), 'id: lalibre\nname: [unclosed\n');
    const err = problemsOf(() => loadConfig(dir, {}));
    expect(err.problems.some((p) => p.file.endsWith('belga.yaml') && /speed/.test(p.message))).toBe(
      true,
    );
    expect(
      err.problems.some((p) => p.file.endsWith('lalibre.yaml') && p.message.startsWith('YAML')),
    ).toBe(true);
  });

  it('refuses an event whose query does not parse, naming file and line', () => {
    const dir = copyConfig();
    mkdirSync(join(dir, 'events'), { recursive: true });
    writeFileSync(
      join(dir, 'events', 'broken.yaml'),
      'id: broken\nname: Broken\nwindow:\n  from: 2024-01-01\nquery: (Rajavi AND\n',
    );
    const err = problemsOf(() => loadConfig(dir, {}));
    const p = err.problems.find((x) => x.file.endsWith('events/broken.yaml'));
    expect(p?.path).toBe('query');
    expect(p?.line).toBe(5);
  });

  it('rejects a bad LOG_LEVEL and a missing folder', () => {
    expect(problemsOf(() => loadConfig(repoConfig, { LOG_LEVEL: 'loud' })).problems[0]?.path).toBe(
      'LOG_LEVEL',
    );
    expect(problemsOf(() => loadConfig('/nonexistent/mw', {})).message).toContain(
      'config directory not found',
    );
  });

  it('reads worker.extractThreads as auto (the default) or a number, and refuses anything else', () => {
    const withThreads = (value: string): string => {
      const dir = copyConfig();
      writeFileSync(join(dir, 'mediawatch.yaml'), `worker:\n  extractThreads: ${value}\n`);
      return dir;
    };
    expect(loadConfig(repoConfig, {}).settings.worker.extractThreads).toBe('auto');
    expect(loadConfig(withThreads('0'), {}).settings.worker.extractThreads).toBe(0);
    expect(loadConfig(withThreads('3'), {}).settings.worker.extractThreads).toBe(3);
    for (const bad of ['many', '-1', '17', '1.5']) {
      const err = problemsOf(() => loadConfig(withThreads(bad), {}));
      expect(
        err.problems.map((p) => p.path),
        bad,
      ).toEqual(['worker.extractThreads']);
    }
    expect(problemsOf(() => loadConfig(withThreads('many'), {})).message).toContain(
      'must be auto or a whole number of threads from 0 to 16',
    );
  });
});
