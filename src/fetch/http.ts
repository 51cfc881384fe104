// Plain HTTP fetching with undici: one keep-alive Agent per process, an overall timeout per
// request, redirects followed by hand (each hop is checked, at most maxRedirects), and a limit
// on decoded bytes that also holds for compressed bodies (a gzip bomb stops at the limit).
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { pipeline, type Readable, type Transform } from 'node:stream';
import { Agent, request } from 'undici';
import { MwError } from '../errors.js';
import { httpStatusError, networkError } from './http-errors.js';

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

const ACCEPT_HTML = 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5';

function flatHeaders(h: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h))
    if (v !== undefined) out[k] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

function decoderFor(encoding: string | undefined): Transform | null {
  switch ((encoding ?? '').trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return createGunzip();
    case 'deflate':
      return createInflate();
    case 'br':
      return createBrotliDecompress();
    default:
      return null;
  }
}

async function readLimited(
  body: Readable,
  encoding: string | undefined,
  maxBytes: number,
  url: string,
): Promise<Buffer> {
  const decoder = decoderFor(encoding);
  // pipeline (not pipe) passes a broken or stalled body's error on to the decoder, so the loop
  // below ends instead of waiting forever.
  const source: AsyncIterable<Buffer> = decoder ? pipeline(body, decoder, () => undefined) : body;
  const chunks: Buffer[] = [];
  let size = 0;
  let ok = false;
  try {
    for await (const chunk of source) {
      size += chunk.length;
      if (size > maxBytes) {
        throw new MwError('MW_ERR_TOO_LARGE', `${url} is larger than ${maxBytes} bytes decoded`);
      }
      chunks.push(chunk);
    }
    ok = true;
  } finally {
    if (!ok) {
      body.destroy();
      decoder?.destroy();
    }
  }
  return Buffer.concat(chunks);
}

export class HttpClient {
  private readonly agent: Agent;

  constructor(private readonly opts: HttpOptions) {
    this.agent = new Agent({
      connect: { timeout: opts.timeoutMs },
      headersTimeout: opts.timeoutMs,
      bodyTimeout: opts.timeoutMs,
      keepAliveTimeout: 10_000,
      connections: 16,
    });
  }

  async get(
    url: string,
    opts: { accept?: string; headers?: Record<string, string>; beforeRequest?: BeforeRequest } = {},
  ): Promise<HttpResponse> {
    let current = url;
    for (let hop = 0; ; hop++) {
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
      if (res.statusCode >= 400 || res.statusCode < 200) {
        await res.body.dump();
        throw httpStatusError(res.statusCode, current, headers['retry-after'] ?? null, Date.now());
      }
      let body: Buffer;
      try {
        body = await readLimited(
          res.body,
          headers['content-encoding'],
          this.opts.maxBytes,
          current,
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
