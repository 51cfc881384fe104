// The events: the list (/), with each event's coverage counts and what is new since the user's
// last visit, and the editor of the app's events (/events/new, /events/:id/edit, POST /events,
// POST /events/:id, POST /events/:id/delete). As the analyst types, the query is checked
// (POST /events/check: "Query OK" and its terms, or the error with a caret under its column,
// the same report as `mediawatch query check`) and can be previewed over the stored articles of
// the window (POST /events/preview: the crawl's own matching, src/crawl matchEvent). Events of
// config/events/*.yaml are listed but edited only in their files. A saved event reaches the
// workers without a restart (jobs/events-sync.ts).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { caretLines } from '../../cli/commands/query-check.js';
import { EVENT_LANGUAGES, eventSchema, type EventConfig } from '../../../src/config/schema.js';
import { eventWindow } from '../../../src/config/windows.js';
import { matchEvent } from '../../../src/crawl/process-article.js';
import { checkAppEvent, type CatalogEntry } from '../../../src/events/catalog.js';
import {
  compileQuery,
  formatQuery,
  QueryError,
  type CompiledQuery,
  type QueryNode,
} from '../../../src/match/index.js';
import type { WebContext } from '../context.js';
import { html, type Html } from '../html.js';
import { can, csrfField, page, sendPage } from '../layout.js';
import { checkboxes, markedSentence, tableHead } from '../views.js';

/** Ids the app's own routes use under /events/: no event may take them. */
const RESERVED_IDS = new Set(['new', 'check', 'preview']);
const ID_RE = /^[a-z0-9][a-z0-9-]*$/;
const MAX_ID = 64;
const MAX_NAME = 200;
const MAX_QUERY = 10_000;
const MAX_SEARCH_TERMS = 20;
/** The preview reads at most this many stored articles of the window, the most recent first. */
export const PREVIEW_SCAN = 2_000;
/** …and lists at most this many matches. */
export const PREVIEW_SHOWN = 20;
const LANGUAGE_NAMES: Record<(typeof EVENT_LANGUAGES)[number], string> = {
  fr: 'French',
  nl: 'Dutch',
  en: 'English',
  de: 'German',
};

type Lang = (typeof EVENT_LANGUAGES)[number];

/** What the form posts (every field a string, languages repeated). */
interface EventForm {
  id?: unknown;
  name?: unknown;
  from?: unknown;
  to?: unknown;
  languages?: unknown;
  query?: unknown;
  search?: unknown;
}

/** The form's values as typed, shown again after an error. */
interface FormValues {
  id: string;
  name: string;
  from: string;
  to: string;
  languages: string[];
  query: string;
  search: string;
}

type Field = 'id' | 'name' | 'from' | 'to' | 'languages' | 'query' | 'search' | 'form';
type FieldErrors = Partial<Record<Field, string>>;

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const list = (v: unknown): string[] =>
  Array.isArray(v)
    ? v.filter((x): x is string => typeof x === 'string')
    : typeof v === 'string'
      ? [v]
      : [];

function formValues(body: EventForm | undefined): FormValues {
  const b = body ?? {};
  return {
    id: str(b.id).trim(),
    name: str(b.name).trim(),
    from: str(b.from).trim(),
    to: str(b.to).trim(),
    languages: list(b.languages),
    query: str(b.query).replace(/\r\n?/g, '\n'),
    search: str(b.search).replace(/\r\n?/g, '\n'),
  };
}

function valuesOf(e: EventConfig): FormValues {
  return {
    id: e.id,
    name: e.name,
    from: e.window.from,
    to: e.window.to ?? '',
    languages: [...(e.languages ?? [])],
    query: e.query,
    search: e.search.join('\n'),
  };
}

/** A stored definition shown in the form even when it no longer validates. */
function valuesOfStored(id: string, d: unknown): FormValues {
  const o = (d && typeof d === 'object' ? d : {}) as Record<string, unknown>;
  const w = (o.window && typeof o.window === 'object' ? o.window : {}) as Record<string, unknown>;
  return {
    id,
    name: str(o.name),
    from: str(w.from),
    to: str(w.to),
    languages: list(o.languages),
    query: str(o.query),
    search: list(o.search).join('\n'),
  };
}

