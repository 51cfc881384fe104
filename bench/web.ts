// The web part of `npm run bench` (`--only web`, issue 9): how long the analysts' web app takes
// per page with 50,000 mentions over 20 events. Not a test: nothing here is asserted.
//
// Fill: a fresh SQLite file (or, with `--database postgres`, a fresh PostgreSQL schema, dropped
// after), 6 outlets in fr/nl/en, 20 app events (store.saveAppEvent, definitions valid per
// eventSchema) and 25,000 generated articles over the last 30 days, each a mention of two
// events (store.recordArticle, as the crawl writes them): 2,500 mentions per event. Titles,
// summaries and sentences are generated from the word lists below (our own words, no real
// article). About one mention in ten is reviewed (relevant, with a tone), one in forty marked
// not relevant, one in twenty-five tagged. Then each event's summary is stored (refreshCoverage,
// as the summarize job does after a crawl). One analyst.
//
// Serve: the runtime as tests open it (openRuntime, no workers, a fresh Redis prefix), the app
// on a free port (startWebServer), signed in with a plain POST /login; every request carries
// the session cookie.
//
// Measure, per page kind: a warm-up, then N sequential requests cycling over the 20 events (so
// a filter's first view of an event, which computes its summary, is among them). The server's
// time comes from the `Server-Timing: app;dur=…` header app/web/server.ts sets (from the
// request's arrival to the reply being sent, rendering included); the client's wall time is
// kept too. The dashboard's very first view of each event (the stored summary kept to the
// view while the request waits, nothing cached in the app yet) is measured before any warm-up,
// as its own row.
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { DEFAULT_POSTGRES_URL, dropSchema, freshSchema } from './postgres.js';
import { stringify } from 'yaml';
import { openRuntime } from '../app/runtime.js';
import { hashPassword } from '../app/web/passwords.js';
import { startWebServer } from '../app/web/server.js';
import { obliterateAll } from '../jobs/queues.js';
import { refreshCoverage } from '../src/coverage/event-coverage.js';
import { loadConfig, type Config } from '../src/config/load.js';
import { eventSchema } from '../src/config/schema.js';
import { createLogger } from '../src/log.js';
import type { HitSentence, TermHit } from '../src/match/types.js';
import type { MentionDraft, Store } from '../src/store/index.js';

export interface WebBenchOptions {
  database: 'sqlite' | 'postgres';
  /** Measured requests per page kind (default 60). */
  requests?: number;
  /** Mentions in all (default 50,000: 20 events, two per article). */
  mentions?: number;
  /** PostgreSQL server for `database: 'postgres'` (a fresh schema, dropped after). */
  postgresUrl?: string;
}

const EVENTS = 20;
const DAYS = 30;
const GOAL_MS = 200;
const PASSWORD = 'bench-analyst-password';
const ANALYST = 'analyst@bench.example';
const say = (s: string): void => void process.stderr.write(`${s}\n`);

type Lang = 'fr' | 'nl' | 'en';

const OUTLETS: Array<{
  id: string;
  name: string;
  languages: Lang[];
  audience: number;
  wire?: true;
}> = [
  { id: 'ochtend', name: 'De Ochtendkrant', languages: ['nl'], audience: 310_000 },
  { id: 'gazette', name: 'La Gazette du Soir', languages: ['fr'], audience: 240_000 },
  { id: 'stadsradio', name: 'Stadsradio', languages: ['nl'], audience: 90_000 },
  { id: 'quotidien', name: 'Le Quotidien Régional', languages: ['fr'], audience: 150_000 },
  { id: 'capital', name: 'Capital Post', languages: ['en'], audience: 60_000 },
  { id: 'agence', name: 'Agence Benelux', languages: ['fr', 'nl'], audience: 0, wire: true },
];

