// Downloads of the coverage report (/events/:id/export.:format, the dashboard's filter query
// string honoured: src/report/filter.ts) and an event's alert settings (/events/:id/alerts):
// app events are edited here (validated as a config event is: checkAppEvent), config events
// are shown read-only (their YAML file is the place to change them).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AlertsConfig, EventConfig } from '../../../src/config/schema.js';
import { checkAppEvent, type CatalogEntry } from '../../../src/events/catalog.js';
import { gatherReport } from '../../../src/report/gather.js';
import { EXPORT_FORMATS, exportReport, type ExportFormat } from '../../../src/report/render.js';
import type { WebContext } from '../context.js';
import { html, type Html } from '../html.js';
import { can, csrfField, page, sendPage } from '../layout.js';
import { badRequest, notFound, tableHead } from '../views.js';
import { findEntry, requestFilter, storedSummary } from './dashboard.js';

const CONTENT_TYPES: Record<ExportFormat, string> = {
  md: 'text/markdown; charset=utf-8',
  json: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  html: 'text/html; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

const MODES = ['immediate', 'hourly', 'daily'] as const;

interface AlertsForm {
  mode: string;
  webhook: string;
  emailTo: string;
  emailFrom: string;
}

function formOf(alerts: AlertsConfig | undefined): AlertsForm {
  return {
    mode: alerts?.mode ?? 'immediate',
    webhook: alerts?.webhook ?? '',
    emailTo: alerts?.email?.to.join(', ') ?? '',
    emailFrom: alerts?.email?.from ?? '',
  };
}

function text(body: Record<string, unknown>, name: string): string {
  const v = body[name];
  if (v === undefined) return '';
  if (typeof v !== 'string') throw badRequest(`${name} must be given once, as text`);
  if (v.length > 2000) throw badRequest(`${name} is too long (at most 2,000 characters)`);
  return v.trim();
}

/** The alerts a form asks for: undefined (none), or the settings; a string says what is wrong. */
function alertsFrom(f: AlertsForm): AlertsConfig | undefined | string {
  if (!(MODES as readonly string[]).includes(f.mode))
    return `mode must be one of ${MODES.join(', ')}`;
  const to = f.emailTo
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (to.length > 0 && !f.emailFrom) return 'e-mail from is needed to send e-mail alerts';
  if (to.length === 0 && f.emailFrom) return 'e-mail to is needed to send e-mail alerts';
  if (!f.webhook && to.length === 0) return undefined;
  return {
    mode: f.mode as AlertsConfig['mode'],
    ...(f.webhook ? { webhook: f.webhook } : {}),
    ...(to.length ? { email: { to, from: f.emailFrom } } : {}),
  };
}

async function alertsPage(
  ctx: WebContext,
  req: FastifyRequest,
  reply: FastifyReply,
  entry: CatalogEntry,
  opts: { status?: number; form?: AlertsForm; error?: string | null; flash?: string | null } = {},
) {
  const event = entry.event;
  const f = opts.form ?? formOf(event.alerts);
  const deliveries = (await ctx.rt.store.alertDeliveries(event.id))
    .sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : -1))
    .slice(0, 20);
  const editable = entry.source === 'app' && can(req, 'analyst');
  const settings: Html =
    entry.source !== 'app'
      ? html`<p class="note">
            This event comes from the config folder: edit
            <code>config/events/${event.id}.yaml</code>
            to change its alerts.
          </p>
          ${current(event)}`
      : !editable
        ? html`<p class="note">Only analysts can change alerts.</p>
            ${current(event)}`
        : html`<form method="post" action="/events/${event.id}/alerts" class="alerts-form">
            ${csrfField(req)}
            ${opts.error ? html`<p class="error" role="alert" id="alerts-error">${opts.error}</p>` : ''}
            <label for="a-mode">Mode</label>
            <select id="a-mode" name="mode">
              ${MODES.map(
                (m) =>
                  html`<option value="${m}" ${f.mode === m ? html` selected` : ''}>${m}</option>`,
              )}
            </select>
            <label for="a-webhook">Webhook URL</label>
            <input id="a-webhook" name="webhook" type="url" value="${f.webhook}" />
            <label for="a-to">E-mail to (comma-separated)</label>
            <input id="a-to" name="emailTo" type="text" value="${f.emailTo}" />
            <label for="a-from">E-mail from</label>
            <input id="a-from" name="emailFrom" type="text" value="${f.emailFrom}" />
            <p class="note">Leave the webhook and the e-mail fields empty to turn alerts off.</p>
            <button type="submit">Save alerts</button>
          </form>`;
  const body = html`<h1>Alerts: ${event.name}</h1>
    <p><a href="/events/${event.id}">Back to the dashboard</a></p>
    <section aria-labelledby="h-settings">
      <h2 id="h-settings">Settings</h2>
      ${settings}
    </section>
    <section aria-labelledby="h-deliveries">
      <h2 id="h-deliveries">Recent deliveries</h2>
      ${
        deliveries.length
          ? html`<table>
              ${tableHead(['Article', 'Channel', 'Status', ['Attempts', 'num'], 'Sent', 'Last error'])}
              <tbody>
                ${deliveries.map(
                  (d) =>
                    html`<tr>
                      <td>
                        <a href="/articles/${d.articleId}?event=${event.id}">#${d.articleId}</a>
                      </td>
                      <td>${d.channel}</td>
                      <td>${d.status}</td>
                      <td class="num">${d.attempts}</td>
                      <td>${d.sentAt ?? '—'}</td>
                      <td>${d.lastError ?? ''}</td>
                    </tr>`,
                )}
              </tbody>
            </table>`
          : html`<p>No alert delivered yet.</p>`
      }
    </section>`;
  return sendPage(
    reply,
    opts.status ?? 200,
    page(req, { title: `Alerts: ${event.name}`, nav: 'events', body, flash: opts.flash ?? null }),
  );
}

