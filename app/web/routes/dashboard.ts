// The coverage dashboard of one event (/events/:id): the report's summary (src/report/model.ts,
// the same numbers as every export) for the filtered mentions, and the filtered mention list
// paged through the store (mentionPage: a page of rows, never every mention).
//
// The summary costs: grouping thousands of mentions into stories takes seconds of CPU, so a view
// never groups: it keeps the event's stored summary (the summarize job's) to the filtered
// mentions (restrictSummary, one pass). Reading every mention of the event still costs, so the
// computed summary is cached in memory per (event, filter), with the state it was computed from
// (the catalogue's revision, the stored coverage's updatedAt, the mention count and the
// overrides' count and latest change). A view whose state changed shows the cached summary at
// once and recomputes it in the background ("being updated"); only the first view of a
// filter computes while the request waits.
import type { FastifyInstance } from 'fastify';
import type { CatalogEntry } from '../../../src/events/catalog.js';
import { MwError } from '../../../src/errors.js';
import { parseFilter, type MentionFilter, REVIEW_STATES } from '../../../src/report/filter.js';
import { count, percent, reachText, shortTime, windowLabel } from '../../../src/report/format.js';
import { refreshCoverage } from '../../../src/coverage/event-coverage.js';
import { gatherReport } from '../../../src/report/gather.js';
import { buildReport, type ArticleRow, type CoverageReport } from '../../../src/report/model.js';
import { EXPORT_FORMATS } from '../../../src/report/render.js';
import { timelineChart } from '../../../src/report/svg-chart.js';
import type { MentionListRow } from '../../../src/store/types.js';
import type { CoverageSummary } from '../../../src/summarize/coverage.js';
import type { WebContext } from '../context.js';
import { html, qs, raw, type Html } from '../html.js';
import { can, page, sendPage } from '../layout.js';
import {
  articleHref,
  badRequest,
  checkboxes,
  markedSentence,
  notFound,
  pager,
  selectField,
  STORY_GROUP_COLUMNS,
  storyMemberRow,
  tableHead,
} from '../views.js';

export const EVENT_ID = /^[a-z0-9][a-z0-9-]*$/;

/** The catalogue entry of an event id, or null (a malformed id is never looked up). */
export async function findEntry(ctx: WebContext, id: string): Promise<CatalogEntry | null> {
  if (!EVENT_ID.test(id) || id.length > 200) return null;
  const catalog = await ctx.catalog();
  return catalog.entries.find((e) => e.event.id === id) ?? null;
}

/** The filter parameters the dashboard, its paging links and the exports share. */
export const FILTER_KEYS = ['outlet', 'language', 'days', 'from', 'to', 'state', 'tag', 'text'];

export type RawQuery = Record<string, string | readonly string[] | undefined>;

/** The filter's own parameters of a query string (to carry into links), values as strings. */
export function filterParams(query: unknown): Record<string, string | string[]> {
  const q = (query ?? {}) as Record<string, unknown>;
  const out: Record<string, string | string[]> = {};
  for (const k of FILTER_KEYS) {
    const v = q[k];
    const list = [v].flat().filter((x): x is string => typeof x === 'string' && x.trim() !== '');
    if (list.length === 0) continue;
    out[k] = k === 'outlet' || k === 'language' ? list : (list.at(-1) ?? '');
  }
  return out;
}

/** parseFilter over a request's query; a bad value answers 400 naming the parameter. */
export function requestFilter(ctx: WebContext, query: unknown): MentionFilter {
  try {
    return parseFilter(filterParams(query), ctx.rt.now());
  } catch (err) {
    if (err instanceof MwError) throw badRequest(err.message);
    throw err;
  }
}

/**
 * The event's stored coverage summary, whose story groups and quotations every view keeps to
 * its filter (the summarize job keeps it current; computed and stored here once when an event
 * has none yet): a web request never groups stories afresh.
 */
export async function storedSummary(ctx: WebContext, eventId: string): Promise<CoverageSummary> {
  const { rt } = ctx;
  const stored = await rt.store.coverage(eventId);
  if (stored) return stored.summary;
  return (await refreshCoverage(rt.store, (await ctx.catalog()).config, eventId)).summary;
}

// ---- The summary cache ----

