// Setup file of the `unit` project (vitest.config.ts): unit tests do no I/O. Any attempt to
// open a network connection (TCP, Unix socket, TLS, HTTP, fetch, Redis), to start a server, to
// send or bind UDP, or to start a child process (Chromium, a worker, a command) throws an
// error naming the test. Reading files and SQLite on a temporary file stay allowed.
// A refusal the code under test swallows (a client that retries on 'error') still fails the
// test: every refusal is recorded and reported after the test (or after the file, for hooks).
// This is a guard, not a mock: integration tests (test/integration) use the real things.
import childProcess from 'node:child_process';
import dgram from 'node:dgram';
import { syncBuiltinESMExports } from 'node:module';
import net from 'node:net';
import { relative } from 'node:path';
import { afterAll, afterEach, beforeEach, expect } from 'vitest';

const refusals: string[] = [];
let currentTest: string | undefined; // set from beforeEach to afterEach: hooks have no test

function where(): string {
  const { testPath } = expect.getState();
  const file = testPath ? relative(process.cwd(), testPath) : 'a unit test file';
  return currentTest ? `"${currentTest}" (${file})` : `${file} (outside a test: a hook or import)`;
}

function refuse(what: string): never {
  const message = `unit tests do no I/O: ${where()} tried to ${what}: move this test to test/integration`;
  refusals.push(message);
  throw new Error(message);
}

function target(args: unknown[]): string {
  // net.connect passes its arguments already normalised, as one array.
  if (Array.isArray(args[0])) return target(args[0] as unknown[]);
  const [first, second] = args;
  if (typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first))) {
    return `${typeof second === 'string' ? second : 'localhost'}:${String(first)}`;
  }
  if (typeof first === 'string') return first;
  if (first && typeof first === 'object') {
    const o = first as { path?: unknown; host?: unknown; port?: unknown };
    if (typeof o.path === 'string') return o.path;
    return `${typeof o.host === 'string' ? o.host : 'localhost'}:${String(o.port ?? '?')}`;
  }
  return '?';
}

net.Socket.prototype.connect = function connect(...args: unknown[]): never {
  refuse(`open a network connection to ${target(args)}`);
} as typeof net.Socket.prototype.connect;

net.Server.prototype.listen = function listen(...args: unknown[]): never {
  refuse(`start a server (listen on ${target(args)})`);
} as typeof net.Server.prototype.listen;

dgram.Socket.prototype.bind = function bind(): never {
  refuse('bind a UDP socket');
} as typeof dgram.Socket.prototype.bind;
dgram.Socket.prototype.send = function send(): never {
  refuse('send a UDP datagram');
} as typeof dgram.Socket.prototype.send;

// spawn, exec, execFile and fork all go through ChildProcess.prototype.spawn; the *Sync
// variants do not, so they are replaced on the module (and re-exported to ESM importers).
// (ChildProcess.prototype.spawn is internal to Node, hence not in its type definitions.)
(childProcess.ChildProcess.prototype as unknown as { spawn: unknown }).spawn = function spawn(
  options: { file?: string } | undefined,
): never {
  refuse(`start a child process (${options?.file ?? '?'})`);
};
for (const name of ['spawnSync', 'execSync', 'execFileSync'] as const) {
  (childProcess as unknown as Record<string, unknown>)[name] = (file: unknown): never =>
    refuse(`start a child process (${String(file)})`);
}
syncBuiltinESMExports();

// fetch's own error would only say "fetch failed" with the refusal as its cause: refuse here.
globalThis.fetch = ((input: unknown): never =>
  refuse(
    `fetch ${input instanceof Request ? input.url : String(input)}`,
  )) as unknown as typeof fetch;

/** Fails with the refusals the code under test caught, so that none goes unnoticed. */
function reportRefusals(alreadyReported: readonly string[] = []): void {
  const unseen = [...new Set(refusals.splice(0))].filter(
    (m) => !alreadyReported.some((r) => r.includes(m)),
  );
  if (unseen.length > 0) throw new Error(unseen.join('\n'));
}
beforeEach(() => {
  currentTest = expect.getState().currentTestName;
});
afterEach(({ task }) => {
  currentTest = undefined;
  reportRefusals((task.result?.errors ?? []).map((e) => e.message ?? ''));
});
afterAll(() => reportRefusals());