/** The 20 topics, one per event: the term each language's articles use. */
const TOPICS: Array<Record<Lang, string>> = [
  { fr: 'tram de Liège', nl: 'tram van Luik', en: 'Liège tram' },
  { fr: 'port d’Anvers', nl: 'haven van Antwerpen', en: 'port of Antwerp' },
  { fr: 'tunnel Léopold', nl: 'Leopoldtunnel', en: 'Leopold tunnel' },
  { fr: 'piétonnier', nl: 'voetgangerszone', en: 'pedestrian zone' },
  { fr: 'réforme fiscale', nl: 'fiscale hervorming', en: 'tax reform' },
  { fr: 'grève des cheminots', nl: 'spoorstaking', en: 'rail strike' },
  { fr: 'festival d’été', nl: 'zomerfestival', en: 'summer festival' },
  { fr: 'nouvel hôpital', nl: 'nieuw ziekenhuis', en: 'new hospital' },
  { fr: 'inondations', nl: 'overstromingen', en: 'floods' },
  { fr: 'budget communal', nl: 'gemeentebegroting', en: 'city budget' },
  { fr: 'stade national', nl: 'nationaal stadion', en: 'national stadium' },
  { fr: 'plan vélo', nl: 'fietsplan', en: 'cycling plan' },
  { fr: 'zone de basses émissions', nl: 'lage-emissiezone', en: 'low emission zone' },
  { fr: 'marché de Noël', nl: 'kerstmarkt', en: 'Christmas market' },
  { fr: 'éolien en mer', nl: 'windmolenpark op zee', en: 'offshore wind farm' },
  { fr: 'loyers étudiants', nl: 'studentenhuur', en: 'student rents' },
  { fr: 'aéroport régional', nl: 'regionale luchthaven', en: 'regional airport' },
  { fr: 'rénovation du palais', nl: 'renovatie van het paleis', en: 'palace renovation' },
  { fr: 'canal de Charleroi', nl: 'kanaal van Charleroi', en: 'Charleroi canal' },
  { fr: 'fusion des communes', nl: 'gemeentefusie', en: 'municipal merger' },
];

const WORDS: Record<
  Lang,
  { who: string[]; did: string[]; when: string[]; why: string[]; quote: string[] }
> = {
  fr: {
    who: ['Le conseil communal', 'La ministre', 'Les riverains', 'Le bourgmestre', 'Un collectif'],
    did: ['relance le dossier du', 's’oppose au', 'présente un calendrier pour le', 'chiffre le'],
    when: ['cette semaine', 'lundi', 'après des mois de débat', 'dès la rentrée'],
    why: ['faute de budget', 'sous la pression des habitants', 'pour respecter les délais'],
    quote: ['Nous voulons avancer vite', 'Rien n’est encore décidé', 'Le calendrier tiendra'],
  },
  nl: {
    who: ['De gemeenteraad', 'De minister', 'Buurtbewoners', 'De burgemeester', 'Een actiegroep'],
    did: ['heropent het dossier over de', 'verzet zich tegen de', 'stelt een planning voor de'],
    when: ['deze week', 'maandag', 'na maanden van debat', 'vanaf september'],
    why: ['bij gebrek aan budget', 'onder druk van de bewoners', 'om de termijnen te halen'],
    quote: ['We willen snel vooruit', 'Er is nog niets beslist', 'De planning blijft staan'],
  },
  en: {
    who: ['The city council', 'The minister', 'Residents', 'The mayor', 'A citizens’ group'],
    did: ['revives plans for the', 'opposes the', 'sets out a timetable for the', 'costs the'],
    when: ['this week', 'on Monday', 'after months of debate', 'from September'],
    why: ['for lack of funds', 'under pressure from residents', 'to meet the deadlines'],
    quote: ['We want to move quickly', 'Nothing has been decided yet', 'The timetable will hold'],
  },
};

const pick = <T>(xs: readonly T[], n: number): T => xs[n % xs.length]!;
const isoDay = (d: Date): string => d.toISOString().slice(0, 10);

