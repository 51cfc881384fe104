// The review queue: an event's mentions not yet reviewed (or any review state), one page at a
// time, with an analyst's decisions on each: relevant / not relevant, tone, tags, a note, and
// the same on a selection (bulk). Decisions go through reviewMentions (src/coverage/review.ts),
// the same path as `mediawatch mention set`: the override table, which recrawls never touch.
//
//   GET  /events/:id/review   the queue (viewers may look; the filters of the dashboard)
//   POST /events/:id/review   op, articleId (repeated for bulk, at most 500), tag, note, back
//
// Without JavaScript the forms post and redirect back to the same filters and page; with htmx
// a row's form replaces that row in place. Keyboard shortcuts: /assets/review.js.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { reviewMentions } from '../../../src/coverage/review.js';
import { MwError } from '../../../src/errors.js';
import { parseFilter, REVIEW_STATES } from '../../../src/report/filter.js';
import type {
  MentionFilter,
  MentionListRow,
  OverridePatch,
  ReviewState,
} from '../../../src/store/index.js';
import type { Mention, MentionOverride } from '../../../src/summarize/types.js';
import type { WebContext } from '../context.js';
import { html, qs, type Html } from '../html.js';
import { can, csrfField, page, sendPage } from '../layout.js';
import { articleHref, markedSentence, pager, selectField, tableHead } from '../views.js';

/** The most mentions one bulk action may change. */
export const MAX_BULK = 500;
const MAX_TAG = 64;
const MAX_NOTE = 2000;

const OPS = [
  'relevant',
  'not-relevant',
  'tone-positive',
  'tone-neutral',
  'tone-negative',
  'tone-clear',
  'tag',
  'untag',
  'note',
] as const;
type Op = (typeof OPS)[number];

/** The query parameters the queue keeps across actions and pages. */
const KEPT = ['state', 'outlet', 'language', 'from', 'to', 'days', 'tag', 'text', 'page'] as const;

type StateChoice = ReviewState | 'all';
const STATE_LABELS: Record<StateChoice, string> = {
  unreviewed: 'Not reviewed',
  reviewed: 'Reviewed',
  relevant: 'Relevant',
  'not-relevant': 'Not relevant',
  all: 'All',
};

function badRequest(message: string): MwError {
  return new MwError('MW_ERR_BAD_ARGUMENT', message);
}

function notFound(message: string): Error {
  return Object.assign(new Error(message), { statusCode: 404 });
}

/** The request's kept parameters, as strings (a repeated list parameter stays a list). */
function keptParams(query: Record<string, unknown>): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const k of KEPT) {
    const v = query[k];
    if (typeof v === 'string' && v !== '') out[k] = v.slice(0, 500);
    else if (Array.isArray(v))
      out[k] = v.filter((x): x is string => typeof x === 'string' && x !== '').slice(0, 50);
  }
  return out;
}

/** The queue's view: which state, the filter for the store, the page. */
function parseView(query: Record<string, unknown>, now: Date) {
  const params = keptParams(query);
  const rawState = params.state;
  if (Array.isArray(rawState)) throw badRequest('state: give one review state');
  const state = (rawState ?? 'unreviewed') as StateChoice;
  if (state !== 'all' && !REVIEW_STATES.includes(state))
    throw badRequest(
      `state=${state} is not a review state: give one of ${[...REVIEW_STATES, 'all'].join(', ')}`,
    );
  const rest: Record<string, unknown> = { ...params };
  delete rest.state;
  delete rest.page;
  const filter: MentionFilter = parseFilter(rest, now);
  if (state !== 'all') filter.state = state;
  const rawPage = params.page;
  if (Array.isArray(rawPage)) throw badRequest('page: give one page number');
  const pageNo = rawPage === undefined ? 1 : /^\d{1,6}$/.test(rawPage) ? Number(rawPage) : 0;
  if (pageNo < 1) throw badRequest(`page=${String(rawPage)} is not a page number (1, 2, …)`);
  return { params, state, filter, pageNo };
}

function reviewUrl(eventId: string, params: Record<string, string | string[]>): string {
  return `/events/${encodeURIComponent(eventId)}/review${qs(params)}`;
}

const shownDate = (iso: string): string => iso.slice(0, 16).replace('T', ' ');

