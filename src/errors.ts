// The catalogue of mediawatch's codes: every `MW_…` code is a key of ERROR_CATALOGUE, with what
// happens next and what it means for the user (docs/errors.md lists the same codes, grouped by
// `next`; test/unit/errors/catalogue.test.ts keeps the two, and the sources, in step).
//
// What happens next (the retry machinery reads MwError.retry, which defaults to `next`):
//   'never'  – the input is wrong; retrying gives the same answer (bad payload, 404, not XML,
//              malformed config or query). Recorded as failed at once.
//   'backoff'– transient (timeout, reset, 5xx); retried with exponential backoff.
//   'later'  – the server asked us to wait (429/503 Retry-After, rate limit); rescheduled
//              without counting as a failed attempt.
//   'skip'   – not an error: the URL or source is left out on purpose and recorded as skipped.
//   'note'   – not an error: a remark recorded with a stored URL or a run.
// Codes are literals: grep for one to find where it is raised.

import { redactText } from './url/redact.js';

export type RetryPolicy = 'never' | 'backoff' | 'later';

/** What happens after a code: a retry policy for errors, or an outcome that is no error. */
export type NextStep = RetryPolicy | 'skip' | 'note';

export interface CatalogueEntry {
  next: NextStep;
  /** What happened, in one line. */
  meaning: string;
  /** What the user can do about it, in one line. */
  action: string;
}

