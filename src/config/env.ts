// Environment overrides, applied after the YAML is validated. Precedence, highest first:
// environment variable > config/mediawatch.yaml > schema default.
//   REDIS_URL     -> settings.redis.url
//   DATABASE_URL  -> settings.database.url   (a file path for SQLite, or postgres://… for PostgreSQL)
//   CHROMIUM_PATH -> settings.browser.executablePath
//   LOG_LEVEL     -> settings.log.level
//   METRICS_PORT  -> settings.metrics.port   (0: a free port; "off": no ops endpoint)
//   WEB_PORT      -> settings.web.port       (0: a free port; "off": `start` serves no web app)
import { ConfigError } from './config-error.js';
import { settingsSchema, type Settings } from './schema.js';

export type Env = Record<string, string | undefined>;

const logLevel = settingsSchema.shape.log.unwrap().shape.level;

export function applyEnv(settings: Settings, env: Env): Settings {
  const next = structuredClone(settings);
  if (env.REDIS_URL) next.redis.url = env.REDIS_URL;
  if (env.DATABASE_URL) next.database.url = env.DATABASE_URL;
  if (env.CHROMIUM_PATH) next.browser.executablePath = env.CHROMIUM_PATH;
  if (env.LOG_LEVEL) {
    const level = logLevel.safeParse(env.LOG_LEVEL);
    if (!level.success) {
      throw new ConfigError([
        {
          file: 'environment',
          path: 'LOG_LEVEL',
          line: null,
          message: `"${env.LOG_LEVEL}" is not one of ${logLevel.unwrap().options.join(', ')}`,
        },
      ]);
    }
    next.log.level = level.data;
  }
  if (env.METRICS_PORT) next.metrics.port = port('METRICS_PORT', env.METRICS_PORT);
  if (env.WEB_PORT) {
    const web = port('WEB_PORT', env.WEB_PORT);
    if (web === null) next.web.enabled = false;
    else next.web.port = web;
  }
  return next;
}

function port(name: string, value: string): number | null {
  if (value === 'off') return null;
  const port = /^\d{1,5}$/.test(value) ? Number(value) : NaN;
  if (port >= 0 && port <= 65535) return port;
  throw new ConfigError([
    {
      file: 'environment',
      path: name,
      line: null,
      message: `"${value}" is not a port (0 to 65535, 0 for a free one) or "off"`,
    },
  ]);
}

/** Whether LOG_LEVEL was set: interactive commands keep their quieter default otherwise. */
export function logLevelFromEnv(env: Env = process.env): boolean {
  return !!env.LOG_LEVEL;
}
