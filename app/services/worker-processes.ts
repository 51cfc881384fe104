// `mediawatch worker` child processes for `mediawatch crawl --workers N`: the crawl's own process
// runs workers too, and N−1 of these share its queues on the same Redis, database and config.
//
// - Started as this process was (the same Node executable and flags plus WORKER_NODE_FLAGS, the
//   same entry script: bin/mediawatch.js, or the tests' tsx entry), with the same environment
//   but for REDIS_URL (the Redis this process resolved, a private one included) and
//   METRICS_PORT=off (the ops endpoint's port would be taken twice).
// - Each in a process group of its own, so that a Ctrl-C reaches this process alone, which then
//   stops them once: SIGTERM, awaited; SIGKILL after the shutdown deadline.
// - Their log records at this process's level or above (and any line that is not a record) go to
//   this stderr, each prefixed with `[worker K]`; the rest is dropped.
// - One that ends early is reported on stderr; the crawl goes on with the others (BullMQ gives
//   its active jobs back once their locks expire).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { constants, hostname } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WORKER_NODE_FLAGS, type Runtime } from '../../jobs/worker.js';

export interface WorkerProcessesOptions {
  /** Child processes to start (the crawl's own process not counted). */
  count: number;
  /** The config folder, passed as --config. */
  configDir: string;
  /** Log records below this pino level value are not forwarded. */
  minLevel: number;
  /** How long to wait for the children's workers before the crawl starts without them. */
  readyTimeoutMs?: number;
  out?: NodeJS.WriteStream;
}

export interface WorkerProcesses {
  pids: number[];
  /** Stops the children (SIGTERM, then SIGKILL after the shutdown deadline); idempotent. */
  stop(): Promise<void>;
}

