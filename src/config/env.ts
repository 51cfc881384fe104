// Environment overrides, applied after the YAML is validated. Precedence, highest first:
// environment variable > config/mediawatch.yaml > schema default.
//   REDIS_URL     -> settings.redis.url
//   DATABASE_URL  -> settings.database.url   (a file path for SQLite, or postgres://… for PostgreSQL)
//   CHROMIUM_PATH -> settings.browser.executablePath
//   LOG_LEVEL     -> settings.log.level
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
  return next;
}

/** Whether LOG_LEVEL was set: interactive commands keep their quieter default otherwise. */
export function logLevelFromEnv(env: Env = process.env): boolean {
  return !!env.LOG_LEVEL;
}