export const ERROR_CATALOGUE = {
  // --- never: the same answer every time ---------------------------------------------------
  MW_ERR_BAD_ARGUMENT: {
    next: 'never',
    meaning: 'a command-line argument has the wrong form (an article id, a tag)',
    action: "fix the argument; the command's --help shows the form",
  },
  MW_ERR_BAD_FILTER: {
    next: 'never',
    meaning:
      'a report or list filter has a value of the wrong form (a date, a number of days, a review state)',
    action: 'fix the value the message names: dates are YYYY-MM-DD, see mediawatch report --help',
  },
  MW_ERR_BLOCKED_ADDRESS: {
    next: 'never',
    meaning:
      'a host resolves to a private, loopback, link-local or metadata address: never connected to',
    action: 'nothing for a public site; for your own host, name it in network.allowPrivateHosts',
  },
  MW_ERR_BAD_GZIP: {
    next: 'never',
    meaning: 'a .gz sitemap or feed is not a valid gzip file',
    action: "nothing on our side; if it lasts, drop that sitemap from the outlet's config",
  },
  MW_ERR_BAD_PAYLOAD: {
    next: 'never',
    meaning: "a queued job's data does not match its queue's schema",
    action: 'the job fails for good; make sure every worker and producer runs the same version',
  },
  MW_ERR_BAD_REDIRECT: {
    next: 'never',
    meaning: 'a server redirected to a Location that is not a URL',
    action: 'nothing: the URL is recorded as failed',
  },
  MW_ERR_BAD_URL: {
    next: 'never',
    meaning: 'a Sitemap line of robots.txt is not a URL',
    action: 'nothing: the line is ignored and reported with the crawl run',
  },
  MW_ERR_CONFIG: {
    next: 'never',
    meaning: 'the config folder has problems, each listed with its file, line and path',
    action: 'fix the listed problems; mediawatch config check validates the folder',
  },
  MW_ERR_DATABASE_NEWER: {
    next: 'never',
    meaning: 'the database was migrated by a newer mediawatch than this one',
    action: 'run the newer mediawatch (or restore a backup taken before the upgrade)',
  },
  MW_ERR_DATABASE_URL: {
    next: 'never',
    meaning: 'DATABASE_URL is malformed (e.g. a ?schema= that is not a plain SQL name)',
    action:
      'fix DATABASE_URL: a file path for SQLite or postgres://user@host:5432/db[?schema=name]',
  },
  MW_ERR_CANONICAL_CONFLICT: {
    next: 'never',
    meaning: "a page's canonical URL names an article already stored for another outlet",
    action: 'nothing: the stored article is kept as it was and this URL is recorded as failed',
  },
  MW_ERR_COPY_MISMATCH: {
    next: 'never',
    meaning: 'after db copy, the target does not hold every row of the source',
    action: 'read the counts it printed; run db copy again (it adds only what is missing)',
  },
  MW_ERR_DATASET_MISSING: {
    next: 'never',
    meaning: 'developer tools only (npm run bench, npm run eval:extract): the data set is missing',
    action: 'set MW_DATASETS, or put the data sets in ../shared/datasets',
  },
  MW_ERR_EMPTY_GROUP: {
    next: 'never',
    meaning: 'a bug: story grouping built a pickup group without members',
    action: 'report it with the event id; retrying gives the same answer',
  },
  MW_ERR_HTTP_FORBIDDEN: {
    next: 'never',
    meaning: 'HTTP 401 or 403: the server refuses the request (for robots.txt: allow all)',
    action: 'check the URL in a browser; the outlet may block crawlers or need fetch: browser',
  },
  MW_ERR_HTTP_NOT_FOUND: {
    next: 'never',
    meaning: 'HTTP 404 or 410: the page is gone (for robots.txt: there is none, allow all)',
    action: "nothing for an article; for a configured sitemap, feed or page, fix the outlet's URL",
  },
  MW_ERR_HTTP_STATUS: {
    next: 'never',
    meaning: 'an HTTP status mediawatch does not expect (e.g. 400, or 1xx)',
    action: 'check the URL in a browser',
  },
  MW_ERR_METRICS_PORT: {
    next: 'never',
    meaning: 'the ops endpoints (/metrics, /healthz, /readyz) cannot listen on metrics.port',
    action: 'choose a free port in metrics.port or METRICS_PORT (0 picks one), or stop its holder',
  },
  MW_ERR_NO_CHROMIUM: {
    next: 'never',
    meaning:
      'no Chromium found (CHROMIUM_PATH, /usr/bin/chromium, Playwright), or installing failed',
    action: 'install Chromium as the message says, or set CHROMIUM_PATH',
  },
  MW_ERR_NO_PROCESSOR: {
    next: 'never',
    meaning: 'a bug: a queue has no processor, so the workers cannot start',
    action: 'report it',
  },
  MW_ERR_NOT_XML: {
    next: 'never',
    meaning: 'a sitemap or feed answered HTML, an unknown XML root, or a sitemap index for a feed',
    action: "fix the source in the outlet's discovery config; mediawatch outlets check shows each",
  },
  MW_ERR_OFF_SITE: {
    next: 'never',
    meaning: "a URL or a redirect hop leaves the outlet's hosts (baseUrl host and its hosts list)",
    action: "nothing; if the other host is the outlet's own (a CDN, www), add it to its hosts",
  },
  MW_ERR_PDF: {
    next: 'never',
    meaning: 'Chromium failed to print the PDF report',
    action: 'try again, or export --format html and print that',
  },
  MW_ERR_QUERY_SYNTAX: {
    next: 'never',
    meaning: "an event's query (or an --alias) is malformed at the column shown",
    action: 'fix the query there; mediawatch query check shows the parsed tree',
  },
  MW_ERR_QUERY_TOO_COMPLEX: {
    next: 'never',
    meaning: 'a query passes a limit (length, nesting depth or number of terms) and is refused',
    action: 'simplify the query (see docs/query-language.md for the limits)',
  },
  MW_ERR_QUERY_UNKNOWN_ALIAS: {
    next: 'never',
    meaning: 'a query names @alias but the event defines no such alias',
    action: "define the alias in the event's aliases, or fix its name",
  },
  MW_ERR_QUERY_UNKNOWN_FIELD: {
    next: 'never',
    meaning: 'a query uses field: with a field that does not exist',
    action: 'use one of the fields of docs/query-language.md',
  },
  MW_ERR_READ_FAILED: {
    next: 'never',
    meaning: 'mediawatch extract cannot read an input file (or stdin)',
    action: 'check the path and its permissions',
  },
  MW_ERR_JOB_LOST: {
    next: 'never',
    meaning:
      'a URL the ledger calls pending has no job in Redis and re-enqueuing it did not finish it (the crawl ends with it)',
    action:
      'read the reason (Redis full, database refusing writes); mediawatch reconcile re-enqueues it once they accept writes',
  },
  MW_ERR_REDIS_AUTH: {
    next: 'never',
    meaning: 'the Redis at REDIS_URL refused the password (or asks for one the URL lacks)',
    action:
      'put the right password in REDIS_URL (redis://:PASSWORD@host:6379) or settings redis.url',
  },
  MW_ERR_REDIS_EVICTION: {
    next: 'never',
    meaning: 'Redis may evict keys (maxmemory-policy is not noeviction), and so lose queued jobs',
    action: 'redis-cli config set maxmemory-policy noeviction',
  },
  MW_ERR_REDIS_UNREACHABLE: {
    next: 'never',
    meaning: 'no Redis answers at REDIS_URL, and no private redis-server could be started',
    action: 'start Redis or set REDIS_URL; for a local URL, installing redis-server is enough',
  },
  MW_ERR_REDIS_FULL: {
    next: 'never',
    meaning: 'Redis reached its maxmemory and refuses writes: no job can be queued or finished',
    action:
      'raise maxmemory or free memory in Redis; then mediawatch reconcile re-enqueues the pending URLs',
  },
  MW_ERR_REPORT_NEEDS_OUT: {
    next: 'never',
    meaning: 'report --format xlsx or pdf writes a binary file and was given no --out',
    action: 'add --out FILE',
  },
  MW_ERR_TOO_LARGE: {
    next: 'never',
    meaning: 'a response is larger than settings http.maxBytes once decoded or decompressed',
    action: 'raise http.maxBytes in mediawatch.yaml if the page is genuine',
  },
  MW_ERR_TOO_MANY_REDIRECTS: {
    next: 'never',
    meaning: 'a URL redirects more than settings http.maxRedirects times (a loop, most often)',
    action: 'check the URL in a browser (for robots.txt: allow all)',
  },
  MW_ERR_UNKNOWN_EVENT: {
    next: 'never',
    meaning: 'an event id (argument or queued job) that config/events does not define',
    action: 'use one of the configured ids the message lists',
  },
  MW_ERR_UNKNOWN_MENTION: {
    next: 'never',
    meaning: 'the event has no mention of that article id',
    action: 'take the id from the article_id column of mediawatch report EVENT --format csv',
  },
  MW_ERR_UNKNOWN_OUTLET: {
    next: 'never',
    meaning: 'an outlet id (argument or queued job) that config/outlets does not define',
    action: 'use one of the configured ids the message lists',
  },
  MW_ERR_UNLINKED_MEMBER: {
    next: 'never',
    meaning: 'a bug: story grouping found a group member without a link to the group',
    action: 'report it with the event id; retrying gives the same answer',
  },
  MW_ERR_USER_EXISTS: {
    next: 'never',
    meaning: 'a web app user with that e-mail already exists (e-mails compare case-insensitively)',
    action: 'use another e-mail, or change the existing user instead of adding it',
  },
  MW_ERR_WEB_PORT: {
    next: 'never',
    meaning: 'the web app cannot listen on its port: another process holds it',
    action: 'stop the other process, or choose another port with --port (settings web.port)',
  },
  MW_ERR_USER_NOT_FOUND: {
    next: 'never',
    meaning: 'no web app user has that e-mail',
    action: 'check the e-mail against the list of users',
  },

  // --- backoff: transient, retried with growing delays ---------------------------------------
  MW_ERR_DATABASE_FULL: {
    next: 'backoff',
    meaning:
      'the database (or its disk) is full: the write was rolled back, nothing stored was lost',
    action:
      'free disk space (or raise the quota); the jobs retry and the reconciler re-enqueues the rest',
  },
  MW_ERR_DATABASE_READONLY: {
    next: 'backoff',
    meaning: 'the database refuses writes (read-only file, mount or role): nothing was written',
    action: "make the database writable for mediawatch's user; the jobs retry",
  },
  MW_ERR_DATABASE_UNREACHABLE: {
    next: 'backoff',
    meaning:
      'the database cannot be reached: PostgreSQL does not answer (or refused the login), or the SQLite file cannot be opened',
    action:
      "start PostgreSQL or fix DATABASE_URL / the file's folder; mediawatch db status checks it",
  },
  MW_ERR_ALERT_EMAIL: {
    next: 'backoff',
    meaning: 'sending an alert e-mail through the SMTP server failed',
    action: 'nothing if it passes; else check the smtp settings in mediawatch.yaml',
  },
  MW_ERR_ALERT_NO_SMTP: {
    next: 'backoff',
    meaning: 'an event sends alerts by e-mail but mediawatch.yaml has no smtp settings',
    action: 'add smtp settings to mediawatch.yaml; the alert is retried',
  },
  MW_ERR_ALERT_WEBHOOK: {
    next: 'backoff',
    meaning: "the alert webhook did not answer or answered an error (its Retry-After: 'later')",
    action: "nothing if it passes; else check the event's alerts.webhook URL",
  },
  MW_ERR_BROWSER: {
    next: 'backoff',
    meaning: 'rendering a page in Chromium failed',
    action: "nothing if it passes; else check the outlet's consent recipe and the log",
  },
  MW_ERR_BROWSER_TIMEOUT: {
    next: 'backoff',
    meaning: 'a page took longer than twice browser.navigationTimeoutMs to render',
    action: 'nothing if it passes; raise browser.navigationTimeoutMs for slow outlets',
  },
  MW_ERR_HTTP_SERVER: {
    next: 'backoff',
    meaning: 'HTTP 5xx (a 503 without Retry-After included): the server failed',
    action: 'nothing if it passes; if it lasts, the outlet is down',
  },
  MW_ERR_HTTP_TIMEOUT: {
    next: 'backoff',
    meaning: 'HTTP 408: the server gave up waiting for our request',
    action: 'nothing if it passes; if it lasts, the outlet is overloaded',
  },
  MW_ERR_INTERNAL: {
    next: 'backoff',
    meaning: 'an unexpected failure that is not a mediawatch error (a bug, or the environment)',
    action: 'jobs retry it; if it lasts, report it with the log',
  },
  MW_ERR_NETWORK: {
    next: 'backoff',
    meaning: "no answer: timeout, reset, refused, DNS (other errors, e.g. TLS: 'never')",
    action: "nothing if it passes; else check the network and the outlet's baseUrl",
  },

  // --- later: the server asked us to wait ------------------------------------------------------
  MW_ERR_HTTP_RETRY_LATER: {
    next: 'later',
    meaning: 'HTTP 429, or 503 with Retry-After: the server asked us to wait',
    action: 'nothing: every worker holds off the host; lower rateLimit if it recurs',
  },
  MW_ERR_HOST_BUSY: {
    next: 'later',
    meaning:
      "the host's pace (rateLimit or Crawl-delay) would hold the job longer than politeness.maxWaitInJobMs",
    action: 'nothing: the article job is delayed until its turn, without holding a worker',
  },
  MW_ERR_ROBOTS_UNREACHABLE: {
    next: 'later',
    meaning: 'robots.txt answered 5xx or nothing: nothing is fetched from the host meanwhile',
    action: 'nothing: robots.txt is asked again after 10 minutes; if it lasts, the host is down',
  },

  // --- skip: left out on purpose, recorded as skipped ------------------------------------------
  MW_ERR_ROBOTS_DISALLOWED: {
    next: 'skip',
    meaning: 'robots.txt disallows this URL or source for our user agent',
    action: 'nothing: mediawatch obeys robots.txt',
  },
  MW_SKIP_BUDGET: {
    next: 'skip',
    meaning: "more candidate URLs than the outlet's discovery.maxUrls in one run",
    action: 'nothing: the next run reconsiders them; raise maxUrls if articles are missed',
  },
  MW_SKIP_NOT_ARTICLE: {
    next: 'skip',
    meaning: 'the page holds no article body (a section, tag or video page)',
    action: "nothing; if it is an article, set the outlet's selectors.body",
  },
  MW_SKIP_NOT_HTML: {
    next: 'skip',
    meaning: 'the URL answered another content type than HTML (PDF, image, …)',
    action: 'nothing',
  },
  MW_SKIP_OFF_SITE: {
    next: 'skip',
    meaning: "a discovered URL is on another host than the outlet's",
    action: 'nothing',
  },
  MW_SKIP_OLD_SITEMAP: {
    next: 'skip',
    meaning: 'a child sitemap last changed before every event window, so it is not read',
    action: 'nothing',
  },
  MW_SKIP_OUTSIDE_WINDOW: {
    next: 'skip',
    meaning: "the URL's date is outside every event's window",
    action: 'nothing: the next run reconsiders it (a new event, a wider window)',
  },
  MW_SKIP_TRAP: {
    next: 'skip',
    meaning: 'the URL looks like a crawler trap (too long, or a path segment repeated)',
    action: 'nothing; raise discovery.maxUrlLength or maxSegmentRepeats for genuine URLs',
  },

  // --- note: not an error ------------------------------------------------------------------------
  MW_BUDGET_HIT: {
    next: 'note',
    meaning: "an outlet's discovery stopped at one of its budgets (the note says which, where)",
    action: "raise that budget in the outlet's discovery config if articles are missed",
  },
  MW_NOT_MODIFIED: {
    next: 'note',
    meaning: 'a revisited article answered 304 Not Modified and was kept as it was',
    action: 'nothing',
  },
} as const satisfies Record<string, CatalogueEntry>;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;

