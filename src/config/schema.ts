// zod schemas of the YAML files users edit under config/. Defaults live here, next to the
// field they belong to; environment overrides are applied by ./env.ts.
import * as z from 'zod';

// No code generation for the schemas' parsers: each CLI command parses its config once, where
// zod's generated parser costs more to build (10–20 ms at start) than it saves; a worker's job
// payloads (jobs/queues.ts) are a few fields each. Imported as a namespace so that the CLI's
// bundle (scripts/bundle-cli.mjs) keeps only the parts of zod we use (580 KB → 140 KB).
z.config({ jitless: true });

const lang = z.enum(['fr', 'nl', 'en', 'de']);
const isoDate = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2}))?$/,
    'expected a date such as 2024-01-05, or a time with its offset (2024-01-05T09:00:00+01:00)',
  );
const path = z.string().min(1);
const regexSource = z.string().refine((s) => {
  try {
    new RegExp(s);
    return true;
  } catch {
    return false;
  }
}, 'not a valid regular expression');

export const settingsSchema = z
  .object({
    redis: z
      .object({
        url: z.string().default('redis://127.0.0.1:6379'),
        /** BullMQ key prefix: several deployments (or tests) can share one Redis. */
        prefix: z
          .string()
          .regex(/^[\w.-]+$/)
          .default('mw'),
      })
      .strict()
      .default({ url: 'redis://127.0.0.1:6379', prefix: 'mw' }),
    database: z
      .object({
        /** A file path (SQLite) or a postgres:// URL (PostgreSQL; `?schema=NAME` optional). */
        url: z.string().default('data/mediawatch.db'),
        /** PostgreSQL: connections per process, at most. */
        poolSize: z.number().int().min(1).max(100).default(10),
      })
      .strict()
      .prefault({}),
    http: z
      .object({
        userAgent: z
          .string()
          .default('mediawatch/0.1 (+https://github.com/mediawatch/mediawatch; media monitoring)'),
        timeoutMs: z.number().int().positive().default(20_000),
        maxRedirects: z.number().int().min(0).max(20).default(5),
        /** Limit on decoded (decompressed) bytes per response. */
        maxBytes: z
          .number()
          .int()
          .positive()
          .default(8 * 1024 * 1024),
      })
      .strict()
      .prefault({}),
    /** Where requests may go (docs/reliability.md): the address rule's exceptions. */
    network: z
      .object({
        /**
         * Host names or IP literals (as URLs spell them, without port) that may resolve to
         * private, loopback, link-local, unique-local or CGNAT addresses; by default none may.
         * Cloud metadata addresses are refused whatever this says.
         */
        allowPrivateHosts: z
          .array(
            z
              .string()
              .regex(/^(\[?[0-9a-f:.]+\]?|[a-z0-9.-]+)$/i, 'a host name or an IP address, no port'),
          )
          .default([]),
      })
      .strict()
      .prefault({}),
    browser: z
      .object({
        executablePath: z.string().nullable().default(null),
        /** Pages kept open and reused per worker process. */
        pages: z.number().int().min(1).max(16).default(2),
        navigationTimeoutMs: z.number().int().positive().default(30_000),
        /**
         * Renders a page (and its context, whose renderer process holds what the sites left
         * behind) serves before it is closed and a fresh one made: bounds Chromium's memory.
         */
        pageUses: z.number().int().min(1).default(50),
      })
      .strict()
      .prefault({}),
    worker: z
      .object({
        concurrency: z
          .object({
            discover: z.number().int().min(1).default(2),
            article: z.number().int().min(1).default(8),
            summarize: z.number().int().min(1).default(1),
            /** The alerts tick (jobs/alerts.ts): one is enough, deliveries are claimed atomically. */
            alerts: z.number().int().min(1).default(1),
            /** The reconcile tick (jobs/reconcile.ts): ledger against queues. */
            reconcile: z.number().int().min(1).default(1),
          })
          .strict()
          .prefault({}),
        /**
         * Worker threads that decode, parse and extract fetched pages (src/crawl/extract-pool.ts);
         * 0: on the article jobs' thread; auto: one on a machine with a second core.
         */
        extractThreads: z
          .union([z.literal('auto'), z.number().int().min(0).max(16)], {
            error: 'must be auto or a whole number of threads from 0 to 16',
          })
          .default('auto'),
        attempts: z.number().int().min(1).max(20).default(3),
        backoffMs: z.number().int().min(0).default(2_000),
        /** SIGTERM/SIGINT: active jobs get this long to finish, then the workers close hard. */
        shutdownTimeoutMs: z.number().int().min(0).default(30_000),
        /**
         * A job's lock (BullMQ lockDuration, ms), renewed every half of it while the job runs: the
         * jobs of a worker that died (SIGKILL, a lost machine) are free again once it expires.
         */
        lockMs: z.number().int().min(1_000).default(30_000),
        /** How often each worker requeues active jobs whose lock expired (stalledInterval, ms). */
        stalledCheckMs: z.number().int().min(500).default(30_000),
      })
      .strict()
      .prefault({}),
    /** Bounds on politeness waits (docs/reliability.md). */
    politeness: z
      .object({
        /** A robots.txt Crawl-delay longer than this is taken as this (ms). */
        maxCrawlDelayMs: z.number().int().min(0).default(30_000),
        /** An article job whose host is not free within this long is delayed, not held (ms). */
        maxWaitInJobMs: z.number().int().min(0).default(3_000),
        /** Host leases (maxConcurrent) expire this long after their holder stops renewing (ms). */
        hostLeaseMs: z.number().int().min(1_000).default(10_000),
      })
      .strict()
      .prefault({}),
    recrawl: z
      .object({
        /** Articles younger than this are revisited (conditional GET) to catch updates. */
        recentHours: z.number().min(0).default(48),
        /** How often a recent article is revisited. */
        everyMinutes: z.number().positive().default(60),
      })
      .strict()
      .prefault({}),
    schedule: z
      .object({
        /**
         * First discovery interval per outlet; it then adapts to how often it yields, between
         * minMinutes and maxMinutes. maxMinutes bounds how long a new article waits to be found
         * (issue 11: p95 under 5 minutes); scheduled runs send conditional GETs for feeds and
         * sitemaps, so a quiet outlet costs a few 304s per run.
         */
        everyMinutes: z.number().positive().default(2),
        minMinutes: z.number().positive().default(1),
        maxMinutes: z.number().positive().default(4),
      })
      .strict()
      .refine((s) => s.minMinutes <= s.maxMinutes, { message: 'minMinutes is above maxMinutes' })
      .prefault({}),
    /** Outgoing mail for event alerts (events' `alerts.email`). Never logged: holds a password. */
    smtp: z
      .object({
        host: z.string().min(1),
        port: z.number().int().min(1).max(65535).default(587),
        /** true: TLS from the start (port 465); false: STARTTLS when the server offers it. */
        secure: z.boolean().default(false),
        user: z.string().min(1).optional(),
        pass: z.string().min(1).optional(),
      })
      .strict()
      .refine((s) => (s.user === undefined) === (s.pass === undefined), {
        message: 'user and pass go together',
      })
      .optional(),
    /** The analysts' web app (`mediawatch serve`, and `start` when `web.enabled`). */
    web: z
      .object({
        host: z.string().min(1).default('127.0.0.1'),
        port: z.number().int().min(0).max(65535).default(8080),
        /** Serve the app beside the scheduler and the workers in `mediawatch start`. */
        enabled: z.boolean().default(true),
        /**
         * Behind a reverse proxy that terminates HTTPS: trust its X-Forwarded-* headers (true,
         * or the proxies' addresses / CIDR ranges); cookies are then Secure when the request
         * came over HTTPS.
         */
        trustProxy: z.union([z.boolean(), z.array(z.string().min(1))]).default(false),
        /** A session ends after this many minutes without a request… */
        sessionIdleMinutes: z.number().int().min(1).max(1440).default(60),
        /** …and this many hours after sign-in, whatever happens. */
        sessionMaxHours: z.number().int().min(1).max(720).default(12),
        /** Sign-in attempts per client address per minute. */
        loginPerMinute: z.number().int().min(1).max(1000).default(10),
        /** Failed sign-ins in a row before an account is locked for `lockMinutes`. */
        lockAfterFailures: z.number().int().min(1).max(100).default(5),
        lockMinutes: z.number().int().min(1).max(1440).default(15),
        /** Rows per page of the coverage list and the review queue. */
        pageSize: z.number().int().min(10).max(500).default(50),
      })
      .strict()
      .prefault({}),
    /** The ops endpoints of `worker` and `start`: /metrics (Prometheus), /healthz, /readyz. */
    metrics: z
      .object({
        /** null: no endpoint; 0: a free port (logged). METRICS_PORT overrides. */
        port: z.number().int().min(0).max(65535).nullable().default(null),
        host: z.string().min(1).default('127.0.0.1'),
      })
      .strict()
      .prefault({}),
    log: z
      .object({
        level: z
          .enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'])
          .default('info'),
      })
      .strict()
      .prefault({}),
  })
  .strict();