/** A list row from a mention and its override (after an action, for the row htmx swaps in). */
function toListRow(m: Mention, o: MentionOverride | null): MentionListRow {
  return {
    eventId: m.eventId,
    articleId: m.articleId,
    outletId: m.article.outletId,
    url: m.article.url,
    title: m.article.title,
    published: m.article.published,
    language: m.article.language,
    summary: m.summary,
    sentences: m.sentences,
    score: m.score,
    matchedAt: m.matchedAt,
    relevant: o?.relevant ?? true,
    reviewed: Boolean(o?.reviewedBy),
    tags: o?.tags ?? [],
    tone: o?.tone ?? null,
    note: o?.note ?? null,
  };
}

interface RowContext {
  req: FastifyRequest;
  eventId: string;
  analyst: boolean;
  outletNames: ReadonlyMap<string, string>;
  /** The kept query string, carried by every form so that the redirect keeps the view. */
  back: string;
  selected?: boolean;
}

function rowForm(c: RowContext, r: MentionListRow, cls: string, body: Html): Html {
  const action = `/events/${encodeURIComponent(c.eventId)}/review`;
  return html`<form
    class="${cls}"
    method="post"
    action="${action}"
    hx-post="${action}"
    hx-target="closest tr"
    hx-swap="outerHTML"
  >
    ${csrfField(c.req)}<input type="hidden" name="articleId" value="${r.articleId}" /><input
      type="hidden"
      name="back"
      value="${c.back}"
    />
    ${body}
  </form>`;
}

function decisionBadges(r: MentionListRow): Html {
  return html`<span
      class="review-state ${r.reviewed ? (r.relevant ? 'is-relevant' : 'is-not-relevant') : 'is-unreviewed'}"
      >${!r.reviewed ? 'Not reviewed' : r.relevant ? 'Relevant' : 'Not relevant'}</span
    >${r.tone ? html` <span class="badge tone-${r.tone}">Tone: ${r.tone}</span>` : ''}`;
}

function renderRow(c: RowContext, r: MentionListRow): Html {
  const title = r.title ?? r.url;
  const id = r.articleId;
  const date = r.published ?? r.matchedAt;
  const tags = r.tags.length
    ? html`<ul class="tag-list" aria-label="Tags">
        ${r.tags.map(
          (t) =>
            html`<li>
              <span class="badge">${t}</span>${
                c.analyst
                  ? rowForm(
                      c,
                      r,
                      'inline untag',
                      html`<input type="hidden" name="tag" value="${t}" /><button
                          type="submit"
                          class="secondary small"
                          name="op"
                          value="untag"
                          aria-label="Remove tag ${t}"
                        >
                          ×
                        </button>`,
                    )
                  : ''
              }
            </li>`,
        )}
      </ul>`
    : html`<span class="muted">No tags</span>`;
  const actions = c.analyst
    ? html`<td class="review-actions">
        ${rowForm(
          c,
          r,
          'decide',
          html`<div class="button-row">
              <button type="submit" name="op" value="relevant" data-key="r">Relevant</button>
              <button type="submit" name="op" value="not-relevant" data-key="n" class="danger">
                Not relevant
              </button>
            </div>
            <div class="button-row tone" role="group" aria-label="Tone">
              <button type="submit" name="op" value="tone-positive" data-key="p" class="secondary">
                Positive
              </button>
              <button type="submit" name="op" value="tone-neutral" data-key="u" class="secondary">
                Neutral
              </button>
              <button type="submit" name="op" value="tone-negative" data-key="g" class="secondary">
                Negative
              </button>
              <button type="submit" name="op" value="tone-clear" data-key="c" class="secondary">
                Clear tone
              </button>
            </div>`,
        )}
        ${rowForm(
          c,
          r,
          'tag-form',
          html`<label class="sr-only" for="tag-${id}">Add a tag</label>
            <input
              id="tag-${id}"
              name="tag"
              type="text"
              maxlength="${MAX_TAG}"
              list="event-tags"
              data-key="t"
              placeholder="tag"
              autocomplete="off"
            />
            <button type="submit" name="op" value="tag" class="secondary">Add tag</button>`,
        )}
        ${rowForm(
          c,
          r,
          'note-form',
          html`<label class="sr-only" for="note-${id}">Note</label>
            <input
              id="note-${id}"
              name="note"
              type="text"
              maxlength="${MAX_NOTE}"
              value="${r.note ?? ''}"
              data-key="e"
              placeholder="note"
              autocomplete="off"
            />
            <button type="submit" name="op" value="note" class="secondary">Save note</button>`,
        )}
      </td>`
    : '';
  return html`<tr
    id="m-${id}"
    data-article="${id}"
    tabindex="-1"
    aria-selected="${c.selected ? 'true' : 'false'}"
    class="${r.reviewed ? 'reviewed' : ''}"
  >
    ${
      c.analyst
        ? html`<td>
            <input
              type="checkbox"
              name="articleId"
              value="${id}"
              form="bulk"
              id="pick-${id}"
              data-key="x"
            /><label class="sr-only" for="pick-${id}">Select mention ${id}</label>
          </td>`
        : ''
    }
    <td class="nowrap">
      ${shownDate(date)}${r.published ? '' : html` <span class="muted">(found)</span>`}
    </td>
    <td>${c.outletNames.get(r.outletId) ?? r.outletId}</td>
    <td class="mention">
      <a href="${articleHref(id, c.eventId)}" data-key="o">${title}</a>
      ${r.summary ? html`<p class="summary">${r.summary}</p>` : ''}
      ${
        r.sentences.length
          ? html`<ul class="sentences">
              ${r.sentences.slice(0, 3).map((s) => html`<li>${markedSentence(s)}</li>`)}
            </ul>`
          : ''
      }
    </td>
    <td class="decision">
      ${decisionBadges(r)} ${tags}
      ${r.note ? html`<p class="review-note"><span class="muted">Note:</span> ${r.note}</p>` : ''}
    </td>
    ${actions}
  </tr>`;
}