interface CachedSummary {
  state: string;
  report: CoverageReport;
  refreshing: Promise<void> | null;
}

const MAX_CACHED = 64;

export interface SummaryResult {
  report: CoverageReport;
  /** Shown while a newer summary is computed. */
  stale: boolean;
}

export class SummaryCache {
  private readonly entries = new Map<string, CachedSummary>();
  private readonly pending = new Map<string, Promise<CoverageReport>>();

  constructor(private readonly ctx: WebContext) {}

  /** What the summary depends on, read from the store; and the stored summary read for it. */
  private async state(
    eventId: string,
  ): Promise<{ state: string; stored: CoverageSummary | undefined }> {
    const { rt } = this.ctx;
    const [catalog, coverage, overrides, all] = await Promise.all([
      this.ctx.catalog(),
      rt.store.coverage(eventId),
      rt.store.mentionOverrides(eventId),
      rt.store.mentionPage({ eventId, filter: {}, offset: 0, limit: 1 }),
    ]);
    let latest = '';
    for (const o of overrides) if (o.updatedAt > latest) latest = o.updatedAt;
    return {
      state: [
        catalog.revision,
        coverage?.updatedAt ?? '',
        all.total,
        overrides.length,
        latest,
      ].join('|'),
      stored: coverage?.summary,
    };
  }

  private compute(
    eventId: string,
    filter: MentionFilter,
    stored: CoverageSummary | undefined,
  ): Promise<CoverageReport> {
    const key = `${eventId}\n${JSON.stringify(filter)}`;
    const running = this.pending.get(key);
    if (running) return running;
    const p = (async () => {
      const catalog = await this.ctx.catalog();
      // The stored summary state() just read (read it again only when there was none).
      const grouped = stored ?? (await storedSummary(this.ctx, eventId));
      // No article rows: the list below pages them from the store.
      const input = await gatherReport(this.ctx.rt.store, catalog.config, eventId, filter, {
        grouped,
        rows: false,
      });
      // The article rows are the list's business (paged from the store): not kept in memory.
      return { ...buildReport(input), articles: [] as ArticleRow[] };
    })().finally(() => this.pending.delete(key));
    this.pending.set(key, p);
    return p;
  }

  async get(eventId: string, filter: MentionFilter): Promise<SummaryResult> {
    const key = `${eventId}\n${JSON.stringify(filter)}`;
    const { state, stored } = await this.state(eventId);
    const hit = this.entries.get(key);
    if (hit && hit.state === state) return { report: hit.report, stale: false };
    if (hit) {
      hit.refreshing ??= this.compute(eventId, filter, stored)
        .then((report) => this.put(key, { state, report, refreshing: null }))
        .catch((err: unknown) => {
          hit.refreshing = null;
          this.ctx.rt.log.warn({ err, eventId }, 'dashboard summary refresh failed');
        });
      return { report: hit.report, stale: true };
    }
    const report = await this.compute(eventId, filter, stored);
    this.put(key, { state, report, refreshing: null });
    return { report, stale: false };
  }

  private put(key: string, entry: CachedSummary): void {
    this.entries.delete(key);
    this.entries.set(key, entry);
    while (this.entries.size > MAX_CACHED) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }
}

const caches = new WeakMap<WebContext, SummaryCache>();

/** One summary cache per app (shared by the dashboard and the article page). */
export function summaryCache(ctx: WebContext): SummaryCache {
  let c = caches.get(ctx);
  if (!c) {
    c = new SummaryCache(ctx);
    caches.set(ctx, c);
  }
  return c;
}

// ---- Rendering ----

function cards(r: CoverageReport): Html {
  const t = r.totals;
  const items: Array<[string, string]> = [
    ['articles', count(t.articles)],
    ['outlets', count(t.outlets)],
    ['languages', count(t.languages)],
    ['reach', reachText(t)],
    ['not relevant', count(t.notRelevant)],
  ];
  return html`<ul class="cards" aria-label="Totals">
    ${items.map(([k, v]) => html`<li class="card"><span class="value">${v}</span> <span class="label">${k}</span></li>`)}
  </ul>`;
}

