// settings.metrics and its environment override METRICS_PORT (src/config/env.ts).
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src/config/config-error.js';
import { applyEnv } from '../../../src/config/env.js';
import { settingsSchema } from '../../../src/config/schema.js';

const defaults = settingsSchema.parse({});

describe('settings.metrics', () => {
  it('is off by default, on loopback', () => {
    expect(defaults.metrics).toEqual({ port: null, host: '127.0.0.1' });
  });

  it('takes METRICS_PORT over the YAML: a port, 0 for a free one, or off', () => {
    const yaml = settingsSchema.parse({ metrics: { port: 9464, host: '0.0.0.0' } });
    expect(applyEnv(yaml, {}).metrics).toEqual({ port: 9464, host: '0.0.0.0' });
    expect(applyEnv(yaml, { METRICS_PORT: '9100' }).metrics.port).toBe(9100);
    expect(applyEnv(defaults, { METRICS_PORT: '0' }).metrics.port).toBe(0);
    expect(applyEnv(yaml, { METRICS_PORT: 'off' }).metrics.port).toBe(null);
  });

  it('refuses a METRICS_PORT that is not a port, naming the variable', () => {
    for (const bad of ['http', '-1', '65536', '9464x']) {
      let err: unknown;
      try {
        applyEnv(defaults, { METRICS_PORT: bad });
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(ConfigError);
      expect((err as ConfigError).problems[0]?.path).toBe('METRICS_PORT');
    }
  });

  it('refuses a port out of range in the YAML', () => {
    expect(settingsSchema.safeParse({ metrics: { port: 70000 } }).success).toBe(false);
  });
});
