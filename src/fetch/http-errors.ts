// What an HTTP outcome means for the retry machinery (see ../errors.ts).
import { MwError } from '../errors.js';

export function httpStatusError(
  status: number,
  url: string,
  retryAfter: string | null,
  now: number,
): MwError {
  if (status === 429 || (status === 503 && retryAfter !== null)) {
    return new MwError(
      'MW_ERR_HTTP_RETRY_LATER',
      `HTTP ${status} from ${url}; the server asked us to wait`,
      { retryAfterMs: parseRetryAfter(retryAfter, now) ?? 60_000 },
    );
  }
  if (status >= 500) {
    return new MwError('MW_ERR_HTTP_SERVER', `HTTP ${status} from ${url}`);
  }
  if (status === 408) {
    return new MwError('MW_ERR_HTTP_TIMEOUT', `HTTP 408 from ${url}: the server timed out`);
  }
  if (status === 404 || status === 410) {
    return new MwError('MW_ERR_HTTP_NOT_FOUND', `HTTP ${status} from ${url}`);
  }
  if (status === 401 || status === 403) {
    return new MwError('MW_ERR_HTTP_FORBIDDEN', `HTTP ${status} from ${url}`);
  }
  return new MwError('MW_ERR_HTTP_STATUS', `HTTP ${status} from ${url}`);
}

/** Retry-After is delta-seconds or an HTTP date (RFC 9110 §10.2.3); capped at one hour. */
export function parseRetryAfter(value: string | null, now: number): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  let ms: number;
  if (/^\d+$/.test(trimmed)) ms = Number(trimmed) * 1000;
  else {
    const at = Date.parse(trimmed);
    if (Number.isNaN(at)) return null;
    ms = at - now;
  }
  return Math.min(Math.max(ms, 0), 3_600_000);
}

const TRANSIENT = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ETIMEDOUT',
  'EPIPE',
  'EAI_AGAIN',
  'ENOTFOUND',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'UND_ERR_SOCKET',
  'UND_ERR_ABORTED',
]);

/** Wraps a network error; transient ones are retried with backoff. */
export function networkError(err: unknown, url: string): MwError {
  if (err instanceof MwError) return err;
  // A refusal raised inside the connector (the address rule) may come back wrapped.
  const cause = (err as { cause?: unknown }).cause;
  if (cause instanceof MwError) return cause;
  const name = (err as { name?: string }).name ?? '';
  if (name === 'TimeoutError' || name === 'AbortError') {
    return new MwError('MW_ERR_NETWORK', `timed out fetching ${url}`, { cause: err });
  }
  const raw = (err as { code?: unknown }).code;
  const code = typeof raw === 'string' ? raw : '';
  const message = err instanceof Error ? err.message : String(err);
  return new MwError('MW_ERR_NETWORK', `${code || 'network error'} fetching ${url}: ${message}`, {
    // Varies with the error: a transient one heals, others (a TLS certificate, say) do not.
    retry: TRANSIENT.has(code) || code === '' ? 'backoff' : 'never',
    cause: err,
  });
}
