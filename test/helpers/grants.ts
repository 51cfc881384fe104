// Rate-limit grants as Redis itself records them. The limiter (src/politeness/rate-limiter.ts)
// grants a request by a SET of `<prefix>:rate:<host>` from its script; a MONITOR connection sees
// each such SET stamped with Redis's clock (µs), and the EVALSHA before it with the client that
// asked. Arrival times at a test server add the scheduling delay of the worker process and of
// the server's event loop (see ARRIVAL_JITTER_MS); grant times carry none, so a test can hold
// the limiter to its exact interval (less CLOCK_MS) however loaded the machine is.
// The simulator and the tests' servers never answer 429/503 with Retry-After, so no hold-off
// (the limiter's other SET on the same key) appears among these grants.
import { connect } from 'node:net';
import { expect } from 'vitest';

/** The limiter's script reads Redis's TIME in whole ms: grants may be this much closer in µs. */
export const CLOCK_MS = 1;

/**
 * How late a request may reach a test server after its grant: a loaded 2-core machine delays
 * the worker process and the server's event loop (up to ~260 ms measured with 8 busy loops;
 * tens of ms when idle). A late request makes the next gap look short by that much, once per
 * span, so over k consecutive requests a server sees at least k intervals less this.
 */
export const ARRIVAL_JITTER_MS = 500;

/**
 * The first span of consecutive arrivals (ms, ascending) shorter than its intervals allow, less
 * ARRIVAL_JITTER_MS, described for an assertion message; null when there is none.
 */
export function arrivalBreach(times: number[], intervalMs: number): string | null {
  for (let i = 0; i < times.length; i++)
    for (let j = i + 1; j < times.length; j++) {
      const span = times[j]! - times[i]!;
      if (span >= (j - i) * intervalMs - ARRIVAL_JITTER_MS) continue;
      const shown = times.slice(i, j + 1).map((t) => t - times[0]!);
      return `requests ${i}..${j} arrived within ${span} ms: ${shown.join(' ')}`;
    }
  return null;
}

export interface Grant {
  /** Redis's clock, ms (µs precision). */
  at: number;
  /** The Redis client ("ip:port") whose request was granted: one per worker process. */
  client: string;
}

export interface GrantLog {
  /** Grants for one host ("127.0.0.1:port"), in time order. */
  of(host: string): Grant[];
  close(): Promise<void>;
}

/**
 * Starts recording the grants of a BullMQ prefix's limiter (before the crawl starts). MONITOR on
 * a plain socket: ioredis's monitor mode can fail ("Command queue state error") when a monitor
 * line arrives in the same chunk as the OK to MONITOR, which a busy shared Redis makes likely.
 */
export async function recordGrants(redisUrl: string, prefix: string): Promise<GrantLog> {
  const url = new URL(redisUrl);
  if (url.protocol !== 'redis:') throw new Error(`recordGrants: ${url.protocol} is not supported`);
  const socket = connect(Number(url.port || 6379), url.hostname || '127.0.0.1');
  const keyStart = `${prefix}:rate:`;
  const grants = new Map<string, Grant[]>();
  let caller = '';
  const onLine = (line: string): void => {
    const m = /^\+(\d+\.\d+) \[\d+ ([^\]]+)\] (.*)$/.exec(line);
    if (!m) return;
    const args = [...m[3]!.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((x) => x[1]!);
    const command = args[0]?.toLowerCase() ?? '';
    const key = command === 'evalsha' || command === 'eval' ? args[3] : args[1];
    if (!key?.startsWith(keyStart)) return;
    if (m[2] !== 'lua') {
      caller = m[2]!; // the script's own commands follow its EVALSHA line
      return;
    }
    if (command !== 'set') return;
    const host = key.slice(keyStart.length);
    const list = grants.get(host) ?? [];
    list.push({ at: Number(m[1]) * 1000, client: caller });
    grants.set(host, list);
  };
  // AUTH first when the URL carries a password; every command before MONITOR answers +OK.
  const user = decodeURIComponent(url.username);
  const commands = [
    ...(url.password ? [['AUTH', ...(user ? [user] : []), decodeURIComponent(url.password)]] : []),
    ['MONITOR'],
  ];
  await new Promise<void>((resolve, reject) => {
    let oksToCome = commands.length;
    let buffered = '';
    socket.setEncoding('utf8');
    socket.once('error', reject);
    socket.on('data', (chunk: string) => {
      buffered += chunk;
      const lines = buffered.split('\r\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        if (oksToCome === 0) onLine(line);
        else if (line.startsWith('-')) reject(new Error(`MONITOR refused: ${line.slice(1)}`));
        else if (line === '+OK' && --oksToCome === 0) resolve();
      }
    });
    for (const cmd of commands)
      socket.write(
        `*${cmd.length}\r\n${cmd.map((a) => `$${Buffer.byteLength(a)}\r\n${a}\r\n`).join('')}`,
      );
  });
  return {
    of: (host) => [...(grants.get(host) ?? [])].sort((a, b) => a.at - b.at),
    close: () =>
      new Promise<void>((resolve) => {
        socket.once('close', () => resolve());
        socket.destroy();
      }),
  };
}

/**
 * Asserts that several worker processes paced each outlet together: on Redis's clock the host's
 * grants, whichever process took them, are a full interval apart (less CLOCK_MS); nothing
 * reached the host without a grant; the server saw no more than one request per interval
 * (less the arrival jitter, once per span); and the grants went to more than one process.
 * `requests` are the simulator's (`sim.requests()`); page subresources the browser loads
 * itself (scripts, the RTL article API) are not paced and are left out here.
 */
export function expectPacedTogether(
  grants: GrantLog,
  origins: Readonly<Record<string, string>>,
  requests: ReadonlyArray<{ outlet: string; path: string; at: number }>,
  intervalMs: number,
): void {
  const paced = requests.filter((r) => !/^\/(api|static|assets)\//.test(r.path));
  const clients = new Set<string>();
  for (const [outlet, origin] of Object.entries(origins)) {
    const times = paced
      .filter((r) => r.outlet === outlet)
      .map((r) => r.at)
      .sort((a, b) => a - b);
    expect(times.length, outlet).toBeGreaterThan(3);
    const granted = grants.of(new URL(origin).host);
    for (const g of granted) clients.add(g.client);
    const gaps = granted.slice(1).map((g, i) => g.at - granted[i]!.at);
    expect(
      Math.min(...gaps),
      `${outlet} grant gaps: ${gaps.map(Math.round).join(' ')}`,
    ).toBeGreaterThanOrEqual(intervalMs - CLOCK_MS);
    expect(times.length, outlet).toBeLessThanOrEqual(granted.length);
    expect(arrivalBreach(times, intervalMs), outlet).toBeNull();
  }
  expect(clients.size).toBeGreaterThan(1);
}