/** The retry policy of a code: its `next`, or 'never' for skips and notes. */
export function retryPolicy(code: ErrorCode): RetryPolicy {
  const next: NextStep = ERROR_CATALOGUE[code].next;
  return next === 'skip' || next === 'note' ? 'never' : next;
}

/** Whether the code leaves a URL or source out on purpose (recorded as skipped, not failed). */
export function isSkip(code: ErrorCode): boolean {
  return ERROR_CATALOGUE[code].next === 'skip';
}

/** One line for ledgers, logs and BullMQ failures: "CODE: message". */
export function reasonLine(code: ErrorCode, message: string): string {
  // Reasons reach the ledger, crawl runs, logs and the terminal: no credentials in their URLs.
  return `${code}: ${redactText(message)}`;
}

export class MwError extends Error {
  readonly code: ErrorCode;
  readonly retry: RetryPolicy;
  /** For 'later': how long to wait before trying again, in milliseconds. */
  readonly retryAfterMs: number | undefined;

  /** `opts.retry` only where one code's policy varies (e.g. which network error it was). */
  constructor(
    code: ErrorCode,
    message: string,
    opts: { retry?: RetryPolicy; retryAfterMs?: number; cause?: unknown } = {},
  ) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = 'MwError';
    this.code = code;
    this.retry = opts.retry ?? retryPolicy(code);
    this.retryAfterMs = opts.retryAfterMs;
  }
}

/** The error's stable code, or MW_ERR_INTERNAL for anything that is not an MwError. */
export function errorCode(err: unknown): ErrorCode {
  return err instanceof MwError ? err.code : 'MW_ERR_INTERNAL';
}

/** One line for ledgers and logs: "CODE: message". */
export function errorReason(err: unknown): string {
  if (err instanceof MwError) return reasonLine(err.code, err.message);
  if (err instanceof Error) return reasonLine('MW_ERR_INTERNAL', err.message);
  return reasonLine('MW_ERR_INTERNAL', String(err));
}
