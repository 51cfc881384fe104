// One article (/articles/:id?event=ID): what extraction found, the body with the event's
// matched terms marked, why it matched (the event's query with the parts that held, evaluated
// again on the stored text with the matcher itself), its story group (the report model's
// grouping, from the dashboard's summary cache) and links to the dashboards of every event it
// is a mention of. Every text here is the outlet's: it goes through the html template only.
import type { FastifyInstance } from 'fastify';
import { articleDocument } from '../../../src/match/article-document.js';
import { isMatchField, type QueryNode } from '../../../src/match/ast.js';
import { indexDocument } from '../../../src/match/document-index.js';
import { Evaluation } from '../../../src/match/evaluate.js';
import { formatQuery } from '../../../src/match/format.js';
import { parseQuery } from '../../../src/match/parser.js';
import { buildPlan } from '../../../src/match/plan.js';
import type { MatchDocument, MatchField, TermHit } from '../../../src/match/types.js';
import { accessLabel, shortTime } from '../../../src/report/format.js';
import { safeUrl } from '../../../src/report/escape.js';
import type { Mention } from '../../../src/summarize/types.js';
import type { WebContext } from '../context.js';
import { html, type Html } from '../html.js';
import { page, sendPage } from '../layout.js';
import {
  badRequest,
  markRanges,
  notFound,
  STORY_GROUP_COLUMNS,
  storyMemberRow,
  tableHead,
} from '../views.js';
import { EVENT_ID, summaryCache } from './dashboard.js';

const rangesOf = (hits: readonly TermHit[], field: MatchField): Array<[number, number]> =>
  hits.filter((h) => h.field === field).map((h) => [h.start, h.end]);

interface Judged {
  node: QueryNode;
  held: boolean;
  children: Judged[];
}

/** Each node of the query judged on the document (fields pushed down as the matcher does). */
function judge(tree: QueryNode, doc: MatchDocument): Judged {
  const idx = indexDocument(doc);
  const holds = (node: QueryNode, field: MatchField | null): boolean => {
    const n: QueryNode =
      field && node.kind !== 'field' ? { kind: 'field', field, child: node } : node;
    const plan = buildPlan(n);
    return new Evaluation(plan, idx).test(plan.root);
  };
  const walk = (node: QueryNode, field: MatchField | null): Judged => {
    const held = holds(node, field);
    switch (node.kind) {
      case 'and':
      case 'or':
        return { node, held, children: node.children.map((c) => walk(c, field)) };
      case 'not':
        return { node, held, children: [walk(node.child, field)] };
      case 'near':
        return { node, held, children: [walk(node.left, field), walk(node.right, field)] };
      case 'field':
        return {
          node,
          held,
          children: [walk(node.child, isMatchField(node.field) ? node.field : field)],
        };
      default:
        return { node, held, children: [] };
    }
  };
  return walk(tree, null);
}

function nodeLabel(n: QueryNode): string {
  switch (n.kind) {
    case 'term':
      return `${/[*?]/.test(n.text) ? 'wildcard' : 'term'} ${formatQuery(n)}`;
    case 'phrase':
      return `phrase ${formatQuery(n)}`;
    case 'and':
      return 'all of (AND)';
    case 'or':
      return 'any of (OR)';
    case 'not':
      return 'none of (NOT)';
    case 'near':
      return `${n.ordered ? 'ONEAR' : 'NEAR'}/${n.distance}: at most ${n.distance} words between`;
    case 'field':
      return `in ${n.field}:`;
  }
}

function judgedTree(j: Judged): Html {
  const leaf = j.node.kind === 'term' || j.node.kind === 'phrase';
  const label = leaf && j.held ? html`<mark>${nodeLabel(j.node)}</mark>` : nodeLabel(j.node);
  return html`<li class="${j.held ? 'held' : 'missed'}">
    <span class="verdict">${j.held ? 'held' : 'did not hold'}</span> ${label}
    ${
      j.children.length
        ? html`<ul>
            ${j.children.map(judgedTree)}
          </ul>`
        : ''
    }
  </li>`;
}

