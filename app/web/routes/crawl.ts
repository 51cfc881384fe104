// The crawl seen from the app.
//   GET  /crawl            every configured outlet: fetch mode, last and next discovery, its
//                          discovery interval, URLs stored / skipped / failed / pending, the most
//                          frequent reasons, what is known of robots.txt and its sources; the
//                          depth of every queue.
//   GET  /crawl/:outlet    one outlet: the same, every reason, its latest failures, its crawl
//                          runs with their discovery errors, the last run started from the app.
//   POST /crawl/:outlet    (admin) starts a crawl of the outlet (jobs/crawl.ts), audited.
//   POST /crawl/:outlet/schedule  (admin) action=pause|resume: the outlet's scheduled discovery
//                          (jobs/schedule.ts keeps a pause in Redis beside the schedulers, so
//                          the next `mediawatch start` leaves a paused outlet out), audited.
//   /admin/queues          (admin) bull-board over the BullMQ queues, read-only.
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { enqueueCrawl } from '../../../jobs/crawl.js';
import { QUEUE_NAMES, type QueueName } from '../../../jobs/queues.js';
import { pausedOutlets, pauseSchedule, resumeSchedule } from '../../../jobs/schedule.js';
import type { OutletConfig } from '../../../src/config/schema.js';
import type {
  OutletCrawlStatus,
  OutletRun,
  ReasonCount,
  RunCounts,
} from '../../../src/store/index.js';
import { safeUrl } from '../../../src/report/escape.js';
import { brusselsIsoFromUtc } from '../../../src/time/brussels.js';
import type { WebContext } from '../context.js';
import { html, type Html } from '../html.js';
import { can, csrfField, page, sendPage } from '../layout.js';
import { tableHead } from '../views.js';

const OUTLET_ID = /^[a-z0-9][a-z0-9-]{0,99}$/;
const RUN_ID = /^run-\d{14}-[0-9a-f]{8}$/;
/** Queue states shown as depths. */
const DEPTHS = ['waiting', 'active', 'delayed', 'prioritized', 'failed', 'completed'] as const;
/** Reason codes that say something about robots.txt. */
const ROBOTS = /^MW_[A-Z_]*ROBOTS/;

/** A time in Brussels, to the minute, in a <time> element. */
function when(iso: string | number | null | undefined): Html {
  if (iso === null || iso === undefined || iso === '')
    return html`<span class="muted">never</span>`;
  const ms = typeof iso === 'number' ? iso : Date.parse(iso);
  if (!Number.isFinite(ms)) return html`${String(iso)}`;
  const local = brusselsIsoFromUtc(ms);
  return html`<time datetime="${new Date(ms).toISOString()}"
    >${local.slice(0, 16).replace('T', ' ')}</time
  >`;
}

function minutes(ms: number | undefined): string {
  if (!ms) return '—';
  const m = Math.round(ms / 60_000);
  return m >= 120 && m % 60 === 0 ? `every ${m / 60} h` : `every ${m} min`;
}

interface Schedule {
  every?: number;
  next?: number;
}

/** The discover queue's job schedulers by outlet (jobs/schedule.ts names them discover-ID). */
async function schedules(ctx: WebContext): Promise<Map<string, Schedule>> {
  const out = new Map<string, Schedule>();
  const all = await ctx.rt.queues.discover.getJobSchedulers(0, -1);
  for (const s of all) {
    if (!s.key.startsWith('discover-')) continue;
    const every = Number(s.every);
    out.set(s.key.slice('discover-'.length), {
      ...(every ? { every } : {}),
      ...(s.next ? { next: Number(s.next) } : {}),
    });
  }
  return out;
}

async function depths(
  ctx: WebContext,
): Promise<Array<{ name: QueueName; counts: Record<string, number> }>> {
  return Promise.all(
    QUEUE_NAMES.map(async (name) => ({
      name,
      counts: await ctx.rt.queues[name].getJobCounts(...DEPTHS),
    })),
  );
}

const emptyStatus = (outletId: string): OutletCrawlStatus => ({
  outletId,
  counts: { pending: 0, stored: 0, skipped: 0, failed: 0 },
  lastDiscoveredAt: null,
  lastRun: null,
  reasons: [],
});

