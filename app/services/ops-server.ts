// The ops endpoints of a long-running process (`worker`, `start`, later `serve`): plain
// node:http, no framework, on `settings.metrics.host:port` (METRICS_PORT; 0 = a free port, the
// log line says which).
//
//   GET /metrics   Prometheus text exposition of the process's registry (src/metrics)
//   GET /healthz   200 while the process runs (liveness)
//   GET /readyz    200 when every readiness check answers within `readyTimeoutMs` (Redis PING,
//                  the database's SELECT 1), else 503; JSON naming each check and what failed
//
// docs/operations.md says what to scrape and alert on.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Runtime } from '../../jobs/worker.js';
import { MwError } from '../../src/errors.js';
import type { Logger } from '../../src/log.js';
import type { Metrics } from '../../src/metrics/metrics.js';

/** A readiness check: resolves when the dependency answers. */
export type ReadyCheck = () => Promise<unknown>;

export interface OpsServerOptions {
  host: string;
  /** 0: a free port. */
  port: number;
  metrics: Pick<Metrics, 'text' | 'contentType'>;
  /** By name (`redis`, `database`); /readyz runs them all at once. */
  checks: Record<string, ReadyCheck>;
  /** How long /readyz waits for each check; default 1 s. */
  readyTimeoutMs?: number;
  log: Logger;
}

export interface OpsServer {
  /** http://host:port, the port chosen when 0 was asked for. */
  url: string;
  port: number;
  close(): Promise<void>;
}

export type CheckResult = { ok: true; ms: number } | { ok: false; ms: number; error: string };

export interface Readiness {
  ready: boolean;
  /** The checks that failed, by name. */
  failed: string[];
  checks: Record<string, CheckResult>;
}

/** Runs every check at once, each with its own deadline. */
export async function readiness(
  checks: Record<string, ReadyCheck>,
  timeoutMs: number,
): Promise<Readiness> {
  const results = await Promise.all(
    Object.entries(checks).map(async ([name, check]) => [name, await run(check, timeoutMs)]),
  );
  const byName = Object.fromEntries(results) as Record<string, CheckResult>;
  const failed = Object.keys(byName).filter((n) => !byName[n]?.ok);
  return { ready: failed.length === 0, failed, checks: byName };
}

async function run(check: ReadyCheck, timeoutMs: number): Promise<CheckResult> {
  const start = performance.now();
  const ms = (): number => Math.round(performance.now() - start);
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([Promise.resolve().then(check), late]);
    return { ok: true, ms: ms() };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    // No password leaves the process: user info is cut from any URL in the message.
    return { ok: false, ms: ms(), error: message.replace(/\/\/[^/\s@]*@/g, '//') };
  } finally {
    clearTimeout(timer);
  }
}

export async function startOpsServer(opts: OpsServerOptions): Promise<OpsServer> {
  const timeoutMs = opts.readyTimeoutMs ?? 1_000;
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain' }).end();
      return;
    }
    if (path === '/metrics') {
      const body = await opts.metrics.text();
      res.writeHead(200, { 'content-type': opts.metrics.contentType }).end(body);
    } else if (path === '/healthz') {
      json(res, 200, { status: 'alive' });
    } else if (path === '/readyz') {
      const r = await readiness(opts.checks, timeoutMs);
      json(res, r.ready ? 200 : 503, r);
    } else {
      res
        .writeHead(404, { 'content-type': 'text/plain' })
        .end('not found: /metrics, /healthz, /readyz\n');
    }
  };
  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      opts.log.error({ err, path: req.url }, 'ops endpoint failed');
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    const fail = (err: NodeJS.ErrnoException): void =>
      reject(
        new MwError(
          'MW_ERR_METRICS_PORT',
          `cannot serve the ops endpoints on ${opts.host}:${opts.port}: ${err.code ?? err.message}`,
          { cause: err },
        ),
      );
    server.once('error', fail);
    server.listen(opts.port, opts.host, () => {
      server.off('error', fail);
      resolve();
    });
  });
  server.on('error', (err) => opts.log.error({ err }, 'ops server error'));
  const { port } = server.address() as AddressInfo;
  const host = opts.host.includes(':') ? `[${opts.host}]` : opts.host;
  const url = `http://${host}:${port}`;
  opts.log.info({ url, endpoints: ['/metrics', '/healthz', '/readyz'] }, 'ops endpoints listening');
  return {
    url,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res
    .writeHead(status, { 'content-type': 'application/json; charset=utf-8' })
    .end(`${JSON.stringify(body)}\n`);
}

/** A runtime's readiness: its Redis connection answers PING, its store a trivial query. */
export function runtimeChecks(rt: Pick<Runtime, 'redis' | 'store'>): Record<string, ReadyCheck> {
  return { redis: () => rt.redis.ping(), database: () => rt.store.ping() };
}

/** The ops endpoints of a runtime, when `settings.metrics.port` is set (else null). */
export async function startRuntimeOps(rt: Runtime): Promise<OpsServer | null> {
  const { port, host } = rt.config.settings.metrics;
  if (port === null) return null;
  return startOpsServer({
    host,
    port,
    metrics: rt.metrics,
    log: rt.log,
    checks: runtimeChecks(rt),
  });
}