/** The query printed with the terms and phrases that held marked. */
function markedQuery(j: Judged): Html {
  const n = j.node;
  const sub = (c: Judged | undefined): Html => {
    if (!c) return html``;
    const k = c.node.kind;
    return k === 'and' || k === 'or' || k === 'near' ? html`(${markedQuery(c)})` : markedQuery(c);
  };
  switch (n.kind) {
    case 'term':
    case 'phrase':
      return j.held ? html`<mark>${formatQuery(n)}</mark>` : html`${formatQuery(n)}`;
    case 'and':
    case 'or': {
      const op = n.kind === 'and' ? ' AND ' : ' OR ';
      return html`${j.children.map((c, i) => html`${i ? op : ''}${sub(c)}`)}`;
    }
    case 'not':
      return html`NOT ${sub(j.children[0])}`;
    case 'near':
      return html`${sub(j.children[0])} ${n.ordered ? 'ONEAR' : 'NEAR'}/${n.distance}
      ${sub(j.children[1])}`;
    case 'field':
      return html`${n.field}:${sub(j.children[0])}`;
  }
}

function hitCounts(hits: readonly TermHit[]): Array<{ term: string; field: string; n: number }> {
  const m = new Map<string, { term: string; field: string; n: number }>();
  for (const h of hits) {
    const k = `${h.field}\n${h.term}`;
    const e = m.get(k) ?? { term: h.term, field: h.field, n: 0 };
    e.n++;
    m.set(k, e);
  }
  return [...m.values()].sort((a, b) => b.n - a.n || (a.term < b.term ? -1 : 1));
}

function field(label: string, value: Html | string | number | null | undefined): Html {
  return html`<dt>${label}</dt>
    <dd>${value === null || value === undefined || value === '' ? '—' : value}</dd>`;
}

