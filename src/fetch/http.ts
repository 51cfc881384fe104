// Plain HTTP fetching with undici: one keep-alive Agent per process, an overall timeout per
// request, redirects followed by hand (each hop is checked against the caller's scope, at most
// maxRedirects), and a limit on decoded bytes that also holds for compressed bodies (a gzip
// bomb stops at the limit). Every socket is opened by a connector that resolves the host,
// checks every address (./scope.ts) and dials a checked one: no second DNS answer slips by.
import { isIP } from 'node:net';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { pipeline, type Readable, type Transform } from 'node:stream';
import { Agent, buildConnector, request } from 'undici';
import { MwError } from '../errors.js';
import { httpStatusError, networkError } from './http-errors.js';
import {
  AddressPolicy,
  inScope,
  offSiteError,
  type HostScope,
  type NetworkPolicyOptions,
  type Resolver,
} from './scope.js';

export interface HttpOptions {
  userAgent: string;
  timeoutMs: number;
  maxRedirects: number;
  maxBytes: number;
}

export interface HttpResponse {
  /** The URL asked for. */
  url: string;
  /** The URL that answered, after redirects. */
  finalUrl: string;
  status: number;
  contentType: string | null;
  headers: Record<string, string>;
  body: Buffer;
}

/** Called before every request (including each redirect hop): politeness waits here. */
export type BeforeRequest = (url: string) => Promise<void>;

export interface GetOptions {
  accept?: string;
  headers?: Record<string, string>;
  beforeRequest?: BeforeRequest;
  /**
   * The hosts the URL and every redirect hop must be on (an outlet's: `outletScope`); a hop
   * elsewhere fails with MW_ERR_OFF_SITE before it is requested. Without it, only the address
   * rule applies.
   */
  scope?: HostScope;
  /** Decoded bytes read at most (default: settings http.maxBytes). */
  maxBytes?: number;
  /** Past `maxBytes`, stop reading and answer the first bytes instead of MW_ERR_TOO_LARGE. */
  truncate?: boolean;
}

const ACCEPT_HTML = 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5';

function flatHeaders(h: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h))
    if (v !== undefined) out[k] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

function decoderFor(coding: string): Transform | null | undefined {
  switch (coding) {
    case 'identity':
      return null;
    case 'gzip':
    case 'x-gzip':
      return createGunzip();
    case 'deflate':
      return createInflate();
    case 'br':
      return createBrotliDecompress();
    default:
      return undefined;
  }
}

/**
 * The decoders for a Content-Encoding, in the order they undo it: codings are listed in the
 * order they were applied (RFC 9110 §8.4), so `gzip, br` is un-brotlied, then gunzipped. A
 * coding we do not know leaves the body as it came (as before), and so does none.
 */
function decodersFor(encoding: string | undefined): Transform[] {
  const codings = (encoding ?? '')
    .split(',')
    .map((c) => c.trim().toLowerCase())
    .filter((c) => c !== '');
  const decoders = codings.map(decoderFor);
  if (decoders.some((d) => d === undefined)) {
    for (const d of decoders) d?.destroy();
    return [];
  }
  return decoders.filter((d): d is Transform => d !== null).reverse();
}

async function readLimited(
  body: Readable,
  encoding: string | undefined,
  maxBytes: number,
  url: string,
  truncate: boolean,
): Promise<Buffer> {
  const decoders = decodersFor(encoding);
  // pipeline (not pipe) passes a broken or stalled body's error on to the decoders, so the loop
  // below ends instead of waiting forever.
  const source: AsyncIterable<Buffer> =
    decoders.length > 0
      ? (pipeline as (...s: Array<Readable | Transform | (() => void)>) => Transform)(
          body,
          ...decoders,
          () => undefined,
        )
      : body;
  const chunks: Buffer[] = [];
  let size = 0;
  let ok = false;
  let cut = false;
  try {
    for await (const chunk of source) {
      if (size + chunk.length > maxBytes) {
        if (!truncate) {
          throw new MwError('MW_ERR_TOO_LARGE', `${url} is larger than ${maxBytes} bytes decoded`);
        }
        chunks.push(chunk.subarray(0, maxBytes - size));
        size = maxBytes;
        cut = true;
        break;
      }
      size += chunk.length;
      chunks.push(chunk);
    }
    ok = !cut;
  } catch (err) {
    // A compressed body that ends before its last block (a dropped connection behind a proxy,
    // a server that gave up): the next attempt may get it whole.
    const code = (err as { code?: unknown }).code;
    if (code === 'Z_BUF_ERROR' || code === 'ERR_STREAM_PREMATURE_CLOSE') {
      throw new MwError('MW_ERR_NETWORK', `${url}: the compressed body is truncated`, {
        retry: 'backoff',
        cause: err,
      });
    }
    throw err;
  } finally {
    if (!ok) {
      body.destroy();
      for (const d of decoders) d.destroy();
    }
  }
  return Buffer.concat(chunks);
}