function charts(r: CoverageReport): Html {
  if (r.totals.articles === 0) return html``;
  const names = new Map(r.outlets.map((o) => [o.id, o.name]));
  const { days, byOutlet, byLanguage } = r.timeline;
  // timelineChart (src/report/svg-chart.ts) escapes every text it writes and uses presentation
  // attributes and classes only (no style=""): markup of our own, safe for raw().
  return html`<section aria-labelledby="h-charts">
    <h2 id="h-charts">Articles per day</h2>
    <figure class="chart">
      ${raw(
        timelineChart({
          title: 'Articles per day by outlet',
          days,
          series: byOutlet,
          label: (k) => names.get(k) ?? k,
        }),
      )}
    </figure>
    <figure class="chart">
      ${raw(
        timelineChart({
          title: 'Articles per day by language',
          days,
          series: byLanguage,
          label: (k) => k,
        }),
      )}
    </figure>
  </section>`;
}

function firstToReport(r: CoverageReport, eventId: string): Html {
  const f = r.firstToReport;
  if (!f) return html``;
  return html`<p class="first">
    First to report: <b>${f.outletName}</b>, ${shortTime(f.published)} ·
    <a href="${articleHref(f.articleId, eventId)}">${f.title ?? '(untitled)'}</a>
  </p>`;
}

function outletsTable(r: CoverageReport): Html {
  if (r.outlets.length === 0) return html``;
  return html`<section aria-labelledby="h-outlets">
    <h2 id="h-outlets">Outlets and reach</h2>
    <table>
      ${tableHead(['Outlet', ['Articles', 'num'], 'Languages', ['Audience', 'num'], ['Reach', 'num']])}
      <tbody>
        ${r.outlets.map(
          (o) =>
            html`<tr>
              <td>${o.name}</td>
              <td class="num">${count(o.articles)}</td>
              <td>${o.languages.join(', ')}</td>
              <td class="num">${count(o.audience)}</td>
              <td class="num">${count(o.reach)}</td>
            </tr>`,
        )}
      </tbody>
    </table>
  </section>`;
}

/** Groups and members shown on the page; the exports list them all. */
const SHOWN_GROUPS = 30;
const SHOWN_MEMBERS = 10;

function groupsSection(r: CoverageReport, eventId: string): Html {
  if (r.groups.length === 0) return html``;
  const cols = STORY_GROUP_COLUMNS.length;
  return html`<section aria-labelledby="h-groups">
    <h2 id="h-groups">Wire pickups and translations</h2>
    <table>
      ${tableHead(STORY_GROUP_COLUMNS)}
      ${r.groups.slice(0, SHOWN_GROUPS).map(
        (g) =>
          html`<tbody class="group">
            ${g.members.slice(0, SHOWN_MEMBERS).map((m) => storyMemberRow(m, eventId))}
            ${
              g.members.length > SHOWN_MEMBERS
                ? html`<tr>
                    <td colspan="${cols}" class="note">
                      and ${g.members.length - SHOWN_MEMBERS} more articles of this story (see the
                      exports)
                    </td>
                  </tr>`
                : ''
            }
          </tbody>`,
      )}
    </table>
    ${
      r.groups.length > SHOWN_GROUPS
        ? html`<p class="note">${r.groups.length - SHOWN_GROUPS} more groups: see the exports.</p>`
        : ''
    }
  </section>`;
}

function shareSection(r: CoverageReport): Html {
  if (!r.shareOfVoice || r.shareOfVoice.length === 0) return html``;
  return html`<section aria-labelledby="h-share">
    <h2 id="h-share">Share of voice</h2>
    <p class="note">Mentions of every event published within this event's window.</p>
    <table>
      ${tableHead(['Event', ['Articles', 'num'], ['Share', 'num']])}
      <tbody>
        ${r.shareOfVoice.map(
          (s) => html`<tr${s.current ? html` class="current"` : ''}>
            <td>${s.name}</td>
            <td class="num">${count(s.articles)}</td>
            <td class="num">${percent(s.share)}</td>
          </tr>`,
        )}
      </tbody>
    </table>
  </section>`;
}