/**
 * A definition as the audit log keeps it: an alert webhook's URL is a credential (Slack's are),
 * so the log says only that one is set (as POST /events/:id/alerts records it).
 */
function audited(definition: unknown): unknown {
  if (!definition || typeof definition !== 'object') return definition;
  const d = definition as Record<string, unknown>;
  const alerts = d.alerts;
  if (!alerts || typeof alerts !== 'object' || !('webhook' in alerts)) return definition;
  return { ...d, alerts: { ...alerts, webhook: 'set' } };
}

function validId(id: string): boolean {
  return id.length <= MAX_ID && ID_RE.test(id);
}

function badRequest(reply: FastifyReply, message: string) {
  return reply.code(400).type('text/plain; charset=utf-8').send(message);
}

/** The field of the form a schema issue belongs to. */
function fieldOf(path: readonly PropertyKey[]): Field {
  const [a, b] = path.map(String);
  if (a === 'window') return b === 'to' ? 'to' : b === 'from' ? 'from' : 'to';
  if (a === 'id' || a === 'name' || a === 'languages' || a === 'query' || a === 'search') return a;
  return 'form';
}

/**
 * The definition the form describes, or what is wrong with it per field. An app event's
 * aliases and alerts (not edited here) are kept from the stored definition.
 */
function definitionOf(
  v: FormValues,
  kept: Record<string, unknown>,
  aliases: Readonly<Record<string, string>>,
): { event: EventConfig } | { errors: FieldErrors; check: QueryCheck | null } {
  const errors: FieldErrors = {};
  if (v.name.length > MAX_NAME) errors.name = `at most ${MAX_NAME} characters`;
  if (v.query.length > MAX_QUERY) errors.query = `at most ${MAX_QUERY} characters`;
  const search = v.search
    .split('\n')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (search.length > MAX_SEARCH_TERMS) errors.search = `at most ${MAX_SEARCH_TERMS} terms`;
  if (v.id !== '' && !validId(v.id))
    errors.id = `lower-case letters, digits and dashes, starting with a letter or digit, at most ${MAX_ID} characters`;
  const unknown = v.languages.filter((l) => !(EVENT_LANGUAGES as readonly string[]).includes(l));
  if (unknown.length > 0)
    errors.languages = `unknown language ${unknown.join(', ')}: choose among ${EVENT_LANGUAGES.join(', ')}`;
  const definition: Record<string, unknown> = {
    ...kept,
    id: v.id,
    name: v.name,
    window: v.to ? { from: v.from, to: v.to } : { from: v.from },
    query: v.query.trim(),
    search,
  };
  if (v.languages.length > 0) definition.languages = [...new Set(v.languages)];
  else delete definition.languages;
  const parsed = eventSchema.safeParse(definition);
  if (!parsed.success)
    for (const issue of parsed.error.issues) {
      const f = fieldOf(issue.path);
      errors[f] ??=
        f === 'from' || f === 'to'
          ? issue.message.includes('after')
            ? 'the end is before the start'
            : 'a date, YYYY-MM-DD'
          : issue.message;
    }
  const check = v.query.trim()
    ? checkQuery(v.query, { ...aliases, ...(parsed.data?.aliases ?? {}) })
    : null;
  if (check && !check.ok) errors.query ??= check.message;
  if (!v.query.trim()) errors.query ??= 'write the query';
  if (Object.keys(errors).length > 0 || !parsed.success) return { errors, check };
  // The catalogue's own check, as for every stored app event (schema, then the query compiled).
  const checked = checkAppEvent(parsed.data, aliases);
  if ('problem' in checked) return { errors: { form: checked.problem }, check };
  return { event: checked.event };
}

// ---- The live query check ----

type QueryCheck =
  | { ok: true; normalized: string; terms: string[]; compiled: CompiledQuery }
  | {
      ok: false;
      code: string;
      message: string;
      column: number;
      /** The text the column refers to: the query, or the alias it sits in. */
      source: string;
      alias: string | undefined;
    };

