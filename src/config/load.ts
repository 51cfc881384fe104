// Loads and validates config/: mediawatch.yaml, outlets/*.yaml, events/*.yaml, aliases/*.yaml.
// Every problem of every file is collected and reported together (file, YAML path, line),
// then the config is frozen. Only this module and ./env.ts read the environment.
import { readdirSync, readFileSync, existsSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { LineCounter, parseDocument, isNode } from 'yaml';
import type * as z from 'zod';
import { MwError } from '../errors.js';
import { ConfigError, type ConfigProblem } from './config-error.js';
import { compileQuery } from '../match/index.js';
import {
  aliasFileSchema,
  eventSchema,
  outletSchema,
  settingsSchema,
  type EventConfig,
  type OutletConfig,
  type Settings,
} from './schema.js';
import { applyEnv, type Env } from './env.js';

export { ConfigError, type ConfigProblem } from './config-error.js';

export interface Config {
  readonly dir: string;
  readonly settings: Settings;
  readonly outlets: readonly OutletConfig[];
  readonly events: readonly EventConfig[];
  /** Global aliases from config/aliases/*.yaml (an event's own aliases win). */
  readonly aliases: Readonly<Record<string, string>>;
  /** Ids of `events` that the web app defined (src/events/catalog.ts); absent: none. */
  readonly appEventIds?: readonly string[];
}

interface Parsed<T> {
  value: T | undefined;
  file: string;
}

/** Parses one YAML file against a schema, pushing every problem found to `problems`. */
function parseFile<S extends z.ZodType>(
  file: string,
  schema: S,
  rootDir: string,
  problems: ConfigProblem[],
): Parsed<z.infer<S>> {
  const shown = relative(resolve(rootDir, '..'), file) || file;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    problems.push({
      file: shown,
      path: '',
      line: null,
      message: `cannot read: ${(err as Error).message}`,
    });
    return { value: undefined, file: shown };
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) {
    for (const e of doc.errors) {
      const line = e.linePos?.[0]?.line ?? null;
      problems.push({ file: shown, path: '', line, message: `YAML: ${e.message.split('\n')[0]}` });
    }
    return { value: undefined, file: shown };
  }
  const result = schema.safeParse(doc.toJS() ?? {});
  if (result.success) return { value: result.data as z.infer<S>, file: shown };
  for (const issue of result.error.issues) {
    const keys = issue.path.map((k) => (typeof k === 'symbol' ? String(k) : k));
    let line: number | null = null;
    for (let n = keys.length; n >= 0 && line === null; n--) {
      const node = n === 0 ? doc.contents : doc.getIn(keys.slice(0, n), true);
      if (isNode(node) && node.range) line = lineCounter.linePos(node.range[0]).line;
    }
    problems.push({ file: shown, path: keys.join('.'), line, message: issue.message });
  }
  return { value: undefined, file: shown };
}

function yamlFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
    .sort()
    .map((f) => join(dir, f));
}

/** Loads config from `dir`; throws ConfigError listing every problem. */
export function loadConfig(dir: string, env: Env = process.env): Config {
  const root = resolve(dir);
  const problems: ConfigProblem[] = [];
  if (!existsSync(root) || !statSync(root).isDirectory()) {
    throw new ConfigError([
      { file: dir, path: '', line: null, message: 'config directory not found' },
    ]);
  }
  const settingsFile = join(root, 'mediawatch.yaml');
  const settings = existsSync(settingsFile)
    ? parseFile(settingsFile, settingsSchema, root, problems).value
    : settingsSchema.parse({});

  const aliases: Record<string, string> = {};
  for (const f of yamlFiles(join(root, 'aliases'))) {
    Object.assign(aliases, parseFile(f, aliasFileSchema, root, problems).value ?? {});
  }

  const outlets: OutletConfig[] = [];
  for (const f of yamlFiles(join(root, 'outlets'))) {
    const { value, file } = parseFile(f, outletSchema, root, problems);
    if (!value) continue;
    if (outlets.some((o) => o.id === value.id)) {
      problems.push({ file, path: 'id', line: null, message: `duplicate outlet id "${value.id}"` });
    } else outlets.push(value);
  }

  const events: EventConfig[] = [];
  for (const f of yamlFiles(join(root, 'events'))) {
    const { value, file } = parseFile(f, eventSchema, root, problems);
    if (!value) continue;
    if (events.some((e) => e.id === value.id)) {
      problems.push({ file, path: 'id', line: null, message: `duplicate event id "${value.id}"` });
      continue;
    }
    try {
      compileQuery(value.query, { aliases: { ...aliases, ...value.aliases } });
      events.push(value);
    } catch (err) {
      problems.push({ file, path: 'query', line: queryLine(f), message: (err as Error).message });
    }
  }

  if (problems.length > 0 || !settings) throw new ConfigError(problems);
  return deepFreeze({ dir: root, settings: applyEnv(settings, env), outlets, events, aliases });
}

function queryLine(file: string): number | null {
  const lineCounter = new LineCounter();
  const doc = parseDocument(readFileSync(file, 'utf8'), { lineCounter });
  const node = doc.get('query', true);
  return isNode(node) && node.range ? lineCounter.linePos(node.range[0]).line : null;
}

/** A config built from another (src/events/catalog.ts), frozen like a loaded one. */
export function deepFreezeConfig(config: Config): Config {
  return deepFreeze(config);
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

function findById<T extends { id: string }>(
  list: readonly T[],
  id: string,
  kind: 'outlet' | 'event',
): T {
  const found = list.find((x) => x.id === id);
  if (found) return found;
  const known = list.map((x) => x.id).join(', ') || 'none';
  throw new MwError(
    kind === 'outlet' ? 'MW_ERR_UNKNOWN_OUTLET' : 'MW_ERR_UNKNOWN_EVENT',
    `unknown ${kind} "${id}" (configured: ${known})`,
  );
}

export function findOutlet(config: Config, id: string): OutletConfig {
  return findById(config.outlets, id, 'outlet');
}

export function findEvent(config: Config, id: string): EventConfig {
  return findById(config.events, id, 'event');
}

/** A copy of the config with changed settings (e.g. the URL of a private Redis), frozen again. */
export function withSettings(config: Config, change: (s: Settings) => void): Config {
  const settings = structuredClone(config.settings);
  change(settings);
  return deepFreeze({ ...config, settings });
}

/** Ids of the outlets that are wire agencies (their articles are originals of pickups). */
export function wireOutletIds(config: Pick<Config, 'outlets'>): string[] {
  return config.outlets.filter((o) => o.wire).map((o) => o.id);
}