/** The counter of mentions not reviewed yet (htmx updates it out of band). */
function counter(n: number, oob = false): Html {
  return html`<p
    id="unreviewed-count"
    class="counter"
    role="status"
    ${oob ? html` hx-swap-oob="true"` : ''}
  >
    <strong>${n}</strong> not reviewed
  </p>`;
}

const SHORTCUTS: ReadonlyArray<{ keys: string[]; what: string; analyst: boolean }> = [
  { keys: ['j', '↓'], what: 'next mention', analyst: false },
  { keys: ['k', '↑'], what: 'previous mention', analyst: false },
  { keys: ['o', 'Enter'], what: 'open the article', analyst: false },
  { keys: ['r'], what: 'relevant', analyst: true },
  { keys: ['n'], what: 'not relevant', analyst: true },
  { keys: ['p'], what: 'tone positive', analyst: true },
  { keys: ['u'], what: 'tone neutral', analyst: true },
  { keys: ['g'], what: 'tone negative', analyst: true },
  { keys: ['c'], what: 'clear the tone', analyst: true },
  { keys: ['t'], what: 'type a tag (Enter adds it)', analyst: true },
  { keys: ['e'], what: 'edit the note (Enter saves it)', analyst: true },
  { keys: ['x'], what: 'select for a bulk action', analyst: true },
  { keys: ['?'], what: 'show these shortcuts', analyst: false },
];

function keys(k: readonly string[]): Html {
  return html`${k.map((x, i) => html`${i ? ' / ' : ''}<kbd>${x}</kbd>`)}`;
}

function legend(analyst: boolean): Html {
  const list = SHORTCUTS.filter((s) => analyst || !s.analyst);
  return html`<section class="legend" aria-labelledby="legend-h">
      <h2 id="legend-h" class="sr-only">Keyboard shortcuts</h2>
      <p>
        Keys: ${list.map((s, i) => html`${i ? ' · ' : ''}${keys(s.keys)} ${s.what}`)}. Shortcuts
        pause while you type in a field.
      </p>
    </section>
    <dialog id="review-help" aria-labelledby="review-help-h">
      <h2 id="review-help-h">Keyboard shortcuts</h2>
      <table>
        ${tableHead(['Key', 'Does'])}
        <tbody>
          ${list.map(
            (s) =>
              html`<tr>
                <td>${keys(s.keys)}</td>
                <td>${s.what}</td>
              </tr>`,
          )}
        </tbody>
      </table>
      <p>After an action the next mention is selected. Esc closes this box.</p>
      <form method="dialog"><button type="submit">Close</button></form>
    </dialog>`;
}