/** A webhook's host only: the full URL is a credential, not for every viewer. */
function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '?';
  }
}

function current(event: EventConfig): Html {
  const a = event.alerts;
  if (!a) return html`<p>No alerts are set.</p>`;
  return html`<dl class="fields">
    <dt>Mode</dt>
    <dd>${a.mode}</dd>
    <dt>Webhook</dt>
    <dd>${a.webhook ? `set (${hostOf(a.webhook)})` : '—'}</dd>
    <dt>E-mail to</dt>
    <dd>${a.email?.to.join(', ') ?? '—'}</dd>
    <dt>E-mail from</dt>
    <dd>${a.email?.from ?? '—'}</dd>
  </dl>`;
}

export function registerExports(app: FastifyInstance, ctx: WebContext): void {
  app.get<{ Params: { id: string; format: string }; Querystring: Record<string, unknown> }>(
    '/events/:id/export.:format',
    async (req, reply) => {
      const format = req.params.format as ExportFormat;
      if (!EXPORT_FORMATS.includes(format))
        throw badRequest(`format ${req.params.format} is not one of ${EXPORT_FORMATS.join(', ')}`);
      const entry = await findEntry(ctx, req.params.id);
      if (!entry) return sendPage(reply, 404, notFound(req, 'There is no such event.'));
      const filter = requestFilter(ctx, req.query);
      const catalog = await ctx.catalog();
      // The dashboard's numbers: the stored story groups kept to the filter (storedSummary).
      const input = await gatherReport(ctx.rt.store, catalog.config, entry.event.id, filter, {
        grouped: await storedSummary(ctx, entry.event.id),
      });
      const output = await exportReport(input, format, {
        executablePath: ctx.rt.config.settings.browser.executablePath,
      });
      // The id is /^[a-z0-9][a-z0-9-]*$/: safe in a header as it is.
      return reply
        .header(
          'content-disposition',
          `attachment; filename="${entry.event.id}-coverage.${format}"`,
        )
        .header('x-content-type-options', 'nosniff')
        .type(CONTENT_TYPES[format])
        .send(output);
    },
  );

  app.get<{ Params: { id: string } }>('/events/:id/alerts', async (req, reply) => {
    const entry = await findEntry(ctx, req.params.id);
    if (!entry) return sendPage(reply, 404, notFound(req, 'There is no such event.'));
    const saved = (req.query as Record<string, unknown>).saved === '1';
    return alertsPage(ctx, req, reply, entry, { flash: saved ? 'Alerts saved.' : null });
  });

  app.post<{ Params: { id: string } }>(
    '/events/:id/alerts',
    { config: { access: 'analyst' } },
    async (req, reply) => {
      const { rt } = ctx;
      const entry = await findEntry(ctx, req.params.id);
      if (!entry) return sendPage(reply, 404, notFound(req, 'There is no such event.'));
      if (entry.source !== 'app')
        throw badRequest(
          `event ${entry.event.id} comes from config/events/${entry.event.id}.yaml: edit its alerts there`,
        );
      const body = (req.body ?? {}) as Record<string, unknown>;
      const form: AlertsForm = {
        mode: text(body, 'mode') || 'immediate',
        webhook: text(body, 'webhook'),
        emailTo: text(body, 'emailTo'),
        emailFrom: text(body, 'emailFrom'),
      };
      const alerts = alertsFrom(form);
      const fail = (error: string) =>
        alertsPage(ctx, req, reply, entry, { status: 400, form, error });
      if (typeof alerts === 'string') return fail(alerts);
      const apps = await rt.store.appEvents();
      const stored = apps.find((a) => a.id === entry.event.id);
      if (!stored) return sendPage(reply, 404, notFound(req, 'There is no such app event.'));
      const definition = { ...(stored.definition as Record<string, unknown>) };
      if (alerts) definition.alerts = alerts;
      else delete definition.alerts;
      const catalog = await ctx.catalog();
      const checked = checkAppEvent(definition, catalog.config.aliases);
      if ('problem' in checked) return fail(checked.problem);
      const at = rt.now().toISOString();
      const actor = req.user?.email ?? 'unknown';
      await rt.store.saveAppEvent({ id: entry.event.id, definition, actor, at });
      await rt.store.audit({
        at,
        userId: req.user?.id ?? null,
        actor,
        action: 'event.alerts',
        target: `event:${entry.event.id}`,
        // A webhook URL is a credential (Slack's are): the log says only whether one is set.
        detail: {
          mode: alerts?.mode ?? null,
          webhook: alerts?.webhook ? 'set' : 'none',
          emailTo: alerts?.email?.to ?? [],
        },
      });
      await ctx.eventsChanged();
      return reply.redirect(`/events/${entry.event.id}/alerts?saved=1`, 303);
    },
  );
}