export function registerArticle(app: FastifyInstance, ctx: WebContext): void {
  app.get<{ Params: { id: string }; Querystring: Record<string, unknown> }>(
    '/articles/:id',
    async (req, reply) => {
      const { rt } = ctx;
      if (!/^\d{1,15}$/.test(req.params.id))
        throw badRequest(`article id ${req.params.id} is not a number`);
      const eventParam = req.query.event;
      if (
        eventParam !== undefined &&
        (typeof eventParam !== 'string' || !EVENT_ID.test(eventParam))
      )
        throw badRequest('event must be an event id (lower-case letters, digits and dashes)');
      const id = Number(req.params.id);
      const article = await rt.store.article(id);
      if (!article) return sendPage(reply, 404, notFound(req, 'There is no such article.'));

      const catalog = await ctx.catalog();
      const found = await Promise.all(
        catalog.entries.map(async (e) => ({
          entry: e,
          mention: await rt.store.mention({ eventId: e.event.id, articleId: id }),
        })),
      );
      const mentions = found.filter(
        (f): f is typeof f & { mention: Mention } => f.mention !== null,
      );
      const chosen =
        (eventParam ? mentions.find((m) => m.entry.event.id === eventParam) : undefined) ??
        mentions[0];
      const outletName = (oid: string): string =>
        catalog.config.outlets.find((o) => o.id === oid)?.name ?? oid;
      const href = safeUrl(article.url);
      const hits = chosen?.mention.hits ?? [];

      let why: Html = html`<p>This article is not a mention of any event.</p>`;
      let group: Html = html``;
      if (chosen) {
        const event = chosen.entry.event;
        let judged: Judged | null = null;
        try {
          const tree = parseQuery(event.query, {
            aliases: { ...catalog.config.aliases, ...event.aliases },
          });
          judged = judge(tree, articleDocument(article));
        } catch (err) {
          rt.log.warn({ err, eventId: event.id }, 'query of the article page failed');
        }
        why = html`<p>
            Matched <a href="/events/${event.id}">${event.name}</a> (score
            ${chosen.mention.score.toFixed(2)}), ${shortTime(chosen.mention.matchedAt)}.
          </p>
          ${
            judged
              ? html`<h3>The query, with the terms that held marked</h3>
                  <p class="query"><code>${markedQuery(judged)}</code></p>
                  <h3>Which parts held</h3>
                  <ul class="query-tree">
                    ${judgedTree(judged)}
                  </ul>`
              : ''
          }
          <h3>Terms that hit</h3>
          ${
            hits.length
              ? html`<table>
                  ${tableHead(['Term', 'Field', ['Hits', 'num']])}
                  <tbody>
                    ${hitCounts(hits).map(
                      (h) =>
                        html`<tr>
                          <td><mark>${h.term}</mark></td>
                          <td>${h.field}</td>
                          <td class="num">${h.n}</td>
                        </tr>`,
                    )}
                  </tbody>
                </table>`
              : html`<p>No term hits stored.</p>`
          }`;

        const { report } = await summaryCache(ctx).get(event.id, {});
        const g = report.groups.find((x) => x.members.some((m) => m.row.articleId === id));
        group = g
          ? html`<table>
              ${tableHead(STORY_GROUP_COLUMNS)}
              <tbody>
                ${g.members.map((m) => storyMemberRow(m, event.id, id))}
              </tbody>
            </table>`
          : html`<p>No other article of ${event.name} carries this story.</p>`;
      }

      const title = article.title ?? '(untitled)';
      const body = html`<h1>${title}</h1>
        <p class="meta">
          ${outletName(article.outletId)} · ${shortTime(article.published)} ·
          ${
            href
              ? html`<a href="${href}" rel="noopener noreferrer" target="_blank"
                  >Original article</a
                >`
              : html`original URL not a web link`
          }
        </p>
        <nav aria-label="Events" class="event-links">
          ${
            mentions.length
              ? html`A mention of:
                ${mentions.map(
                  (m, i) =>
                    html`${i ? ', ' : ''}<a href="/events/${m.entry.event.id}"
                        >${m.entry.event.name}</a
                      >`,
                )}`
              : 'A mention of no event.'
          }
        </nav>
        <section aria-labelledby="h-fields">
          <h2 id="h-fields">Extracted fields</h2>
          <dl class="fields">
            ${field('Title', title)} ${field('Outlet', outletName(article.outletId))}
            ${field('URL', href ? html`<a href="${href}" rel="noopener noreferrer">${article.url}</a>` : article.url)}
            ${field('Published', article.published)} ${field('Modified', article.modified)}
            ${field('Authors', article.authors.join(', '))} ${field('Section', article.section)}
            ${field('Language', article.language)} ${field('Access', accessLabel(article.access))}
            ${field('Wire credit', article.wireCredit)} ${field('Fetch mode', article.fetchMode)}
            ${field('Fetched', article.fetchedAt)} ${field('Version', article.version)}
            ${field('Text warnings', (article.textWarnings ?? []).join(', '))}
          </dl>
        </section>
        <section aria-labelledby="h-why">
          <h2 id="h-why">Why it matched</h2>
          ${why}
        </section>
        <section aria-labelledby="h-group">
          <h2 id="h-group">Story group</h2>
          ${group}
        </section>
        <section aria-labelledby="h-text">
          <h2 id="h-text">Text</h2>
          ${article.lead ? html`<p class="lead">${markRanges(article.lead, rangesOf(hits, 'lead'))}</p>` : ''}
          <div class="body-text article-body">
            ${article.body ? markRanges(article.body, rangesOf(hits, 'body')) : html`<p>No body text.</p>`}
          </div>
        </section>`;
      return sendPage(reply, 200, page(req, { title, nav: 'events', body }));
    },
  );
}