function filterForm(
  eventId: string,
  view: ReturnType<typeof parseView>,
  outlets: ReadonlyArray<{ id: string; name: string }>,
  languages: readonly string[],
  tags: readonly string[],
): Html {
  const f = view.filter;
  const chosen = (list: readonly string[] | undefined, v: string) => list?.includes(v) ?? false;
  return html`<form
    class="filters"
    method="get"
    action="/events/${eventId}/review"
    aria-label="Filters"
  >
    <div>
      ${selectField({
        id: 'f-state',
        name: 'state',
        label: 'Review state',
        options: (Object.keys(STATE_LABELS) as StateChoice[]).map((k) => [k, STATE_LABELS[k]]),
        selected: (v) => view.state === v,
      })}
    </div>
    <div>
      ${selectField({
        id: 'f-outlet',
        name: 'outlet',
        label: 'Outlet',
        options: [['', 'All outlets'], ...outlets.map((o) => [o.id, o.name] as const)],
        selected: (v) => chosen(f.outletIds, v),
      })}
    </div>
    <div>
      ${selectField({
        id: 'f-language',
        name: 'language',
        label: 'Language',
        options: [['', 'All languages'], ...languages.map((l) => [l, l] as const)],
        selected: (v) => chosen(f.languages, v),
      })}
    </div>
    <div>
      <label for="f-from">From</label
      ><input id="f-from" name="from" type="date" value="${f.from ?? ''}" />
    </div>
    <div>
      <label for="f-to">To</label><input id="f-to" name="to" type="date" value="${f.to ?? ''}" />
    </div>
    <div>
      ${selectField({
        id: 'f-tag',
        name: 'tag',
        label: 'Tag',
        options: [['', 'Any tag'], ...tags.map((t) => [t, t] as const)],
        selected: (v) => v !== '' && f.tag === v,
      })}
    </div>
    <div>
      <label for="f-text">Title contains</label
      ><input id="f-text" name="text" type="search" value="${f.text ?? ''}" />
    </div>
    <div><button type="submit">Show</button></div>
  </form>`;
}

function bulkForm(req: FastifyRequest, eventId: string, back: string): Html {
  return html`<form
    id="bulk"
    class="bulk"
    method="post"
    action="/events/${eventId}/review"
    aria-label="Bulk actions"
  >
    ${csrfField(req)}<input type="hidden" name="back" value="${back}" />
    <span class="bulk-title">Selected mentions (at most ${MAX_BULK}):</span>
    <button type="submit" name="op" value="relevant">Mark selected relevant</button>
    <button type="submit" name="op" value="not-relevant" class="danger">
      Mark selected not relevant
    </button>
    <label class="sr-only" for="bulk-tone">Tone for the selected</label>
    <select id="bulk-tone" name="tone">
      <option value="tone-positive">positive</option>
      <option value="tone-neutral">neutral</option>
      <option value="tone-negative">negative</option>
      <option value="tone-clear">no tone</option>
    </select>
    <button type="submit" name="op" value="tone" class="secondary">Set tone of selected</button>
    <label class="sr-only" for="bulk-tag">Tag for the selected</label>
    <input
      id="bulk-tag"
      name="tag"
      type="text"
      maxlength="${MAX_TAG}"
      list="event-tags"
      placeholder="tag"
      autocomplete="off"
    />
    <button type="submit" name="op" value="tag" class="secondary">Tag selected</button>
    <button type="submit" name="op" value="untag" class="secondary">Untag selected</button>
  </form>`;
}