/** What the query looks for: its words and phrases, not those under NOT. */
function queryTerms(node: QueryNode, out: Set<string>): Set<string> {
  switch (node.kind) {
    case 'term':
      out.add(node.caseSensitive ? `cs(${node.text})` : node.text);
      break;
    case 'phrase':
      out.add(`"${node.text}"`);
      break;
    case 'and':
    case 'or':
      for (const c of node.children) queryTerms(c, out);
      break;
    case 'near':
      queryTerms(node.left, out);
      queryTerms(node.right, out);
      break;
    case 'field':
      queryTerms(node.child, out);
      break;
    case 'not':
      break;
  }
  return out;
}

/** The same check as `mediawatch query check` (src/match: parse and compile). */
function checkQuery(query: string, aliases: Readonly<Record<string, string>>): QueryCheck {
  try {
    const compiled = compileQuery(query, { aliases });
    return {
      ok: true,
      normalized: formatQuery(compiled.tree),
      terms: [...queryTerms(compiled.tree, new Set())],
      compiled,
    };
  } catch (err) {
    if (!(err instanceof QueryError)) throw err;
    return {
      ok: false,
      code: err.code,
      message: err.message,
      column: err.column,
      source: err.alias === undefined ? query : (aliases[err.alias] ?? query),
      alias: err.alias,
    };
  }
}

function checkFragment(check: QueryCheck | null): Html {
  if (!check) return html`<p class="muted">The query is checked as you type.</p>`;
  if (check.ok)
    return html`<p class="query-ok">
        <strong>Query OK.</strong> It looks for:
        ${check.terms.map((t, i) => html`${i > 0 ? ', ' : ''}<code>${t}</code>`)}
      </p>
      <p class="muted">As read: <code>${check.normalized}</code></p>`;
  const where = `Column ${check.column}${check.alias === undefined ? '' : ` of @${check.alias}`}`;
  // prettier-ignore
  return html`<p class="error"><strong>${check.code}</strong>: ${check.message}</p>
<p class="error query-where">${where}, marked with a caret:</p>
<pre class="caret">${caretLines(check.source, check.column)}</pre>`;
}

// ---- The preview ----