function quotesSection(r: CoverageReport): Html {
  if (r.quotes.length === 0) return html``;
  return html`<section aria-labelledby="h-quotes">
    <h2 id="h-quotes">Quotations</h2>
    <table>
      ${tableHead(['Quotation', 'Speaker', ['Articles', 'num']])}
      <tbody>
        ${r.quotes.slice(0, 10).map(
          (q) =>
            html`<tr>
              <td>“${q.text}”</td>
              <td>${q.speaker ?? '—'}</td>
              <td class="num">${count(q.articleIds.length)}</td>
            </tr>`,
        )}
      </tbody>
    </table>
  </section>`;
}

function reviewLabel(r: MentionListRow): string {
  if (!r.relevant) return 'not relevant';
  return r.reviewed ? 'reviewed' : 'unreviewed';
}

function mentionRow(r: MentionListRow, eventId: string, outletName: (id: string) => string): Html {
  return html`<tr>
    <td class="date">${shortTime(r.published ?? r.matchedAt)}</td>
    <td>${outletName(r.outletId)}</td>
    <td><a href="${articleHref(r.articleId, eventId)}">${r.title ?? '(untitled)'}</a></td>
    <td>${r.language ?? '?'}</td>
    <td>${r.summary}</td>
    <td>${r.sentences.slice(0, 3).map((s) => html`<p class="sent">${markedSentence(s)}</p>`)}</td>
    <td>
      ${reviewLabel(r)} ${r.tags.map((t) => html` <span class="tag">${t}</span>`)}
      ${r.tone ? html`<br />tone: ${r.tone}` : ''}
    </td>
  </tr>`;
}

interface FormOptions {
  eventId: string;
  params: Record<string, string | string[]>;
  outlets: ReadonlyArray<{ id: string; name: string }>;
  languages: readonly string[];
  tags: readonly string[];
}

const DAYS = [
  ['', 'all'],
  ['1', 'today'],
  ['7', 'last 7 days'],
  ['30', 'last 30 days'],
] as const;

function filterForm(o: FormOptions): Html {
  const p = o.params;
  const chosen = (k: string): string[] => [p[k] ?? []].flat();
  const one = (k: string): string => [p[k] ?? ''].flat().at(-1) ?? '';
  return html`<form
    class="filters"
    method="get"
    action="/events/${o.eventId}"
    aria-labelledby="h-filter"
  >
    <h2 id="h-filter">Filter</h2>
    <fieldset>
      <legend>Outlets</legend>
      ${checkboxes(
        'outlet',
        o.outlets.map((x) => [x.id, x.name] as const),
        (v) => chosen('outlet').includes(v),
      )}
    </fieldset>
    <fieldset>
      <legend>Languages</legend>
      ${checkboxes(
        'language',
        o.languages.map((l) => [l, l] as const),
        (v) => chosen('language').includes(v),
      )}
    </fieldset>
    <div class="fields">
      ${selectField({
        id: 'f-days',
        name: 'days',
        label: 'Days',
        options: DAYS,
        selected: (v) => one('days') === v,
      })}
      <label for="f-from">From</label>
      <input id="f-from" type="date" name="from" value="${one('from')}" />
      <label for="f-to">To</label>
      <input id="f-to" type="date" name="to" value="${one('to')}" />
      ${selectField({
        id: 'f-state',
        name: 'state',
        label: 'Review state',
        options: [['', 'any'], ...REVIEW_STATES.map((s) => [s, s] as const)],
        selected: (v) => v !== '' && one('state') === v,
      })}
      ${selectField({
        id: 'f-tag',
        name: 'tag',
        label: 'Tag',
        options: [['', 'any'], ...o.tags.map((t) => [t, t] as const)],
        selected: (v) => v !== '' && one('tag') === v,
      })}
      <label for="f-text">Title contains</label>
      <input id="f-text" type="search" name="text" value="${one('text')}" />
    </div>
    <button type="submit">Apply filters</button>
    <a href="/events/${o.eventId}">Clear filters</a>
  </form>`;
}

const FORMAT_LABEL: Record<string, string> = {
  md: 'Markdown',
  json: 'JSON',
  csv: 'CSV',
  xlsx: 'Excel',
  html: 'HTML',
  pdf: 'PDF',
};