export const outletSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and dashes'),
    name: z.string().min(1),
    baseUrl: z.url({ protocol: /^https?$/ }),
    languages: z.array(lang).min(1),
    fetch: z.enum(['http', 'browser', 'auto']).default('auto'),
    /** A wire agency (Belga): its articles are the originals that other outlets pick up. */
    wire: z.boolean().default(false),
    /**
     * Other hosts of the outlet that requests may reach besides baseUrl's (a CDN, a www/m
     * variant, a feed host): `host`, `host:port`, or `*.domain` for its subdomains. Every
     * request, redirect hop and browser request must be on one of these (docs/reliability.md).
     */
    hosts: z
      .array(
        z
          .string()
          .regex(
            /^(\*\.)?([a-z0-9-]+\.)*[a-z0-9-]+(:\d{1,5})?$|^\[[0-9a-f:.]+\](:\d{1,5})?$/i,
            'a host name, host:port, *.domain or [IPv6]',
          )
          .transform((h) => h.toLowerCase()),
      )
      .default([]),
    /** Audience figure analysts keep for the outlet (readers or viewers); reports sum it as reach. */
    audience: z.number().int().min(0).optional(),
    rateLimit: z
      .object({
        requestsPerSecond: z.number().positive().max(1000).default(1),
        /** Most requests in flight to the outlet's host, over all worker processes. */
        maxConcurrent: z.number().int().min(1).max(64).default(2),
      })
      .strict()
      .prefault({}),
    discovery: z
      .object({
        robots: z.boolean().default(true),
        sitemaps: z.array(path).default([]),
        feeds: z.array(path).default([]),
        pages: z.array(path).default(['/']),
        /** Regular expression over the URL path (and query) that marks article links on pages. */
        articlePattern: regexSource.optional(),
        /**
         * Regular expression over the URL path (and query) of listing pages to follow from
         * `pages` (sections, pagination). Without it, only the configured pages are read.
         */
        sectionPattern: regexSource.optional(),
        /** Most candidate URLs one discovery run takes from this outlet. */
        maxUrls: z.number().int().positive().default(500),
        /** Most listing pages (configured pages and followed sections) read per run. */
        maxPages: z.number().int().positive().default(20),
        /** Most section-link hops from a configured page (0: the configured pages only). */
        maxDepth: z.number().int().min(0).default(2),
        /** Longest URL followed or taken as a candidate, in characters. */
        maxUrlLength: z.number().int().min(64).default(2048),
        /** A path segment repeated more often than this marks a crawler trap (/a/b/b/b/). */
        maxSegmentRepeats: z.number().int().min(1).default(2),
        /** Most listing pages of one path that differ only in the query (?page=, ?month=). */
        maxQueryVariants: z.number().int().min(1).default(5),
        /** The outlet's own search page, filled with the events' search terms. */
        search: z
          .object({
            /** e.g. "/search?q={terms}"; relative to baseUrl. */
            url: z.string().includes('{terms}', { message: 'needs a {terms} placeholder' }),
            /** Most search result pages read per run (one per term). */
            maxPages: z.number().int().positive().default(2),
          })
          .strict()
          .optional(),
      })
      .strict()
      .prefault({}),
    /** Consent recipe for the browser path; platforms and their selectors: docs/outlets.md. */
    consent: z
      .object({
        platform: z
          .enum(['didomi', 'onetrust', 'sourcepoint', 'privacy-gate', 'other'])
          .default('other'),
        /** Selector of the button that accepts the consent banner. */
        click: z.string().min(1).optional(),
        /** Selector of the iframe that holds the button (Sourcepoint): the click happens inside. */
        frame: z.string().min(1).optional(),
        /** Selector that appears once the article is rendered. */
        waitFor: z.string().min(1).optional(),
      })
      .strict()
      // A privacy gate (a redirect to a consent host) is recorded as gated; it is clicked
      // through only where the recipe names a button.
      .refine((c) => c.click !== undefined || c.platform === 'privacy-gate', {
        message: 'click is required (only a privacy-gate recipe may go without one)',
        path: ['click'],
      })
      .optional(),
    selectors: z
      .object({ body: z.string().min(1).optional(), title: z.string().min(1).optional() })
      .strict()
      .optional(),
  })
  .strict();