/** A sentence holding `term`, as the matcher reports it (offsets within the field). */
function hitSentence(field: 'title' | 'body', text: string, at: number, term: string): HitSentence {
  const start = text.indexOf(term);
  return {
    field,
    text,
    start: at,
    end: at + text.length,
    marks: start >= 0 ? [[start, start + term.length]] : [],
  };
}

interface Generated {
  title: string;
  lead: string;
  body: string;
  drafts: MentionDraft[];
}

/** One generated article about two topics, in `lang`, and its two mentions. */
function generate(n: number, lang: Lang, events: [number, number], eventIds: string[]): Generated {
  const w = WORDS[lang];
  const [a, b] = events.map((e) => TOPICS[e]![lang]) as [string, string];
  const title = `${pick(w.who, n)} ${pick(w.did, n >> 2)} ${a} (${n})`;
  const lead = `${pick(w.who, n + 1)} ${pick(w.did, n + 3)} ${a} ${pick(w.when, n)}, ${pick(w.why, n)}.`;
  const middle = `${pick(w.who, n + 2)} ${pick(w.did, n + 1)} ${b} ${pick(w.when, n + 1)}.`;
  const quote = `« ${pick(w.quote, n)} », ${pick(w.when, n + 2)}.`;
  const body = [lead, middle, quote, `${pick(w.why, n + 1)}.`].join('\n\n');
  const drafts = events.map((e, i): MentionDraft => {
    const term = i === 0 ? a : b;
    const sentence = i === 0 ? lead : middle;
    const at = body.indexOf(sentence);
    const hits: TermHit[] = [
      {
        field: 'body',
        term,
        start: at + sentence.indexOf(term),
        end: at + sentence.indexOf(term) + term.length,
      },
    ];
    const sentences = [hitSentence('body', sentence, at, term)];
    if (i === 0) {
      hits.unshift({
        field: 'title',
        term,
        start: title.indexOf(term),
        end: title.indexOf(term) + term.length,
      });
      sentences.unshift(hitSentence('title', title, 0, term));
    }
    return {
      eventId: eventIds[e]!,
      score: i === 0 ? 3 : 1,
      hits,
      sentences,
      summary: sentence,
    };
  });
  return { title, lead, body, drafts };
}

function percentile(xs: number[], p: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((x, y) => x - y);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}

interface Kind {
  name: string;
  /** The path of the i-th request (event i mod 20). */
  path: (event: string, i: number) => string;
}

interface Row {
  name: string;
  n: number;
  server: number[];
  client: number[];
  bytes: number;
}