export function registerDashboard(app: FastifyInstance, ctx: WebContext): void {
  const cache = summaryCache(ctx);

  app.get<{ Params: { id: string }; Querystring: Record<string, unknown> }>(
    '/events/:id',
    async (req, reply) => {
      const { rt } = ctx;
      const entry = await findEntry(ctx, req.params.id);
      if (!entry) return sendPage(reply, 404, notFound(req, 'There is no such event.'));
      const event = entry.event;
      const filter = requestFilter(ctx, req.query);
      const rawPage = [req.query.page].flat().at(-1);
      const pageNo = rawPage === undefined || rawPage === '' ? 1 : Number(rawPage);
      if (typeof rawPage === 'object' || !Number.isInteger(pageNo) || pageNo < 1 || pageNo > 1e6)
        throw badRequest(`page=${String(rawPage)} is not a page number: give 1, 2, 3…`);
      const pageSize = rt.config.settings.web.pageSize;
      if (req.user)
        await rt.store.recordVisit({
          userId: req.user.id,
          eventId: event.id,
          at: rt.now().toISOString(),
        });

      const catalog = await ctx.catalog();
      const [list, tags, summary] = await Promise.all([
        rt.store.mentionPage({
          eventId: event.id,
          filter,
          offset: (pageNo - 1) * pageSize,
          limit: pageSize,
        }),
        rt.store.eventTags(event.id),
        cache.get(event.id, filter),
      ]);
      const report = summary.report;
      const outlets = catalog.config.outlets.map((o) => ({ id: o.id, name: o.name }));
      const names = new Map(outlets.map((o) => [o.id, o.name]));
      const languages = [...new Set(catalog.config.outlets.flatMap((o) => o.languages))].sort();
      const params = filterParams(req.query);
      const pages = Math.max(1, Math.ceil(list.total / pageSize));
      const link = (n: number): string =>
        `/events/${event.id}${qs({ ...params, page: n > 1 ? n : undefined })}`;
      const first = list.total === 0 ? 0 : (pageNo - 1) * pageSize + 1;
      const last = Math.min(list.total, pageNo * pageSize);

      const body = html`<h1>${event.name}</h1>
        <p class="meta">
          Event <code>${event.id}</code>, window
          ${windowLabel({ from: event.window.from, to: event.window.to ?? null })}
          ${entry.source === 'app' ? ' · made in the app' : ' · from config/events'} ·
          <a href="/events/${event.id}/alerts">Alerts</a>
          ${can(req, 'analyst') ? html` · <a href="/events/${event.id}/review">Review queue</a>` : ''}
        </p>
        ${report.filter ? html`<p class="meta filter">Filter: ${report.filter}</p>` : ''}
        ${
          summary.stale
            ? html`<p class="note" role="status">
                This summary is being updated with the newest mentions; reload in a moment.
              </p>`
            : ''
        }
        <section aria-labelledby="h-summary">
          <h2 id="h-summary">Summary</h2>
          ${cards(report)} ${firstToReport(report, event.id)}
        </section>
        <nav class="exports" aria-label="Downloads">
          Download this report (with the current filters):
          ${EXPORT_FORMATS.map(
            (f) =>
              html` <a href="/events/${event.id}/export.${f}${qs(params)}" download
                >${FORMAT_LABEL[f] ?? f}</a
              >`,
          )}
        </nav>
        ${charts(report)} ${outletsTable(report)} ${groupsSection(report, event.id)}
        ${shareSection(report)} ${quotesSection(report)}
        ${filterForm({ eventId: event.id, params, outlets, languages, tags })}
        <section aria-labelledby="h-articles">
          <h2 id="h-articles">Articles</h2>
          <p class="count" id="mention-count">
            ${
              list.total === 0
                ? 'No mention matches.'
                : `${count(list.total)} mentions · showing ${first}–${last}`
            }
          </p>
          ${
            list.rows.length > 0
              ? html`<table class="mentions">
                  ${tableHead(['Date', 'Outlet', 'Title', 'Language', 'Summary', 'Hit sentences', 'Review'])}
                  <tbody>
                    ${list.rows.map((r) => mentionRow(r, event.id, (id) => names.get(id) ?? id))}
                  </tbody>
                </table>`
              : ''
          }
          ${pager(pageNo, pages, link)}
        </section>`;
      return sendPage(reply, 200, page(req, { title: event.name, nav: 'events', body }));
    },
  );
}