/** The later of the outlet's newest ledger discovery and its newest crawl run. */
function lastDiscovery(s: OutletCrawlStatus): string | null {
  const a = s.lastDiscoveredAt;
  const b = s.lastRun?.startedAt ?? null;
  if (!a || !b) return a ?? b;
  return Date.parse(a) > Date.parse(b) ? a : b;
}

function reasonList(reasons: readonly ReasonCount[], max: number): Html {
  if (reasons.length === 0) return html`<span class="muted">none</span>`;
  return html`<ul class="reasons">
    ${reasons
      .slice(0, max)
      .map((r) => html`<li><code>${r.code}</code> ${r.status} × ${r.count}</li>`)}
  </ul>`;
}

/** Robots and sources as the store knows them: robots reasons in the ledger, the last run's
 *  discovery errors (sources that failed, budgets hit). */
function health(s: OutletCrawlStatus): Html {
  const robots = s.reasons.filter((r) => ROBOTS.test(r.code)).reduce((n, r) => n + r.count, 0);
  const errors = s.lastRun?.discoveryErrors.length ?? 0;
  if (!s.lastRun && s.counts.stored + s.counts.skipped + s.counts.failed === 0)
    return html`<span class="muted">not crawled yet</span>`;
  return html`${robots > 0 ? html`<span class="warn">robots: ${robots} URLs</span>` : html`robots: ok`};
  ${errors > 0 ? html`<span class="warn">${errors} source ${errors === 1 ? 'error' : 'errors'} in the last run</span>` : 'sources: ok'}`;
}

function depthTable(rows: Array<{ name: QueueName; counts: Record<string, number> }>): Html {
  return html`<table>
    <caption>
      Queue depths
    </caption>
    <thead>
      <tr>
        <th scope="col">Queue</th>
        ${DEPTHS.map((d) => html`<th scope="col" class="num">${d}</th>`)}
      </tr>
    </thead>
    <tbody>
      ${rows.map(
        (r) =>
          html`<tr>
            <th scope="row">${r.name}</th>
            ${DEPTHS.map((d) => html`<td class="num">${r.counts[d] ?? 0}</td>`)}
          </tr>`,
      )}
    </tbody>
  </table>`;
}

function countsCells(s: OutletCrawlStatus): Html {
  return html`<td class="num">${s.counts.stored}</td>
    <td class="num">${s.counts.skipped}</td>
    <td class="num">${s.counts.failed}</td>
    <td class="num">${s.counts.pending}</td>`;
}

function outletOf(ctx: WebContext, id: string): OutletConfig | undefined {
  return ctx.rt.config.outlets.find((o) => o.id === id);
}

/** The run an admin started last for the outlet from the app (the audit log has its id). */
async function lastAppRun(ctx: WebContext, outletId: string): Promise<string | null> {
  const log = await ctx.rt.store.auditLog({ target: `outlet:${outletId}`, limit: 50 });
  for (const e of log) {
    const runId = (e.detail as { runId?: unknown } | null)?.runId;
    if (e.action === 'crawl.start' && typeof runId === 'string') return runId;
  }
  return null;
}

function runCountsTable(runId: string, c: RunCounts, run: OutletRun | undefined): Html {
  const cells: Array<[string, number]> = [
    ['discovered', c.discovered],
    ['known before', c.known],
    ['pending', c.pending],
    ['stored', c.stored],
    ['skipped', c.skipped],
    ['failed', c.failed],
    ['matched', c.matched],
  ];
  return html`<section aria-labelledby="app-run">
    <h2 id="app-run">Last crawl started here: <code>${runId}</code></h2>
    <p>
      Started
      ${when(run?.startedAt)}${run?.finishedAt ? html`, finished ${when(run.finishedAt)}` : ''}.
    </p>
    <table>
      <caption>
        Counts of run ${runId}
      </caption>
      <thead>
        <tr>
          ${cells.map(([k]) => html`<th scope="col" class="num">${k}</th>`)}
        </tr>
      </thead>
      <tbody>
        <tr>
          ${cells.map(([, v]) => html`<td class="num">${v}</td>`)}
        </tr>
      </tbody>
    </table>
    ${c.discoveryErrors.length ? html`<p>Discovery errors: ${c.discoveryErrors.length}</p>` : ''}
  </section>`;
}

/** A link to a ledger URL when it is an http(s) URL; its text otherwise. */
function urlLink(url: string): Html {
  const href = safeUrl(url);
  return href
    ? html`<a href="${href}" rel="noopener noreferrer nofollow">${url}</a>`
    : html`${url}`;
}

