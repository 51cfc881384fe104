// The page frame every screen shares: navigation by role, the signed-in user, sign-out, and
// the CSRF token for htmx requests (hx-headers on <body>). No inline script or style: the
// Content-Security-Policy forbids them (./server.ts); behaviour lives in /assets/app.js.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Role } from '../../src/store/index.js';
import { html, type Html } from './html.js';

export const ROLE_RANK: Record<Role, number> = { viewer: 0, analyst: 1, admin: 2 };

export const can = (req: FastifyRequest, role: Role): boolean =>
  req.user !== null && ROLE_RANK[req.user.role] >= ROLE_RANK[role];

export interface PageOptions {
  title: string;
  body: Html;
  /** Which navigation entry is current. */
  nav?: 'events' | 'crawl' | 'users' | 'queues' | 'audit';
  /** Lines above the page's body (e.g. "saved"). */
  flash?: string | null;
  /** More scripts of app/web/assets this page needs (e.g. 'review.js'). */
  scripts?: readonly string[];
}

function navLink(href: string, label: string, current: boolean): Html {
  return html`<a href="${href}" ${current ? html` aria-current="page"` : ''}>${label}</a>`;
}

export function page(req: FastifyRequest, opts: PageOptions): Html {
  const user = req.user;
  const headers = JSON.stringify({ 'x-csrf-token': req.csrfToken ?? '' });
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta
          name="htmx-config"
          content='{"includeIndicatorStyles":false,"allowEval":false,"allowScriptTags":false}'
        />
        <title>${opts.title} · mediawatch</title>
        <link rel="stylesheet" href="/assets/app.css" />
        <script src="/assets/htmx.min.js" defer></script>
        <script src="/assets/app.js" defer></script>
        ${(opts.scripts ?? []).map((s) => html`<script src="/assets/${s}" defer></script> `)}
      </head>
      <body hx-headers="${headers}">
        <a class="skip" href="#main">Skip to content</a>
        <header class="top">
          <a class="brand" href="/">mediawatch</a>
          ${
            user
              ? html`<nav aria-label="Main">
                    ${navLink('/', 'Events', opts.nav === 'events')}
                    ${navLink('/crawl', 'Crawl', opts.nav === 'crawl')}
                    ${can(req, 'admin') ? navLink('/admin/users', 'Users', opts.nav === 'users') : ''}
                    ${can(req, 'admin') ? navLink('/admin/audit', 'Audit log', opts.nav === 'audit') : ''}
                    ${can(req, 'admin') ? navLink('/admin/queues', 'Queues', opts.nav === 'queues') : ''}
                  </nav>
                  <form class="signout" method="post" action="/logout">
                    <input type="hidden" name="_csrf" value="${req.csrfToken ?? ''}" />
                    <span class="who">${user.email} <span class="role">${user.role}</span></span>
                    <button type="submit">Sign out</button>
                  </form>`
              : ''
          }
        </header>
        <main id="main">
          ${opts.flash ? html`<p class="flash" role="status">${opts.flash}</p>` : ''} ${opts.body}
        </main>
      </body>
    </html>`;
}

export function sendPage(reply: FastifyReply, status: number, body: Html): FastifyReply {
  return reply.code(status).type('text/html; charset=utf-8').send(body.value);
}

/** A hidden CSRF field for a form. */
export const csrfField = (req: FastifyRequest): Html =>
  html`<input type="hidden" name="_csrf" value="${req.csrfToken ?? ''}" />`;