/** YYYY-MM-DD shifted by `days` (the store's bounds are widened, the window decides). */
function shiftDay(date: string, days: number): string {
  const t = new Date(`${date.slice(0, 10)}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + days);
  return t.toISOString().slice(0, 10);
}

// ---- Pages ----

function sourceBadge(source: CatalogEntry['source']): Html {
  return source === 'config'
    ? html`<span class="badge config">config</span>`
    : html`<span class="badge app">app</span>`;
}

function languagesText(e: EventConfig): string {
  return e.languages ? e.languages.join(', ') : 'all';
}

function windowText(e: EventConfig): string {
  return `${e.window.from} – ${e.window.to ?? 'open'}`;
}

function fieldError(errors: FieldErrors, f: Field): Html {
  const m = errors[f];
  return m ? html`<p class="error field-error" id="${f}-error">${m}</p>` : html``;
}

function describedBy(errors: FieldErrors, f: Field, extra?: string): Html {
  const ids = [errors[f] ? `${f}-error` : '', extra ?? ''].filter(Boolean).join(' ');
  return ids ? html` aria-describedby="${ids}"` : html``;
}

function eventForm(
  req: FastifyRequest,
  opts: {
    mode: 'new' | 'edit';
    values: FormValues;
    errors: FieldErrors;
    check: QueryCheck | null;
  },
): Html {
  const { values: v, errors, mode } = opts;
  const action = mode === 'new' ? '/events' : `/events/${encodeURIComponent(v.id)}`;
  const title = mode === 'new' ? 'New event' : `Edit event ${v.id}`;
  return html`<h1>${title}</h1>
    ${errors.form ? html`<p class="error-box" role="alert">${errors.form}</p>` : ''}
    ${
      Object.keys(errors).length > 0 && !errors.form
        ? html`<p class="error-box" role="alert">
            The event was not saved: see the fields marked below.
          </p>`
        : ''
    }
    <form method="post" action="${action}" class="event-form">
      ${csrfField(req)}
      ${
        mode === 'new'
          ? html`<label for="id">Id</label>
              <p class="muted" id="id-hint">
                Lower-case letters, digits and dashes, e.g. budget-2024. It cannot change later.
              </p>
              <input
                id="id"
                name="id"
                type="text"
                required
                maxlength="${MAX_ID}"
                pattern="[a-z0-9][a-z0-9\\-]*"
                value="${v.id}"
                ${describedBy(errors, 'id', 'id-hint')}
              />
              ${fieldError(errors, 'id')}`
          : html`<input type="hidden" name="id" value="${v.id}" />
              <p>Id: <code>${v.id}</code></p>`
      }
      <label for="name">Name</label>
      <input
        id="name"
        name="name"
        type="text"
        required
        maxlength="${MAX_NAME}"
        value="${v.name}"
        ${describedBy(errors, 'name')}
      />
      ${fieldError(errors, 'name')}
      <fieldset class="window">
        <legend>Window (Brussels days)</legend>
        <label for="from">From</label>
        <input
          id="from"
          name="from"
          type="date"
          required
          value="${v.from}"
          ${describedBy(errors, 'from')}
        />
        ${fieldError(errors, 'from')}
        <label for="to">To (leave empty: open)</label>
        <input id="to" name="to" type="date" value="${v.to}" ${describedBy(errors, 'to')} />
        ${fieldError(errors, 'to')}
      </fieldset>
      <fieldset class="languages" ${describedBy(errors, 'languages', 'languages-hint')}>
        <legend>Languages</legend>
        <p class="muted" id="languages-hint">None checked: articles in every language.</p>
        ${checkboxes(
          'languages',
          EVENT_LANGUAGES.map((l) => [l, `${LANGUAGE_NAMES[l]} (${l})`] as const),
          (l) => v.languages.includes(l),
        )}
        ${fieldError(errors, 'languages')}
      </fieldset>
      <label for="query">Query</label>
      <p class="muted" id="query-hint">
        Words, "phrases", AND, OR, NOT, NEAR/n, wildcards*, cs(…), field:…: see
        docs/query-language.md.
      </p>
      <textarea
        id="query"
        name="query"
        rows="6"
        required
        maxlength="${MAX_QUERY}"
        spellcheck="false"
        hx-post="/events/check"
        hx-trigger="input changed delay:300ms"
        hx-target="#query-check"
        hx-swap="innerHTML"
        aria-describedby="query-hint query-check"
      >
${v.query}</textarea>
      <div id="query-check" class="query-check" role="status" aria-live="polite">
        ${checkFragment(opts.check)}
      </div>
      <label for="search">Search terms (optional, one per line)</label>
      <p class="muted" id="search-hint">Typed into the search pages of outlets that have one.</p>
      <textarea id="search" name="search" rows="3" ${describedBy(errors, 'search', 'search-hint')}>
${v.search}</textarea>
      ${fieldError(errors, 'search')}
      <div class="form-actions">
        <button type="submit">Save event</button>
        <button
          type="button"
          class="secondary"
          hx-post="/events/preview"
          hx-target="#preview"
          hx-swap="innerHTML"
        >
          Preview matches
        </button>
        <a href="/">Cancel</a>
      </div>
    </form>
    ${
      mode === 'edit'
        ? html`<form
            method="post"
            action="/events/${encodeURIComponent(v.id)}/delete"
            class="delete-event"
            data-confirm="Delete the event ${v.id}? The crawl stops matching it; its stored mentions stay."
          >
            ${csrfField(req)}
            <button type="submit" class="danger">Delete event</button>
          </form>`
        : ''
    }
    <section aria-labelledby="preview-title">
      <h2 id="preview-title">Preview</h2>
      <div id="preview" aria-live="polite">
        <p class="muted">
          Preview shows what the query would match among the stored articles of the window, before
          you save.
        </p>
      </div>
    </section>`;
}

function sendForm(
  req: FastifyRequest,
  reply: FastifyReply,
  status: number,
  opts: Parameters<typeof eventForm>[1],
) {
  return sendPage(
    reply,
    status,
    page(req, {
      title: opts.mode === 'new' ? 'New event' : `Edit ${opts.values.id}`,
      nav: 'events',
      body: eventForm(req, opts),
      scripts: ['events.js'],
    }),
  );
}

export function registerEvents(app: FastifyInstance, ctx: WebContext): void {
  const { rt } = ctx;

  /** The stored app event of that id (valid or not), or null. */
  async function storedAppEvent(id: string) {
    return (await rt.store.appEvents()).find((a) => a.id === id) ?? null;
  }

  /** Where an id is used already: a config event, an app event, or nowhere. */
  async function usedBy(id: string): Promise<'config' | 'app' | null> {
    const catalog = await ctx.catalog();
    const entry = catalog.entries.find((e) => e.event.id === id);
    if (entry) return entry.source;
    return catalog.invalid.some((i) => i.id === id) || (await storedAppEvent(id)) ? 'app' : null;
  }

  /**
   * The stored app event a path names, or the answer sent instead: 400 for a malformed id or
   * an event of config/events/ (`todo`: what to do in its file), 404 for no event.
   */
  async function appEventAt(reply: FastifyReply, id: string | null, todo: string) {
    if (!id || !validId(id))
      return { sent: badRequest(reply, 'id: lower-case letters, digits and dashes') };
    const stored = await storedAppEvent(id);
    if (stored) return { stored };
    if ((await usedBy(id)) === 'config')
      return { sent: badRequest(reply, `event "${id}" comes from config/events/: ${todo}`) };
    return { sent: reply.callNotFound() };
  }

  async function changed(): Promise<void> {
    await ctx.eventsChanged();
    // This process's workers at once; others within a few seconds (jobs/events-sync.ts).
    await rt.eventsSync.reload();
  }

  // ---- The list ----

  app.get('/', async (req, reply) => {
    const catalog = await ctx.catalog();
    const counts = await rt.store.mentionCounts(await rt.store.lastVisits(req.user!.id));
    const analyst = can(req, 'analyst');
    const flash = typeof (req.query as { saved?: unknown }).saved === 'string' ? 'Saved.' : null;
    const rows = catalog.entries.map(({ event: e, source, updatedBy, updatedAt }) => {
      const c = counts[e.id] ?? { total: 0, unreviewed: 0, new: 0 };
      const href = `/events/${encodeURIComponent(e.id)}`;
      return html`<tr>
        <th scope="row"><a href="${href}">${e.name}</a><br /><code class="muted">${e.id}</code></th>
        <td>${windowText(e)}</td>
        <td>${languagesText(e)}</td>
        <td>
          ${sourceBadge(source)}${
            source === 'app' && updatedBy
              ? html`<br /><span class="muted"
                    >${updatedBy}, ${updatedAt?.slice(0, 10) ?? ''}</span
                  >`
              : ''
          }
        </td>
        <td class="num">${c.total}</td>
        <td class="num">${c.unreviewed}</td>
        <td class="num">${c.new > 0 ? html`<span class="badge new">${c.new} new</span>` : '0'}</td>
        <td class="actions">
          <a href="${href}">Dashboard</a> ·
          <a href="${href}/review">Review</a>
          ${
            source === 'app'
              ? analyst
                ? html` · <a href="${href}/edit">Edit</a>`
                : ''
              : html`<br /><span class="muted">Edited in config/events/ (read-only here)</span>`
          }
        </td>
      </tr>`;
    });
    const body = html`<h1>Events</h1>
      ${analyst ? html`<p><a class="button" href="/events/new">New event</a></p>` : ''}
      ${
        catalog.entries.length === 0
          ? html`<p>
              No events
              yet.${analyst ? ' Make one with “New event”, or add a file to config/events/.' : ''}
            </p>`
          : html`<table class="events">
              <caption class="sr-only">
                Events, their coverage and what is new since your last visit
              </caption>
              ${tableHead([
                'Event',
                'Window',
                'Languages',
                'Source',
                ['Mentions', 'num'],
                ['Not reviewed', 'num'],
                ['New since your last visit', 'num'],
                'Open',
              ])}
              <tbody>
                ${rows}
              </tbody>
            </table>`
      }
      ${
        catalog.invalid.length > 0
          ? html`<h2>App events that are not matched</h2>
              <p>
                Their stored definition is invalid; the crawl leaves them out until they are fixed.
              </p>
              <ul class="invalid-events">
                ${catalog.invalid.map(
                  (i) =>
                    html`<li>
                      <code>${i.id}</code>:
                      ${i.problem}${
                        analyst && !catalog.entries.some((e) => e.event.id === i.id)
                          ? html` · <a href="/events/${encodeURIComponent(i.id)}/edit">Edit</a>`
                          : ''
                      }
                    </li>`,
                )}
              </ul>`
          : ''
      }`;
    return sendPage(reply, 200, page(req, { title: 'Events', nav: 'events', body, flash }));
  });

  // ---- The editor ----

  app.get('/events/new', { config: { access: 'analyst' } }, async (req, reply) =>
    sendForm(req, reply, 200, {
      mode: 'new',
      values: { id: '', name: '', from: '', to: '', languages: [], query: '', search: '' },
      errors: {},
      check: null,
    }),
  );

  app.get<{ Params: { id: string } }>(
    '/events/:id/edit',
    { config: { access: 'analyst' } },
    async (req, reply) => {
      const { id } = req.params;
      const found = await appEventAt(reply, id, 'edit its file there (read-only in the app)');
      if ('sent' in found) return found.sent;
      const stored = found.stored;
      const parsed = eventSchema.safeParse(stored.definition);
      const values = parsed.success ? valuesOf(parsed.data) : valuesOfStored(id, stored.definition);
      return sendForm(req, reply, 200, {
        mode: 'edit',
        values,
        errors: {},
        check: values.query ? checkQuery(values.query, rt.config.aliases) : null,
      });
    },
  );

  async function save(
    req: FastifyRequest<{ Body: EventForm }>,
    reply: FastifyReply,
    mode: 'new' | 'edit',
    pathId: string | null,
  ) {
    const values = formValues(req.body);
    let kept: Record<string, unknown> = {};
    if (mode === 'edit') {
      const found = await appEventAt(reply, pathId, 'edit its file there');
      if ('sent' in found) return found.sent;
      values.id = pathId!;
      const d = found.stored.definition;
      if (d && typeof d === 'object') {
        const { aliases, alerts } = d as Record<string, unknown>;
        kept = { ...(aliases ? { aliases } : {}), ...(alerts ? { alerts } : {}) };
      }
    }
    const result = definitionOf(values, kept, rt.config.aliases);
    const errors: FieldErrors = 'errors' in result ? { ...result.errors } : {};
    if (mode === 'new' && !errors.id) {
      if (values.id === '') errors.id = 'give the event an id';
      else if (RESERVED_IDS.has(values.id)) errors.id = `"${values.id}" is reserved by the app`;
      else {
        const used = await usedBy(values.id);
        if (used === 'config')
          errors.id = `"${values.id}" is already the id of an event in config/events/`;
        else if (used === 'app') errors.id = `"${values.id}" is already the id of an app event`;
      }
    }
    if ('errors' in result || Object.keys(errors).length > 0)
      return sendForm(req, reply, 400, {
        mode,
        values,
        errors,
        check: 'errors' in result ? result.check : null,
      });
    const event = result.event;
    const at = rt.now().toISOString();
    await rt.store.saveAppEvent({ id: event.id, definition: event, actor: req.user!.email, at });
    await rt.store.audit({
      at,
      userId: req.user!.id,
      actor: req.user!.email,
      action: mode === 'new' ? 'event.create' : 'event.update',
      target: `event:${event.id}`,
      detail: audited(event),
    });
    await changed();
    return reply.redirect(`/?saved=${encodeURIComponent(event.id)}`, 303);
  }

  app.post<{ Body: EventForm }>('/events', { config: { access: 'analyst' } }, (req, reply) =>
    save(req, reply, 'new', null),
  );

  app.post<{ Body: EventForm; Params: { id: string } }>(
    '/events/:id',
    { config: { access: 'analyst' } },
    (req, reply) => save(req, reply, 'edit', req.params.id),
  );

  app.post<{ Params: { id: string } }>(
    '/events/:id/delete',
    { config: { access: 'analyst' } },
    async (req, reply) => {
      const { id } = req.params;
      const found = await appEventAt(reply, id, 'remove its file there');
      if ('sent' in found) return found.sent;
      const stored = found.stored;
      await rt.store.deleteAppEvent(id);
      const at = rt.now().toISOString();
      await rt.store.audit({
        at,
        userId: req.user!.id,
        actor: req.user!.email,
        action: 'event.delete',
        target: `event:${id}`,
        detail: audited(stored.definition),
      });
      await changed();
      return reply.redirect('/', 303);
    },
  );

  // ---- htmx: the live check and the preview ----

  app.post<{ Body: EventForm }>(
    '/events/check',
    { config: { access: 'analyst' } },
    async (req, reply) => {
      const query = str(req.body?.query);
      if (query.length > MAX_QUERY)
        return badRequest(reply, `query: at most ${MAX_QUERY} characters`);
      const fragment = query.trim()
        ? checkFragment(checkQuery(query, rt.config.aliases))
        : html`<p class="muted">Write the query: it is checked as you type.</p>`;
      return reply.type('text/html; charset=utf-8').send(fragment.value);
    },
  );

  app.post<{ Body: EventForm }>(
    '/events/preview',
    { config: { access: 'analyst' } },
    async (req, reply) => {
      const v = formValues(req.body);
      const send = (status: number, fragment: Html) =>
        reply.code(status).type('text/html; charset=utf-8').send(fragment.value);
      const dateOk = (d: string) => /^\d{4}-\d{2}-\d{2}$/.test(d) && !Number.isNaN(Date.parse(d));
      if (!dateOk(v.from))
        return send(
          400,
          html`<p class="error">from: give the window's first day (YYYY-MM-DD) to preview.</p>`,
        );
      if (v.to && !dateOk(v.to))
        return send(400, html`<p class="error">to: a date, YYYY-MM-DD, or empty.</p>`);
      if (v.to && v.to < v.from)
        return send(400, html`<p class="error">to: the end of the window is before its start.</p>`);
      const languages = v.languages.filter((l): l is Lang =>
        (EVENT_LANGUAGES as readonly string[]).includes(l),
      );
      if (languages.length !== v.languages.length)
        return send(
          400,
          html`<p class="error">languages: choose among ${EVENT_LANGUAGES.join(', ')}.</p>`,
        );
      if (v.query.length > MAX_QUERY)
        return send(400, html`<p class="error">query: at most ${MAX_QUERY} characters.</p>`);
      if (!v.query.trim())
        return send(400, html`<p class="error">query: write the query first.</p>`);
      const check = checkQuery(v.query, rt.config.aliases);
      if (!check.ok) return send(400, checkFragment(check));
      const window = v.to ? { from: v.from, to: v.to } : { from: v.from };
      const compiled = {
        event: eventSchema.parse({
          id: 'preview',
          name: 'preview',
          window,
          query: v.query.trim(),
          ...(languages.length > 0 ? { languages: [...new Set(languages)] } : {}),
        }),
        query: check.compiled,
        window: eventWindow({ window }),
      };
      // The store's bounds are calendar days, a day wider on each side; the window decides.
      const articles = await rt.store.recentArticles({
        from: shiftDay(v.from, -1),
        to: v.to ? shiftDay(v.to, 2) : null,
        limit: PREVIEW_SCAN,
      });
      let scanned = 0;
      let total = 0;
      const shown: Html[] = [];
      for (const a of articles) {
        const r = matchEvent(compiled, a);
        if (r === 'outside') continue;
        scanned++;
        if (!r) continue;
        total++;
        if (shown.length >= PREVIEW_SHOWN) continue;
        shown.push(
          html`<li class="preview-hit">
            <p>
              <a href="/articles/${a.id}">${a.title ?? a.url}</a><br />
              <span class="muted"
                >${a.outletId} · ${a.published?.slice(0, 10) ?? 'undated'} ·
                ${a.language ?? '??'}</span
              >
            </p>
            <ul class="sentences">
              ${r.sentences.slice(0, 3).map((s) => html`<li>${markedSentence(s)}</li>`)}
            </ul>
          </li>`,
        );
      }
      const capped = articles.length >= PREVIEW_SCAN;
      return send(
        200,
        html`<p class="preview-summary">
            <strong>${total}</strong> of ${scanned} stored article(s) in the window would
            match${
              capped ? html` (the ${PREVIEW_SCAN.toLocaleString('en')} most recent read)` : ''
            }${total > shown.length ? html`; the first ${shown.length} are shown` : ''}.
            Nothing is saved yet.
          </p>
          ${
            shown.length > 0
              ? html`<ol class="preview-list">
                  ${shown}
                </ol>`
              : ''
          }`,
      );
    },
  );
}