function bad(reply: FastifyReply, req: FastifyRequest, message: string) {
  return sendPage(
    reply,
    400,
    page(req, {
      title: 'Bad request',
      body: html`<h1>Bad request</h1>
        <p>${message}</p>`,
    }),
  );
}

export async function registerCrawl(app: FastifyInstance, ctx: WebContext): Promise<void> {
  const { rt } = ctx;

  app.get('/crawl', async (req, reply) => {
    const [statuses, scheduled, queues, paused] = await Promise.all([
      rt.store.outletStatus(),
      schedules(ctx),
      depths(ctx),
      pausedOutlets({ redis: rt.redis, settings: rt.config.settings }),
    ]);
    const byId = new Map(statuses.map((s) => [s.outletId, s]));
    const rows = rt.config.outlets.map((o) => {
      const s = byId.get(o.id) ?? emptyStatus(o.id);
      const sch = scheduled.get(o.id);
      return html`<tr>
        <th scope="row"><a href="/crawl/${o.id}">${o.name}</a></th>
        <td>${o.fetch}</td>
        <td>${when(lastDiscovery(s))}</td>
        <td>
          ${paused.has(o.id) ? html`<strong>paused</strong>` : sch ? html`${when(sch.next)}<br /><span class="muted">${minutes(sch.every)}</span>` : html`<span class="muted">not scheduled</span>`}
        </td>
        ${countsCells(s)}
        <td>${reasonList(s.reasons, 3)}</td>
        <td>${health(s)}</td>
      </tr>`;
    });
    const every = rt.config.settings.schedule;
    return sendPage(
      reply,
      200,
      page(req, {
        title: 'Crawl',
        nav: 'crawl',
        body: html`<h1>Crawl</h1>
          <p class="note">
            Discovery runs per outlet on a schedule when <code>mediawatch start</code> runs: first
            every ${every.everyMinutes} minutes, then adapting between ${every.minMinutes} and
            ${every.maxMinutes} minutes to how much each outlet yields. Schedules are read-only
            here.
          </p>
          <table class="crawl">
            <caption>
              Outlets (${rt.config.outlets.length})
            </caption>
            ${tableHead(['Outlet', 'Fetch', 'Last discovery', 'Next discovery', ['Stored', 'num'], ['Skipped', 'num'], ['Failed', 'num'], ['Pending', 'num'], 'Top reasons', 'Robots and sources'])}
            <tbody>
              ${rows}
            </tbody>
          </table>
          ${depthTable(queues)}
          ${can(req, 'admin') ? html`<p><a href="/admin/queues">Browse the queues</a> (bull-board, read-only).</p>` : ''}`,
      }),
    );
  });

  app.get<{ Params: { outlet: string }; Querystring: { started?: string } }>(
    '/crawl/:outlet',
    async (req, reply) => {
      const id = req.params.outlet;
      if (!OUTLET_ID.test(id))
        return bad(reply, req, 'outlet: an outlet id is lower-case letters, digits and dashes.');
      const outlet = outletOf(ctx, id);
      if (!outlet) return reply.callNotFound();
      const started = req.query.started;
      const flash = started && RUN_ID.test(started) ? `crawl ${started} started` : null;
      const [statuses, scheduled, failures, runs, appRun, paused] = await Promise.all([
        rt.store.outletStatus(),
        schedules(ctx),
        rt.store.recentFailures({ outletId: id, limit: 50 }),
        rt.store.recentRuns({ outletId: id, limit: 10 }),
        lastAppRun(ctx, id),
        pausedOutlets({ redis: rt.redis, settings: rt.config.settings }),
      ]);
      const isPaused = paused.has(id);
      const s = statuses.find((x) => x.outletId === id) ?? emptyStatus(id);
      const sch = scheduled.get(id);
      const appCounts = appRun ? await rt.store.runCounts(appRun) : null;
      const robots = s.reasons.filter((r) => ROBOTS.test(r.code));
      const body = html`<h1>${outlet.name}</h1>
        <dl class="facts">
          <dt>Outlet id</dt>
          <dd><code>${outlet.id}</code></dd>
          <dt>Site</dt>
          <dd>${outlet.baseUrl}</dd>
          <dt>Fetch mode</dt>
          <dd>${outlet.fetch}</dd>
          <dt>Last discovery</dt>
          <dd>${when(lastDiscovery(s))}</dd>
          <dt>Next discovery</dt>
          <dd>
            ${isPaused ? html`<strong>paused</strong> by an admin: no scheduled discovery until resumed` : sch ? html`${when(sch.next)} (${minutes(sch.every)})` : 'not scheduled (schedules run with mediawatch start)'}
          </dd>
        </dl>
        ${
          can(req, 'admin')
            ? html`<form method="post" action="/crawl/${outlet.id}" class="row-form">
                  ${csrfField(req)}
                  <button type="submit">Start a crawl of ${outlet.name}</button>
                </form>
                <form method="post" action="/crawl/${outlet.id}/schedule" class="row-form">
                  ${csrfField(req)}
                  <input type="hidden" name="action" value="${isPaused ? 'resume' : 'pause'}" />
                  <button type="submit" class="secondary">
                    ${isPaused ? 'Resume' : 'Pause'} the schedule of ${outlet.name}
                  </button>
                </form>`
            : ''
        }
        <h2>URLs</h2>
        <table>
          <caption>
            URLs in the ledger of ${outlet.name}
          </caption>
          ${tableHead([
            ['Stored', 'num'],
            ['Skipped', 'num'],
            ['Failed', 'num'],
            ['Pending', 'num'],
          ])}
          <tbody>
            <tr>
              ${countsCells(s)}
            </tr>
          </tbody>
        </table>
        ${
          appRun && appCounts
            ? runCountsTable(
                appRun,
                appCounts,
                runs.find((r) => r.id === appRun),
              )
            : ''
        }
        <h2>Reasons</h2>
        ${
          s.reasons.length
            ? html`<table>
                <caption>
                  Skipped and failed URLs by reason
                </caption>
                ${tableHead(['Code', 'Status', ['URLs', 'num'], 'For example'])}
                <tbody>
                  ${s.reasons.map(
                    (r) =>
                      html`<tr>
                        <td><code>${r.code}</code></td>
                        <td>${r.status}</td>
                        <td class="num">${r.count}</td>
                        <td>${r.example ?? ''}</td>
                      </tr>`,
                  )}
                </tbody>
              </table>`
            : html`<p class="muted">No URL of this outlet was skipped or failed.</p>`
        }
        <h2>Robots and sources</h2>
        <ul>
          <li>
            ${
              robots.length
                ? html`robots.txt: ${robots.map((r) => html`<code>${r.code}</code> × ${r.count} `)}`
                : 'robots.txt: no URL refused or left out because of it.'
            }
          </li>
          <li>
            ${
              s.lastRun
                ? s.lastRun.discoveryErrors.length
                  ? html`The last run (${s.lastRun.id}) reported source errors
                    (${s.lastRun.discoveryErrors.length}, below).`
                  : html`The last run (${s.lastRun.id}) read every source without an error.`
                : 'No crawl run has included this outlet (scheduled discovery records no errors per run).'
            }
          </li>
        </ul>
        <h2>Latest failures</h2>
        ${
          failures.length
            ? html`<table>
                <caption>
                  The latest ${failures.length} failed URLs
                </caption>
                ${tableHead(['URL', 'Reason', 'When'])}
                <tbody>
                  ${failures.map(
                    (f) =>
                      html`<tr>
                        <td class="url">${urlLink(f.url)}</td>
                        <td>${f.reason ?? ''}</td>
                        <td>${when(f.at)}</td>
                      </tr>`,
                  )}
                </tbody>
              </table>`
            : html`<p class="muted">No failed URL.</p>`
        }
        <h2>Crawl runs</h2>
        ${
          runs.length
            ? html`<table>
                <caption>
                  The latest crawl runs that included ${outlet.name}
                </caption>
                ${tableHead(['Run', 'Started', 'Finished', 'Discovery errors of this outlet'])}
                <tbody>
                  ${runs.map(
                    (r) =>
                      html`<tr>
                        <td><code>${r.id}</code></td>
                        <td>${when(r.startedAt)}</td>
                        <td>
                          ${r.finishedAt ? when(r.finishedAt) : html`<span class="muted">not finished</span>`}
                        </td>
                        <td>
                          ${
                            r.discoveryErrors.length
                              ? html`<ul>
                                  ${r.discoveryErrors.map((e) => html`<li>${e}</li>`)}
                                </ul>`
                              : html`<span class="muted">none</span>`
                          }
                        </td>
                      </tr>`,
                  )}
                </tbody>
              </table>`
            : html`<p class="muted">No crawl run has included this outlet yet.</p>`
        }
        <p><a href="/crawl">All outlets</a></p>`;
      return sendPage(reply, 200, page(req, { title: outlet.name, nav: 'crawl', flash, body }));
    },
  );

  app.post<{ Params: { outlet: string } }>(
    '/crawl/:outlet',
    { config: { access: 'admin' } },
    async (req, reply) => {
      const id = req.params.outlet;
      if (!OUTLET_ID.test(id))
        return reply
          .code(400)
          .type('text/plain; charset=utf-8')
          .send('outlet: an outlet id is lower-case letters, digits and dashes.');
      const outlet = outletOf(ctx, id);
      if (!outlet) return reply.callNotFound();
      const runId = await enqueueCrawl(rt, { outletIds: [id], eventIds: [] });
      const user = req.user!;
      await rt.store.audit({
        at: rt.now().toISOString(),
        userId: user.id,
        actor: user.email,
        action: 'crawl.start',
        target: `outlet:${id}`,
        detail: { runId },
      });
      rt.log.info({ outlet: id, runId, by: user.email }, 'crawl started from the web app');
      return reply.redirect(`/crawl/${id}?started=${encodeURIComponent(runId)}`, 303);
    },
  );

  app.post<{ Params: { outlet: string }; Body: { action?: string } }>(
    '/crawl/:outlet/schedule',
    { config: { access: 'admin' } },
    async (req, reply) => {
      const id = req.params.outlet;
      const action = req.body?.action;
      if (!OUTLET_ID.test(id) || (action !== 'pause' && action !== 'resume'))
        return reply
          .code(400)
          .type('text/plain; charset=utf-8')
          .send('outlet and action: an outlet id, and action pause or resume.');
      if (!outletOf(ctx, id)) return reply.callNotFound();
      const deps = { queues: rt.queues, redis: rt.redis, settings: rt.config.settings };
      if (action === 'pause') await pauseSchedule(deps, id);
      else await resumeSchedule(deps, id);
      const user = req.user!;
      await rt.store.audit({
        at: rt.now().toISOString(),
        userId: user.id,
        actor: user.email,
        action: `schedule.${action}`,
        target: `outlet:${id}`,
        detail: {},
      });
      return reply.redirect(`/crawl/${id}`, 303);
    },
  );

  await registerQueues(app, ctx);
}