/** Fills an empty store (exported for profiling the queries on the same data). */
export async function fill(
  store: Store,
  opts: { mentions: number; now: Date; config: Pick<Config, 'outlets'> },
): Promise<string[]> {
  const { now } = opts;
  const at = now.toISOString();
  const from = isoDay(new Date(now.getTime() - (DAYS + 10) * 86_400_000));
  const to = isoDay(new Date(now.getTime() + 5 * 86_400_000));
  const eventIds: string[] = [];
  for (let e = 0; e < EVENTS; e++) {
    const t = TOPICS[e]!;
    const id = `bench-${String(e + 1).padStart(2, '0')}-${t.en.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
    const definition = eventSchema.parse({
      id,
      name: `${t.en} (${t.fr} / ${t.nl})`,
      window: { from, to },
      query: `"${t.fr}" OR "${t.nl}" OR "${t.en}"`,
    });
    await store.saveAppEvent({ id, definition, actor: ANALYST, at });
    eventIds.push(id);
  }
  await store.upsertOutlets(
    OUTLETS.map((o) => ({
      id: o.id,
      name: o.name,
      baseUrl: `https://${o.id}.example`,
      languages: o.languages,
    })),
  );

  const articles = Math.ceil(opts.mentions / 2);
  const started = Date.now();
  const ids: Array<{ id: number; events: [number, number] }> = [];
  // SQLite writes one at a time anyway; PostgreSQL takes a few transactions at once.
  const batch = 8;
  for (let i = 0; i < articles; i += batch) {
    const writes: Array<Promise<void>> = [];
    for (let n = i; n < Math.min(articles, i + batch); n++) {
      const outlet = OUTLETS[n % OUTLETS.length]!;
      const lang = pick(outlet.languages, n >> 3);
      const e1 = n % EVENTS;
      const e2 = (e1 + 1 + ((n >> 5) % (EVENTS - 1))) % EVENTS;
      const g = generate(n, lang, [e1, e2], eventIds);
      // Spread over the last 30 days, one in fifty undated (listed under when it matched).
      const published =
        n % 50 === 7
          ? null
          : new Date(now.getTime() - ((n * 7919) % (DAYS * 1440)) * 60_000).toISOString();
      const url = `https://${outlet.id}.example/${lang}/${n}`;
      writes.push(
        store
          .recordArticle({
            article: {
              url,
              outletId: outlet.id,
              fetchedUrl: url,
              fetchMode: 'http',
              title: g.title,
              lead: g.lead,
              body: g.body,
              published,
              modified: null,
              authors: [pick(['A. Peeters', 'M. Dubois', 'J. Smith', 'L. Janssens'], n)],
              section: pick(['Regio', 'Politique', 'City'], n),
              language: lang,
              image: null,
              siteName: outlet.name,
              access: 'free',
              wireCredit: outlet.wire ? null : n % 9 === 0 ? 'Agence Benelux' : null,
            },
            mentions: g.drafts,
            unmatchedEventIds: [],
            ledger: { url, outletId: outlet.id, note: null, revisitAt: null },
          })
          .then((saved) => void ids.push({ id: saved.id, events: [e1, e2] })),
      );
    }
    await Promise.all(writes);
    if (i % 5000 === 0 && i > 0)
      say(`  web: ${i} articles (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  }
  say(
    `  web: ${articles} articles, ${articles * 2} mentions in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );

  const reviewStarted = Date.now();
  let overrides = 0;
  const tones = ['positive', 'neutral', 'negative'] as const;
  for (const [k, a] of ids.entries()) {
    for (const [j, e] of a.events.entries()) {
      const m = 2 * k + j;
      const patch =
        m % 40 === 3
          ? { relevant: false }
          : m % 10 === 0
            ? { relevant: true, tone: pick(tones, m >> 4) }
            : m % 25 === 1
              ? { addTags: [pick(['budget', 'interview', 'opinion', 'follow-up'], m >> 5)] }
              : null;
      if (!patch) continue;
      await store.overrideMention({
        eventId: eventIds[e]!,
        articleId: a.id,
        patch: { ...patch, reviewedBy: ANALYST },
      });
      overrides++;
    }
  }
  say(`  web: ${overrides} overrides in ${((Date.now() - reviewStarted) / 1000).toFixed(1)} s`);
  // What the summarize job does after a crawl: each event's summary (story groups, quotations)
  // stored, which the dashboard keeps to its filter instead of grouping afresh.
  const summarized = Date.now();
  for (const id of eventIds) await refreshCoverage(store, opts.config, id);
  say(`  web: ${EVENTS} stored summaries in ${((Date.now() - summarized) / 1000).toFixed(1)} s`);
  await store.addUser({
    email: ANALYST,
    role: 'analyst',
    passwordHash: await hashPassword(PASSWORD),
  });
  return eventIds;
}

