// Pieces of pages that several screens show: text with its matched terms marked, table heads,
// the pager, a labelled <select>, a story group's row, and the 404 page and 400 error. Every
// value goes through the html template (./html.ts); nothing here uses raw().
import type { FastifyRequest } from 'fastify';
import type { HitSentence } from '../../src/match/types.js';
import { shortTime } from '../../src/report/format.js';
import type { GroupView } from '../../src/report/model.js';
import { attr, html, qs, type Html } from './html.js';
import { page } from './layout.js';

/** `text` with the ranges (any order, overlapping) wrapped in <mark>, everything escaped. */
export function markRanges(text: string, ranges: ReadonlyArray<readonly [number, number]>): Html {
  const sorted = ranges
    .map(
      ([a, b]) =>
        [Math.max(0, Math.min(a, text.length)), Math.max(0, Math.min(b, text.length))] as const,
    )
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const parts: Array<Html | string> = [];
  let at = 0;
  for (const [a, b] of sorted) {
    if (b <= at) continue;
    const from = Math.max(a, at);
    if (from > at) parts.push(text.slice(at, from));
    parts.push(html`<mark>${text.slice(from, b)}</mark>`);
    at = b;
  }
  if (at < text.length) parts.push(text.slice(at));
  return html`${parts}`;
}

/** A hit sentence with its matched terms in <mark>. */
export const markedSentence = (s: HitSentence): Html => markRanges(s.text, s.marks);

/** A column of tableHead: its label, or [label, 'num'] for a right-aligned number column. */
export type Column = string | readonly [string, 'num'];

/** A table's <thead>: one row of column headers. */
export function tableHead(columns: readonly Column[]): Html {
  return html`<thead>
    <tr>
      ${columns.map((c) =>
        typeof c === 'string'
          ? html`<th scope="col">${c}</th>`
          : html`<th scope="col" class="num">${c[0]}</th>`,
      )}
    </tr>
  </thead>`;
}

/** Previous and next links around "Page n of m" (`link(n)`: the URL of page n). */
export function pager(pageNo: number, pages: number, link: (n: number) => string): Html {
  return html`<nav class="pager" aria-label="Pages">
    ${pageNo > 1 ? html`<a href="${link(pageNo - 1)}" rel="prev">Previous page</a>` : ''}
    <span>Page ${pageNo} of ${pages}</span>
    ${pageNo < pages ? html`<a href="${link(pageNo + 1)}" rel="next">Next page</a>` : ''}
  </nav>`;
}

/** A labelled <select> of [value, label] options, those `selected` says marked selected. */
export function selectField(o: {
  id: string;
  name: string;
  label: string;
  options: ReadonlyArray<readonly [string, string]>;
  selected: (value: string) => boolean;
}): Html {
  return html`<label for="${o.id}">${o.label}</label>
    <select id="${o.id}" name="${o.name}">
      ${o.options.map(
        ([v, l]) => html`<option value="${v}" ${attr('selected', o.selected(v))}>${l}</option>`,
      )}
    </select>`;
}

/** The article page of a mention, opened from an event. */
export const articleHref = (articleId: number, eventId: string): string =>
  `/articles/${articleId}${qs({ event: eventId })}`;

export const STORY_GROUP_COLUMNS: readonly Column[] = [
  'Relation',
  'Outlet',
  'Language',
  'Published',
  'Title',
];

/** One article of a story group; the `current` article is marked and not linked. */
export function storyMemberRow(
  m: GroupView['members'][number],
  eventId: string,
  current?: number,
): Html {
  const { row, relation } = m;
  const title = row.title ?? '(untitled)';
  const here = row.articleId === current;
  return html`<tr${here ? html` class="current"` : ''}>
    <td>${relation === 'original' ? html`<b>original</b>` : relation}</td>
    <td>${row.outletName}</td>
    <td>${row.language ?? '?'}</td>
    <td>${shortTime(row.published)}</td>
    <td>
      ${here ? html`${title} (this article)` : html`<a href="${articleHref(row.articleId, eventId)}">${title}</a>`}
    </td>
  </tr>`;
}

/** A 400 answer naming the parameter (the server's error handler shows it). */
export function badRequest(message: string): Error {
  return Object.assign(new Error(message), { statusCode: 400 });
}

/** The page of something that is not there (sent with status 404). */
export function notFound(req: FastifyRequest, what: string): Html {
  return page(req, {
    title: 'Not found',
    nav: 'events',
    body: html`<h1>Not found</h1>
      <p>${what}</p>
      <p><a href="/">All events</a></p>`,
  });
}

/** One checkbox per [value, label] option, all named `name`, those `checked` says ticked. */
export function checkboxes(
  name: string,
  options: ReadonlyArray<readonly [string, string]>,
  checked: (value: string) => boolean,
): Html {
  return html`${options.map(
    ([v, l]) =>
      html`<label class="check"
        ><input type="checkbox" name="${name}" value="${v}" ${attr('checked', checked(v))} />
        ${l}</label
      >`,
  )}`;
}