/**
 * bull-board at /admin/queues, for admins only. Its routes are registered by its own plugin,
 * so an onRoute hook in this encapsulated scope gives each of them `access: 'admin'`: the
 * server's hooks then send an anonymous browser to sign in and refuse anyone else with 403.
 * The board is read-only (readOnlyMode on every queue: no retry, clean, pause or remove, and
 * bull-board refuses those calls itself); its mutating API would also fail the app's CSRF check,
 * since bull-board's UI cannot send our token.
 */
async function registerQueues(app: FastifyInstance, ctx: WebContext): Promise<void> {
  const serverAdapter = new FastifyAdapter();
  serverAdapter.setBasePath('/admin/queues');
  createBullBoard({
    queues: QUEUE_NAMES.map((n) => new BullMQAdapter(ctx.rt.queues[n], { readOnlyMode: true })),
    serverAdapter,
    options: { uiConfig: { boardTitle: 'mediawatch queues' } },
  });
  await app.register(async (scope) => {
    scope.addHook('onRoute', (route) => {
      route.config = { ...(route.config ?? {}), access: 'admin' };
    });
    // bull-board's page has inline style attributes and a <style> element and sets <base>; its
    // scripts are files of its own. So only here: styles may be inline, <base> may name this
    // site; scripts stay 'self' only, and everything else is as strict as the app's policy
    // (server.ts). Its Google Fonts stylesheet is not allowed: the board falls back to
    // system fonts.
    scope.addHook('onSend', async (_req, reply, payload) => {
      reply.header(
        'content-security-policy',
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'",
      );
      return payload;
    });
    await scope.register(serverAdapter.registerPlugin(), { prefix: '/admin/queues' });
  });
}