async function signIn(base: string): Promise<string> {
  const res = await fetch(`${base}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email: ANALYST, password: PASSWORD, next: '/' }).toString(),
  });
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .find((c) => c.startsWith('mw_session='));
  if (res.status !== 303 || !cookie)
    throw new Error(`sign-in answered ${res.status} without a session`);
  return cookie;
}

async function timed(
  base: string,
  cookie: string,
  path: string,
): Promise<{ server: number; client: number; bytes: number }> {
  const t0 = performance.now();
  const res = await fetch(`${base}${path}`, { headers: { cookie }, redirect: 'manual' });
  const body = Buffer.from(await res.arrayBuffer());
  const client = performance.now() - t0;
  if (res.status !== 200)
    throw new Error(`GET ${path} answered ${res.status}: ${body.toString().slice(0, 300)}`);
  const dur = /app;dur=([\d.]+)/.exec(res.headers.get('server-timing') ?? '')?.[1];
  if (dur === undefined) throw new Error(`GET ${path}: no Server-Timing header`);
  return { server: Number(dur), client, bytes: body.length };
}

const ms = (x: number): string => (Number.isNaN(x) ? '—' : x.toFixed(1));

function table(rows: Row[]): string {
  const head = [
    'page',
    'requests',
    'server p50 (ms)',
    'server p95 (ms)',
    'server max (ms)',
    'client p50 (ms)',
    'client p95 (ms)',
    'KB per page',
    `p95 < ${GOAL_MS} ms`,
  ];
  const lines = rows.map((r) => [
    r.name,
    String(r.n),
    ms(percentile(r.server, 50)),
    ms(percentile(r.server, 95)),
    ms(Math.max(...r.server)),
    ms(percentile(r.client, 50)),
    ms(percentile(r.client, 95)),
    (r.bytes / r.n / 1024).toFixed(0),
    percentile(r.server, 95) < GOAL_MS ? 'yes' : '**no**',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const fmt = (cells: string[]): string =>
    `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  return [
    fmt(head),
    `| ${widths.map((w, i) => (i === 0 ? '-'.repeat(w) : `${'-'.repeat(w - 1)}:`)).join(' | ')} |`,
    ...lines.map(fmt),
  ].join('\n');
}

export async function runWebPart(opts: WebBenchOptions): Promise<string> {
  const requests = Math.max(1, opts.requests ?? 60);
  const mentions = Math.max(EVENTS * 2, opts.mentions ?? 50_000);
  const dir = mkdtempSync(join(tmpdir(), 'mw-bench-web-'));
  const prefix = `mw-bench-web-${randomUUID().slice(0, 8)}`;
  const pgUrl = opts.postgresUrl ?? DEFAULT_POSTGRES_URL;
  const pgSchema = opts.database === 'postgres' ? freshSchema(pgUrl, 'bench') : null;
  const databaseUrl = pgSchema?.url ?? join(dir, 'web.db');
  mkdirSync(join(dir, 'outlets'));
  mkdirSync(join(dir, 'events'));
  writeFileSync(
    join(dir, 'mediawatch.yaml'),
    stringify({ redis: { prefix }, database: { url: databaseUrl }, log: { level: 'warn' } }),
  );
  for (const o of OUTLETS)
    writeFileSync(
      join(dir, 'outlets', `${o.id}.yaml`),
      stringify({
        id: o.id,
        name: o.name,
        baseUrl: `https://${o.id}.example`,
        languages: o.languages,
        fetch: 'http',
        ...(o.wire ? { wire: true } : { audience: o.audience }),
        discovery: { pages: ['/'] },
      }),
    );
  const quiet = new Writable({ write: (_c, _e, cb) => cb() });
  const log = createLogger({ level: 'warn', pretty: false, destination: quiet });
  const config = loadConfig(dir);
  const now = new Date();
  const loadAtStart = loadavg();
  const { rt, close } = await openRuntime(config, log, { work: false });
  let server: Awaited<ReturnType<typeof startWebServer>> | null = null;
  try {
    say(
      `web: filling ${opts.database === 'postgres' ? 'PostgreSQL' : 'SQLite'} with ${mentions} mentions over ${EVENTS} events …`,
    );
    const eventIds = await fill(rt.store, { mentions, now, config });
    server = await startWebServer(rt, { port: 0, host: '127.0.0.1' });
    const base = server.url;
    const cookie = await signIn(base);
    const ev = (i: number): string => eventIds[i % eventIds.length]!;
    const some = await rt.store.mentionPage({ eventId: ev(0), filter: {}, offset: 0, limit: 200 });
    const articleIds = some.rows.map((r) => r.articleId);

    const filter = 'outlet=gazette&outlet=agence&language=fr&days=7';
    const kinds: Kind[] = [
      { name: 'events list (/)', path: () => '/' },
      { name: 'dashboard', path: (e) => `/events/${e}` },
      {
        name: 'dashboard, filtered (2 outlets, fr, 7 days)',
        path: (e) => `/events/${e}?${filter}`,
      },
      { name: 'dashboard, page 20', path: (e) => `/events/${e}?page=20` },
      { name: 'review queue', path: (e) => `/events/${e}/review` },
      { name: 'review queue, page 10', path: (e) => `/events/${e}/review?page=10` },
      {
        name: 'article page',
        path: (_e, i) => `/articles/${articleIds[(i * 37) % articleIds.length]}?event=${ev(0)}`,
      },
      { name: 'export csv, filtered', path: (e) => `/events/${e}/export.csv?${filter}` },
      { name: 'export xlsx, filtered', path: (e) => `/events/${e}/export.xlsx?${filter}` },
      { name: 'export json, filtered', path: (e) => `/events/${e}/export.json?${filter}` },
      { name: 'export md, filtered', path: (e) => `/events/${e}/export.md?${filter}` },
    ];

    const rows: Row[] = [];
    // Each event's first dashboard view: the summary is computed while the request waits.
    const first: Row = {
      name: 'dashboard, first view of an event',
      n: 0,
      server: [],
      client: [],
      bytes: 0,
    };
    for (let i = 0; i < eventIds.length; i++) {
      const t = await timed(base, cookie, `/events/${ev(i)}`);
      first.server.push(t.server);
      first.client.push(t.client);
      first.bytes += t.bytes;
      first.n++;
    }
    rows.push(first);
    for (const kind of kinds) {
      // Warm-up on the first two events, then N requests over all twenty.
      for (let i = 0; i < 4; i++) await timed(base, cookie, kind.path(ev(i % 2), i));
      const row: Row = { name: kind.name, n: 0, server: [], client: [], bytes: 0 };
      for (let i = 0; i < requests; i++) {
        const t = await timed(base, cookie, kind.path(ev(i), i));
        row.server.push(t.server);
        row.client.push(t.client);
        row.bytes += t.bytes;
        row.n++;
      }
      say(`  web: ${kind.name}: p95 ${ms(percentile(row.server, 95))} ms`);
      rows.push(row);
    }
    const over = rows.filter((r) => percentile(r.server, 95) >= GOAL_MS).map((r) => r.name);
    return [
      `${opts.database === 'postgres' ? 'PostgreSQL' : 'SQLite'}, ${mentions} mentions over ${EVENTS} events (${Math.ceil(mentions / 2)} articles, 6 outlets, ${DAYS} days), ${requests} sequential requests per page after a warm-up, cycling over the events; ${cpus().length} CPUs, load average at start ${loadAtStart.map((l) => l.toFixed(2)).join(' ')}`,
      '',
      table(rows),
      '',
      over.length === 0
        ? `Every page under ${GOAL_MS} ms at p95 (server time).`
        : `Over ${GOAL_MS} ms at p95 (server time): ${over.join('; ')}.`,
      '',
    ].join('\n');
  } finally {
    await server?.close();
    await obliterateAll(rt.redis, prefix).catch(() => undefined);
    await close();
    rmSync(dir, { recursive: true, force: true });
    if (pgSchema) await dropSchema(pgUrl, pgSchema.schema);
  }
}

// `node dist/bench/web.js [--database sqlite|postgres] [--requests N]`: the part on its own.
if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const arg = (name: string): string | undefined => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : undefined;
  };
  process.stdout.write(
    await runWebPart({
      database: arg('database') === 'postgres' ? 'postgres' : 'sqlite',
      requests: Number(arg('requests') ?? 60),
      mentions: Number(arg('mentions') ?? 50_000),
      ...(process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL
        ? { postgresUrl: process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL }
        : {}),
    }),
  );
}