/** The languages an event may be limited to (the languages extraction detects). */
export const EVENT_LANGUAGES = ['fr', 'nl', 'en', 'de'] as const;

export const eventSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and dashes'),
    name: z.string().min(1),
    window: z
      .object({ from: isoDate, to: isoDate.optional() })
      .strict()
      .refine((w) => !w.to || w.from <= w.to, { message: 'window.from is after window.to' }),
    query: z.string().min(1),
    /**
     * Only articles in these languages match (fr, nl, en, de); absent: every language. An
     * article whose language is unknown matches only events without `languages`.
     */
    languages: z
      .array(z.enum(EVENT_LANGUAGES))
      .min(1, 'name at least one language, or leave languages out for all')
      .refine((l) => new Set(l).size === l.length, { message: 'a language is listed twice' })
      .optional(),
    aliases: z.record(z.string(), z.string()).default({}),
    /** Terms to type into outlets' own search pages (outlet `discovery.search`). */
    search: z.array(z.string().min(1)).default([]),
    /** New coverage is announced once per mention: at once, or in an hourly or daily digest. */
    alerts: z
      .object({
        /** Digest periods are UTC hours and days; a digest holds the mentions of ended periods. */
        mode: z.enum(['immediate', 'hourly', 'daily']).default('immediate'),
        /** Slack-compatible incoming webhook (JSON `{ text, blocks }`). */
        webhook: z.url({ protocol: /^https?$/ }).optional(),
        /** Needs `smtp` in mediawatch.yaml. */
        email: z
          .object({
            to: z.array(z.email()).min(1),
            /** An address, or "Name <address>". */
            from: z.string().regex(/@/, 'expected an e-mail address'),
          })
          .strict()
          .optional(),
      })
      .strict()
      .refine((a) => a.webhook !== undefined || a.email !== undefined, {
        message: 'alerts need a webhook, an email, or both',
      })
      .optional(),
  })
  .strict();

export const aliasFileSchema = z.record(
  z.string().regex(/^[a-z0-9_-]+$/i, 'alias names are letters, digits, _ and -'),
  z.string().min(1),
);

export type Settings = z.infer<typeof settingsSchema>;
export type OutletConfig = z.infer<typeof outletSchema>;
export type EventConfig = z.infer<typeof eventSchema>;
export type AlertsConfig = NonNullable<EventConfig['alerts']>;
export type SmtpSettings = NonNullable<Settings['smtp']>;
export type RecrawlSettings = Settings['recrawl'];
export type FetchMode = OutletConfig['fetch'];