/** One body value as a list of strings (a field given once or repeated). */
function bodyList(body: Record<string, unknown>, name: string): string[] {
  const v = body[name];
  return (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter(
    (x): x is string => typeof x === 'string',
  );
}

function bodyOne(body: Record<string, unknown>, name: string): string | undefined {
  const all = bodyList(body, name);
  if (all.length > 1) throw badRequest(`${name}: give it once`);
  return all[0];
}

// Control, bidi embedding and isolate characters: never in a tag.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;

function parseTag(v: string | undefined): string {
  const tag = (v ?? '').trim();
  if (tag.length === 0 || tag.length > MAX_TAG || CONTROL.test(tag))
    throw badRequest(`tag: give a tag of 1 to ${MAX_TAG} characters (no control characters)`);
  return tag;
}

/** The patch an action makes, validated; reviewedBy is the analyst. */
function parsePatch(
  body: Record<string, unknown>,
  reviewer: string,
): { op: Op; patch: OverridePatch } {
  let op = bodyOne(body, 'op') as Op | undefined;
  if (op === undefined || !OPS.includes(op)) {
    // The bulk form's tone select names the tone with op=tone.
    if (op === ('tone' as Op)) {
      const tone = bodyOne(body, 'tone');
      if (!tone || !OPS.includes(tone as Op) || !tone.startsWith('tone-'))
        throw badRequest(
          'tone: give one of tone-positive, tone-neutral, tone-negative, tone-clear',
        );
      op = tone as Op;
    } else throw badRequest(`op: give one of ${OPS.join(', ')}`);
  }
  const patch: OverridePatch = { reviewedBy: reviewer };
  switch (op) {
    case 'relevant':
      patch.relevant = true;
      break;
    case 'not-relevant':
      patch.relevant = false;
      break;
    case 'tone-positive':
    case 'tone-neutral':
    case 'tone-negative':
      patch.tone = op.slice('tone-'.length) as 'positive' | 'neutral' | 'negative';
      break;
    case 'tone-clear':
      patch.tone = null;
      break;
    case 'tag':
      patch.addTags = [parseTag(bodyOne(body, 'tag'))];
      break;
    case 'untag':
      patch.removeTags = [parseTag(bodyOne(body, 'tag'))];
      break;
    case 'note': {
      const note = (bodyOne(body, 'note') ?? '').trim();
      if (note.length > MAX_NOTE) throw badRequest(`note: at most ${MAX_NOTE} characters`);
      patch.note = note === '' ? null : note;
      break;
    }
  }
  return { op, patch };
}

function parseArticleIds(body: Record<string, unknown>): number[] {
  const all = bodyList(body, 'articleId');
  if (all.length === 0) throw badRequest('articleId: select at least one mention');
  if (all.length > MAX_BULK)
    throw badRequest(`articleId: at most ${MAX_BULK} mentions at once (got ${all.length})`);
  const ids = all.map((v) => (/^\d{1,15}$/.test(v) ? Number(v) : 0));
  const badIndex = ids.findIndex((n) => !Number.isSafeInteger(n) || n <= 0);
  if (badIndex >= 0) throw badRequest(`articleId=${all[badIndex]} is not an article id`);
  return [...new Set(ids)];
}

/** The kept view from a form's `back` field (only the kept keys; the path is ours). */
function parseBack(back: string | undefined): Record<string, string | string[]> {
  if (!back) return {};
  const q: Record<string, string | string[]> = {};
  for (const [k, v] of new URLSearchParams(back.slice(0, 4000))) {
    if (!(KEPT as readonly string[]).includes(k)) continue;
    const prev = q[k];
    q[k] = prev === undefined ? v : [...[prev].flat(), v];
  }
  return keptParams(q);
}

export function registerReview(app: FastifyInstance, ctx: WebContext): void {
  const { rt } = ctx;

  async function eventOf(id: string) {
    const catalog = await ctx.catalog();
    const entry = catalog.entries.find((e) => e.event.id === id);
    if (!entry) throw notFound(`There is no event "${id}".`);
    return entry.event;
  }

  const outletNames = (): Map<string, string> =>
    new Map(rt.config.outlets.map((o) => [o.id, o.name]));

  const unreviewedCount = async (eventId: string): Promise<number> =>
    (await rt.store.mentionPage({ eventId, filter: { state: 'unreviewed' }, offset: 0, limit: 0 }))
      .total;

  app.get<{ Params: { id: string }; Querystring: Record<string, unknown> }>(
    '/events/:id/review',
    { config: { access: 'viewer' } },
    async (req, reply) => {
      const event = await eventOf(req.params.id);
      const view = parseView(req.query, rt.now());
      const saved = req.query.saved;
      if (saved !== undefined && (typeof saved !== 'string' || !/^\d{1,4}$/.test(saved)))
        throw badRequest('saved: a number of decisions');
      const size = rt.config.settings.web.pageSize;
      const [list, unreviewed, tags] = await Promise.all([
        rt.store.mentionPage({
          eventId: event.id,
          filter: view.filter,
          offset: (view.pageNo - 1) * size,
          limit: size,
        }),
        unreviewedCount(event.id),
        rt.store.eventTags(event.id),
      ]);
      if (list.rows.length === 0 && list.total > 0 && view.pageNo > 1) {
        // Past the end (the queue shrank as it was reviewed): the last page.
        const last = Math.ceil(list.total / size);
        return reply.redirect(reviewUrl(event.id, { ...view.params, page: String(last) }), 303);
      }
      const analyst = can(req, 'analyst');
      const back = qs(view.params).slice(1);
      const rc: RowContext = { req, eventId: event.id, analyst, outletNames: outletNames(), back };
      const pages = Math.max(1, Math.ceil(list.total / size));
      const pageLink = (n: number) => reviewUrl(event.id, { ...view.params, page: String(n) });
      const outlets = rt.config.outlets.map((o) => ({ id: o.id, name: o.name }));
      const languages = [...new Set(rt.config.outlets.flatMap((o) => o.languages))].sort();
      const first = (view.pageNo - 1) * size + 1;
      const body = html`<p class="crumbs"><a href="/events/${event.id}">${event.name}</a></p>
        <h1>Review: ${event.name}</h1>
        ${counter(unreviewed)} ${filterForm(event.id, view, outlets, languages, tags)}
        ${legend(analyst)} ${analyst ? bulkForm(req, event.id, back) : ''}
        <datalist id="event-tags">
          ${tags.map((t) => html`<option value="${t}"></option>`)}
        </datalist>
        ${
          list.rows.length === 0
            ? html`<p class="empty">
                ${view.state === 'unreviewed' ? 'Nothing left to review here.' : 'No mentions match.'}
              </p>`
            : html`<p class="muted">
                  ${first}–${first + list.rows.length - 1} of ${list.total}
                  (${STATE_LABELS[view.state].toLowerCase()}).
                </p>
                <table class="review" aria-label="Mentions to review">
                  <thead>
                    <tr>
                      ${analyst ? html`<th scope="col"><input type="checkbox" id="pick-all" data-select-all="articleId" /><label class="sr-only" for="pick-all">Select every mention on this page</label></th>` : ''}
                      <th scope="col">Date</th>
                      <th scope="col">Outlet</th>
                      <th scope="col">Mention</th>
                      <th scope="col">Decision</th>
                      ${analyst ? html`<th scope="col">Actions</th>` : ''}
                    </tr>
                  </thead>
                  <tbody>
                    ${list.rows.map((r) => renderRow(rc, r))}
                  </tbody>
                </table>`
        }
        ${pages > 1 ? pager(view.pageNo, pages, pageLink) : ''}`;
      return sendPage(
        reply,
        200,
        page(req, {
          title: `Review: ${event.name}`,
          nav: 'events',
          body,
          scripts: ['review.js'],
          flash: saved ? `Saved ${saved} decision${saved === '1' ? '' : 's'}.` : null,
        }),
      );
    },
  );

  app.post<{ Params: { id: string }; Body: Record<string, unknown> }>(
    '/events/:id/review',
    { config: { access: 'analyst' } },
    async (
      req: FastifyRequest<{ Params: { id: string }; Body: Record<string, unknown> }>,
      reply: FastifyReply,
    ) => {
      const event = await eventOf(req.params.id);
      const body = req.body ?? {};
      const user = req.user;
      if (!user) throw notFound('Sign in first.');
      const articleIds = parseArticleIds(body);
      const { patch } = parsePatch(body, user.email);
      const backParams = parseBack(bodyOne(body, 'back'));
      const results = await reviewMentions(rt.store, rt.config, {
        eventId: event.id,
        articleIds,
        patch,
      });
      const at = rt.now().toISOString();
      for (const r of results) {
        if (!r.override) continue;
        await rt.store.audit({
          at,
          userId: user.id,
          actor: user.email,
          action: 'mention.review',
          target: `mention:${event.id}/${r.articleId}`,
          detail: patch,
        });
      }
      const done = results.filter((r) => r.override !== null);
      if (done.length === 0)
        throw notFound(`Event "${event.id}" has no mention of article ${articleIds.join(', ')}.`);

      if (req.headers['hx-request'] && results.length === 1 && done[0]?.override) {
        const m = await rt.store.mention({ eventId: event.id, articleId: done[0].articleId });
        if (m) {
          const rc: RowContext = {
            req,
            eventId: event.id,
            analyst: true,
            outletNames: outletNames(),
            back: qs(backParams).slice(1),
            selected: false,
          };
          const row = renderRow(rc, toListRow(m, done[0].override));
          return reply
            .code(200)
            .type('text/html; charset=utf-8')
            .send(html`${row}${counter(await unreviewedCount(event.id), true)}`.value);
        }
      }
      return reply.redirect(
        reviewUrl(event.id, { ...backParams, saved: String(done.length) }),
        303,
      );
    },
  );
}
