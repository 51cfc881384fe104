// Several machines, played on one: each "host" is a folder of its own (its working directory
// and its own copy of the config folder) running `mediawatch worker`, the real CLI binary.
// Hosts share nothing but what their configs name: the Redis URL and the database URL
// (PostgreSQL). Used by test/integration/hosts.test.ts, scripts/three-hosts.ts and the scale
// benchmark (bench/scale.ts). Needs the build (bin/mediawatch.js runs dist/).
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { writeSimConfig } from '../../src/sim/demo-config.js';

export interface HostFoldersOptions {
  /** The repository: its config/ is copied, its bin/mediawatch.js is the command. */
  root: string;
  /** Where the host folders go, one sub-folder each. */
  dir: string;
  names: string[];
  /** The simulator's origins (outlet id → origin); `bench` gets the generated outlet. */
  origins: Record<string, string>;
  /** Pages of the simulator's generated 'bench' outlet (its discovery budget). */
  generated?: number;
  databaseUrl: string;
  redisPrefix: string;
  /** Every outlet's pace (writeSimConfig). */
  requestsPerSecond: number;
  /** The generated outlet's limits, when they differ from the others' (benchmarks). */
  benchRateLimit?: { requestsPerSecond: number; maxConcurrent: number };
  /** Merged into each host's settings section by section, e.g. { worker: { lockMs: 5000 } }. */
  settings?: Record<string, Record<string, unknown>>;
}

type Yaml = Record<string, Record<string, unknown>>;

/**
 * Writes one folder per host, each holding `config/`: the repository's config pointed at the
 * simulator (writeSimConfig), plus the generated outlet when the simulator serves one.
 * Returns the folders, in the order of `names`.
 */
export function writeHostFolders(o: HostFoldersOptions): string[] {
  const source = join(o.dir, 'source-config');
  cpSync(join(o.root, 'config'), source, { recursive: true });
  if (o.origins.bench !== undefined)
    writeFileSync(
      join(source, 'outlets', 'bench.yaml'),
      stringify({
        id: 'bench',
        name: 'Benchmark Courier',
        baseUrl: 'https://bench.invalid',
        languages: ['fr', 'nl', 'en'],
        fetch: 'http',
        discovery: { sitemaps: ['/sitemap.xml'], pages: [], maxUrls: o.generated ?? 1000 },
      }),
    );
  return o.names.map((name) => {
    const hostDir = join(o.dir, name);
    mkdirSync(hostDir, { recursive: true });
    const configDir = join(hostDir, 'config');
    writeSimConfig(source, configDir, o.origins, {
      databaseUrl: o.databaseUrl,
      redisPrefix: o.redisPrefix,
      requestsPerSecond: o.requestsPerSecond,
    });
    const file = join(configDir, 'mediawatch.yaml');
    const settings = (parse(readFileSync(file, 'utf8')) ?? {}) as Yaml;
    for (const [section, values] of Object.entries(o.settings ?? {}))
      settings[section] = { ...settings[section], ...values };
    writeFileSync(file, stringify(settings));
    if (o.benchRateLimit && o.origins.bench !== undefined) {
      const outletFile = join(configDir, 'outlets', 'bench.yaml');
      const outlet = parse(readFileSync(outletFile, 'utf8')) as Record<string, unknown>;
      outlet.rateLimit = o.benchRateLimit;
      writeFileSync(outletFile, stringify(outlet));
    }
    return hostDir;
  });
}

/** One log record of a host (a pino JSON line; any other line as `{ msg: line }`). */
export type LogRecord = Record<string, unknown> & { msg?: string };

export interface Host {
  name: string;
  dir: string;
  proc: ChildProcess;
  pid: number;
  /** BullMQ's name for this process's workers, stored on each job it takes (processedBy). */
  workerName: string;
  /** Its log records so far, in order. */
  logs: LogRecord[];
  /** Resolves when the process has ended. */
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  running(): boolean;
}

export interface StartHostOptions {
  root: string;
  name: string;
  dir: string;
  env?: NodeJS.ProcessEnv;
  /** Called with each log record as it arrives. */
  onLog?: (record: LogRecord) => void;
}

/** Starts `mediawatch --config config worker` in the host's folder. */
export function startHost(o: StartHostOptions): Host {
  const proc = spawn(
    process.execPath,
    [join(o.root, 'bin/mediawatch.js'), '--config', 'config', 'worker'],
    { cwd: o.dir, env: o.env ?? process.env, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  if (proc.pid === undefined) throw new Error(`${o.name}: mediawatch worker did not start`);
  const logs: LogRecord[] = [];
  let partial = '';
  proc.stderr?.setEncoding('utf8');
  proc.stderr?.on('data', (chunk: string) => {
    const lines = (partial + chunk).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) {
      if (!line.trim()) continue;
      let record: LogRecord;
      try {
        record = JSON.parse(line) as LogRecord;
      } catch {
        record = { msg: line };
      }
      logs.push(record);
      o.onLog?.(record);
    }
  });
  let ended = false;
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    proc.on('exit', (code, signal) => {
      ended = true;
      resolve({ code, signal });
    }),
  );
  return {
    name: o.name,
    dir: o.dir,
    proc,
    pid: proc.pid,
    workerName: `${hostname()}:${proc.pid}`,
    logs,
    exit,
    running: () => !ended,
  };
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * Resolves once `cond` holds, checking every `everyMs`; rejects after `deadlineMs` (a bound
 * for a process that hangs, not a timing expectation) or when `abort` returns a reason.
 */
export async function until(
  cond: () => boolean | Promise<boolean>,
  what: string,
  opts: { deadlineMs?: number; everyMs?: number; abort?: () => string | null } = {},
): Promise<void> {
  const started = Date.now();
  for (;;) {
    if (await cond()) return;
    const why = opts.abort?.();
    if (why) throw new Error(`waiting for ${what}: ${why}`);
    if (Date.now() - started > (opts.deadlineMs ?? 120_000))
      throw new Error(`waiting for ${what}: still not true after ${opts.deadlineMs ?? 120_000} ms`);
    await sleep(opts.everyMs ?? 100);
  }
}

/** Resolves when every host says its workers run; rejects if one ends first. */
export function untilRunning(hosts: Host[], deadlineMs = 90_000): Promise<void> {
  return until(
    () => hosts.every((h) => h.logs.some((r) => r.msg?.startsWith('workers running'))),
    'every host to start its workers',
    {
      deadlineMs,
      abort: () => {
        const down = hosts.find((h) => !h.running());
        return down
          ? `${down.name} ended:\n${down.logs.map((r) => JSON.stringify(r)).join('\n')}`
          : null;
      },
    },
  );
}
