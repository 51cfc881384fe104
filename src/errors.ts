// Errors grouped by what happens next (the retry machinery reads `retry`):
//   'never'  – the input is wrong; retrying gives the same answer (bad payload, robots disallow,
//              not an article, malformed config or query). Recorded as failed/skipped at once.
//   'backoff'– transient (timeout, reset, 5xx); retried with exponential backoff.
//   'later'  – the server asked us to wait (429/503 Retry-After, rate limit); rescheduled
//              without counting as a failed attempt.
// Every error carries a stable, greppable code `MW_ERR_…`.

export type RetryPolicy = 'never' | 'backoff' | 'later';

export class MwError extends Error {
  readonly code: string;
  readonly retry: RetryPolicy;
  /** For 'later': how long to wait before trying again, in milliseconds. */
  readonly retryAfterMs: number | undefined;

  constructor(
    code: string,
    message: string,
    opts: { retry?: RetryPolicy; retryAfterMs?: number; cause?: unknown } = {},
  ) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = 'MwError';
    this.code = code;
    this.retry = opts.retry ?? 'never';
    this.retryAfterMs = opts.retryAfterMs;
  }
}

/** The error's stable code, or MW_ERR_INTERNAL for anything that is not an MwError. */
export function errorCode(err: unknown): string {
  return err instanceof MwError ? err.code : 'MW_ERR_INTERNAL';
}

/** One line for ledgers and logs: "MW_ERR_X: message". */
export function errorReason(err: unknown): string {
  if (err instanceof MwError) return `${err.code}: ${err.message}`;
  if (err instanceof Error) return `MW_ERR_INTERNAL: ${err.message}`;
  return `MW_ERR_INTERNAL: ${String(err)}`;
}