/**
 * An undici connector that applies the address rule: an IP literal is checked as it is, a name
 * is resolved by the policy's checking lookup and the socket dials the address it answered.
 */
function guardedConnector(policy: AddressPolicy, timeoutMs: number): buildConnector.connector {
  const connect = buildConnector({ timeout: timeoutMs, lookup: policy.lookup } as never);
  return (options, callback) => {
    const host = options.hostname.replace(/^\[|\]$/g, '');
    const refused = isIP(host) ? policy.refusal(host, host) : null;
    if (refused) {
      callback(refused, null);
      return;
    }
    connect(options, callback);
  };
}

export class HttpClient {
  private readonly agent: Agent;

  /**
   * `network`: settings `network` (which hosts may be private; by default none); `resolver`
   * for tests.
   */
  constructor(
    private readonly opts: HttpOptions,
    network: NetworkPolicyOptions = { allowPrivateHosts: [] },
    resolver?: Resolver,
  ) {
    const policy = new AddressPolicy(network, resolver);
    this.agent = new Agent({
      connect: guardedConnector(policy, opts.timeoutMs),
      headersTimeout: opts.timeoutMs,
      bodyTimeout: opts.timeoutMs,
      keepAliveTimeout: 10_000,
      connections: 16,
    });
  }

  async get(url: string, opts: GetOptions = {}): Promise<HttpResponse> {
    let current = url;
    const conditional = !!(opts.headers?.['if-none-match'] ?? opts.headers?.['if-modified-since']);
    for (let hop = 0; ; hop++) {
      // Each hop is checked before it is requested (and before politeness spends a grant on it).
      if (
        !/^https?:$/.test(new URL(current).protocol) ||
        (opts.scope && !inScope(opts.scope, current))
      ) {
        throw offSiteError(current, hop > 0 ? url : undefined);
      }
      await opts.beforeRequest?.(current);
      // The timeout starts once politeness lets the request go: waiting for a slot is not slow.
      const signal = AbortSignal.timeout(this.opts.timeoutMs);
      let res;
      try {
        res = await request(current, {
          method: 'GET',
          dispatcher: this.agent,
          signal,
          headers: {
            'user-agent': this.opts.userAgent,
            accept: opts.accept ?? ACCEPT_HTML,
            'accept-encoding': 'gzip, deflate, br',
            'accept-language': 'fr-BE,nl-BE;q=0.9,en;q=0.8',
            ...opts.headers,
          },
        });
      } catch (err) {
        throw networkError(err, current);
      }
      const headers = flatHeaders(res.headers);
      if (res.statusCode >= 300 && res.statusCode < 400 && headers.location) {
        await res.body.dump();
        if (hop >= this.opts.maxRedirects) {
          throw new MwError(
            'MW_ERR_TOO_MANY_REDIRECTS',
            `more than ${this.opts.maxRedirects} redirects from ${url}`,
          );
        }
        try {
          current = new URL(headers.location, current).toString();
        } catch {
          throw new MwError('MW_ERR_BAD_REDIRECT', `${current} redirects to an invalid URL`);
        }
        continue;
      }
      if (
        res.statusCode >= 300 &&
        res.statusCode < 400 &&
        !(res.statusCode === 304 && conditional)
      ) {
        // A 304 answers a conditional request only; a redirect needs a Location.
        await res.body.dump();
        throw new MwError(
          'MW_ERR_HTTP_STATUS',
          res.statusCode === 304
            ? `HTTP 304 from ${current}, but no validators were sent`
            : `HTTP ${res.statusCode} from ${current} without a Location`,
        );
      }
      if (res.statusCode >= 400 || res.statusCode < 200) {
        await res.body.dump();
        throw httpStatusError(res.statusCode, current, headers['retry-after'] ?? null, Date.now());
      }
      let body: Buffer;
      try {
        body = await readLimited(
          res.body,
          headers['content-encoding'],
          opts.maxBytes ?? this.opts.maxBytes,
          current,
          opts.truncate ?? false,
        );
      } catch (err) {
        throw networkError(err, current);
      }
      return {
        url,
        finalUrl: current,
        status: res.statusCode,
        contentType: headers['content-type'] ?? null,
        headers,
        body,
      };
    }
  }

  async close(): Promise<void> {
    await this.agent.close();
  }
}