interface Child {
  n: number;
  proc: ChildProcess;
  name: string;
  ended: boolean;
  exit: Promise<void>;
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** The script this process runs (bin/mediawatch.js, the tests' tsx entry), else the package's bin. */
function entryScript(): string {
  if (process.argv[1]) return process.argv[1];
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4; i++, dir = dirname(dir)) {
    const bin = join(dir, 'bin', 'mediawatch.js');
    if (existsSync(bin)) return bin;
  }
  throw new Error('cannot find bin/mediawatch.js to start worker processes');
}

/** This process's Node flags (an inspector port left out: it cannot be shared) plus the workers'. */
function nodeFlags(): string[] {
  const own = process.execArgv.filter((f) => !f.startsWith('--inspect'));
  const extra = WORKER_NODE_FLAGS.filter((f) => !own.some((o) => o.startsWith(f.split('=')[0]!)));
  return [...own, ...extra];
}

export async function startWorkerProcesses(
  rt: Runtime,
  o: WorkerProcessesOptions,
): Promise<WorkerProcesses> {
  const out = o.out ?? process.stderr;
  const say = (line: string): void => {
    // On a terminal the progress line is rewritten in place: clear it first.
    out.write(`${out.isTTY ? '\r\x1b[2K' : ''}${line}\n`);
  };
  // MEDIAWATCH_STOP_WITH_STDIN: the child stops when its stdin closes, which is when this process
  // ends, however it ends (a SIGKILL included): no worker outlives the crawl that started it.
  const env = {
    ...process.env,
    REDIS_URL: rt.config.settings.redis.url,
    METRICS_PORT: 'off',
    MEDIAWATCH_STOP_WITH_STDIN: '1',
  };
  const args = [...nodeFlags(), entryScript(), '--config', o.configDir, 'worker'];
  let stopping = false;
  const children: Child[] = [];

  for (let n = 2; n < o.count + 2; n++) {
    const proc = spawn(process.execPath, args, {
      env,
      stdio: ['pipe', 'pipe', 'pipe'],
      detached: true,
    });
    const child: Child = {
      n,
      proc,
      name: `${hostname()}:${proc.pid ?? 0}`,
      ended: false,
      exit: Promise.resolve(),
    };
    child.exit = new Promise<void>((resolve) => {
      const ended = (code: number | null, signal: NodeJS.Signals | null): void => {
        if (child.ended) return;
        child.ended = true;
        const how = signal ?? `exit code ${code}`;
        if (!stopping)
          say(
            `mediawatch: worker process ${n} (pid ${proc.pid ?? '?'}) ended early (${how}); the crawl goes on with the others`,
          );
        else if (code !== 0)
          say(`mediawatch: worker process ${n} (pid ${proc.pid ?? '?'}) stopped with ${how}`);
        resolve();
      };
      proc.on('exit', ended);
      proc.on('error', (err) => {
        say(`[worker ${n}] ${err.message}`);
        ended(null, null);
      });
    });
    for (const stream of [proc.stdout, proc.stderr]) forward(stream, `[worker ${n}]`);
    children.push(child);
  }

  function forward(stream: NodeJS.ReadableStream | null, prefix: string): void {
    if (!stream) return;
    let partial = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      const lines = (partial + chunk).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) if (line.trim() && shown(line)) say(`${prefix} ${line}`);
    });
  }

  function shown(line: string): boolean {
    if (!line.startsWith('{')) return true;
    try {
      const level = (JSON.parse(line) as { level?: unknown }).level;
      return typeof level !== 'number' || level >= o.minLevel;
    } catch {
      return true;
    }
  }

  const running = (): Child[] => children.filter((c) => !c.ended);
  const killAll = (): void => {
    for (const c of running()) c.proc.kill('SIGKILL');
  };

  let stopped: Promise<void> | undefined;
  function stop(): Promise<void> {
    stopped ??= (async () => {
      stopping = true;
      for (const sig of SIGNALS) process.off(sig, onSignal);
      const deadlineMs = rt.config.settings.worker.shutdownTimeoutMs;
      await Promise.all(
        running().map(async (c) => {
          c.proc.kill('SIGTERM');
          const timer = setTimeout(() => c.proc.kill('SIGKILL'), deadlineMs + 2_000);
          await c.exit;
          clearTimeout(timer);
        }),
      );
      process.off('exit', killAll);
    })();
    return stopped;
  }

  // A signal stops the children, then this process (as the signal would have); a second one
  // does not wait for them.
  function onSignal(sig: NodeJS.Signals): void {
    const code = 128 + (constants.signals[sig] ?? 2);
    if (stopping) {
      killAll();
      process.exit(code);
    }
    say(`mediawatch: ${sig}: stopping the worker processes`);
    void stop().finally(() => process.exit(code));
  }
  for (const sig of SIGNALS) process.on(sig, onSignal);
  // Whatever way this process ends, no child outlives it (but for a SIGKILL of this process).
  process.on('exit', killAll);

  try {
    await untilReady(rt, children, o.readyTimeoutMs ?? 60_000, say);
  } catch (err) {
    await stop();
    throw err;
  }
  return { pids: children.map((c) => c.proc.pid ?? 0), stop };
}

/** Resolves once every child still running has its workers on the queues (or at the timeout). */
async function untilReady(
  rt: Runtime,
  children: Child[],
  timeoutMs: number,
  say: (line: string) => void,
): Promise<void> {
  const started = Date.now();
  for (;;) {
    // BullMQ names each worker's connection …:w:<hostname>:<pid> (jobs/worker.ts).
    const names = (await rt.queues.article.getWorkers()).map((w) => String(w.rawname ?? ''));
    const waiting = children.filter(
      (c) => !c.ended && !names.some((n) => n.endsWith(`:w:${c.name}`)),
    );
    if (waiting.length === 0) return;
    if (Date.now() - started > timeoutMs) {
      say(
        `mediawatch: worker process${waiting.length > 1 ? 'es' : ''} ${waiting.map((c) => c.n).join(', ')} not running after ${timeoutMs / 1000} s; the crawl starts without waiting`,
      );
      return;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}
