// Administration (admins only).
//   GET  /admin/users                 accounts: e-mail, role, last sign-in, locked until; forms
//   POST /admin/users                 add a user (a password typed, or generated and shown once)
//   POST /admin/users/role            change a user's role
//   POST /admin/users/password        set a new password (ends the user's sessions)
//   POST /admin/users/remove          remove a user (their sessions end with them)
//   GET  /admin/audit                 the audit log, newest first, 200 entries, by target prefix
// An admin cannot remove or demote themselves (so there is always one admin left who can sign
// in). Every change is audited: user.add, user.role, user.password, user.remove.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { MwError } from '../../../src/errors.js';
import type { Role, User } from '../../../src/store/index.js';
import type { WebContext } from '../context.js';
import { html, qs, type Html } from '../html.js';
import { csrfField, page, sendPage } from '../layout.js';
import { tableHead } from '../views.js';
import {
  generatePassword,
  hashPassword,
  MIN_PASSWORD_LENGTH,
  passwordProblem,
} from '../passwords.js';

const ROLES: readonly Role[] = ['viewer', 'analyst', 'admin'];
const EMAIL = /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/;
const AUDIT_LIMIT = 200;
/** With a target filter, this many of the newest entries are searched for it. */
const AUDIT_SCAN = 5000;

const ADMIN = { config: { access: 'admin' as const } };

type Form = Record<string, unknown> | undefined;

class BadInput extends Error {}

/** What a change did, for the flash after its redirect. */
interface Done {
  done: 'add' | 'role' | 'password' | 'remove';
  email: string;
  role?: Role;
}

/** The flash of a redirect: our own sentence; the e-mail and role are checked first. */
function doneText(q: Record<string, string | undefined>): string | null {
  const email = q['email'] ?? '';
  const role = q['role'] ?? '';
  if (!EMAIL.test(email) || email.length > 320) return null;
  const okRole = (ROLES as readonly string[]).includes(role);
  switch (q['done']) {
    case 'add':
      return okRole ? `${email} added as ${role}.` : null;
    case 'role':
      return okRole ? `${email} is now ${role}.` : null;
    case 'password':
      return `New password set for ${email}; their sessions ended.`;
    case 'remove':
      return `${email} removed.`;
    default:
      return null;
  }
}

function field(body: Form, name: string): string {
  const v = body?.[name];
  return typeof v === 'string' ? v : '';
}

function emailOf(body: Form): string {
  const email = field(body, 'email').trim().toLowerCase();
  if (!email || email.length > 320 || !EMAIL.test(email))
    throw new BadInput('email: give an e-mail address such as name@example.org.');
  return email;
}

function roleOf(body: Form): Role {
  const role = field(body, 'role');
  if (!(ROLES as readonly string[]).includes(role))
    throw new BadInput(`role: one of ${ROLES.join(', ')}.`);
  return role as Role;
}

/** The typed password, or a generated one when asked (or when none was typed). */
function passwordOf(body: Form): { password: string; generated: boolean } {
  const typed = field(body, 'password');
  if (field(body, 'generate') === 'on' || typed === '')
    return { password: generatePassword(), generated: true };
  const problem = passwordProblem(typed);
  if (problem) throw new BadInput(`password: ${problem}.`);
  return { password: typed, generated: false };
}

function when(iso: string | null): Html {
  if (!iso) return html`<span class="muted">never</span>`;
  return html`<time datetime="${iso}">${iso.slice(0, 16).replace('T', ' ')} UTC</time>`;
}

function lockedUntil(u: User, now: Date): Html {
  if (!u.lockedUntil || Date.parse(u.lockedUntil) <= now.getTime())
    return html`<span class="muted">not locked</span>`;
  return when(u.lockedUntil);
}

function userRow(req: FastifyRequest, u: User, now: Date): Html {
  const self = req.user?.id === u.id;
  return html`<tr>
    <th scope="row">${u.email}${self ? html` <span class="muted">(you)</span>` : ''}</th>
    <td>
      ${
        self
          ? u.role
          : html`<form method="post" action="/admin/users/role" class="row-form">
              ${csrfField(req)}<input type="hidden" name="email" value="${u.email}" />
              <select name="role" aria-label="Role of ${u.email}">
                ${ROLES.map(
                  (r) =>
                    html`<option value="${r}" ${r === u.role ? html` selected` : ''}>${r}</option>`,
                )}
              </select>
              <button type="submit" class="secondary" aria-label="Change the role of ${u.email}">
                Change
              </button>
            </form>`
      }
    </td>
    <td>${when(u.lastLoginAt)}</td>
    <td>${lockedUntil(u, now)}</td>
    <td>
      <form
        method="post"
        action="/admin/users/password"
        class="row-form"
        data-confirm="Set a new password for ${u.email}? Their sessions end."
      >
        ${csrfField(req)}<input type="hidden" name="email" value="${u.email}" />
        <input
          type="password"
          name="password"
          autocomplete="new-password"
          aria-label="New password for ${u.email} (empty: generate one)"
        />
        <button type="submit" class="secondary" aria-label="Set a new password for ${u.email}">
          Set password
        </button>
      </form>
    </td>
    <td>
      ${
        self
          ? html`<span class="muted">—</span>`
          : html`<form
              method="post"
              action="/admin/users/remove"
              class="row-form"
              data-confirm="Remove ${u.email}? Their sessions end at once."
            >
              ${csrfField(req)}<input type="hidden" name="email" value="${u.email}" />
              <button type="submit" class="danger" aria-label="Remove ${u.email}">Remove</button>
            </form>`
      }
    </td>
  </tr>`;
}

export function registerAdmin(app: FastifyInstance, ctx: WebContext): void {
  const { rt } = ctx;

  async function usersPage(
    req: FastifyRequest,
    reply: FastifyReply,
    status: number,
    v: {
      flash?: string | null;
      error?: string | null;
      generated?: { email: string; password: string };
    },
  ) {
    const now = rt.now();
    const users = await rt.store.users();
    const body = html`<h1>Users</h1>
      ${v.error ? html`<p class="error-box" role="alert">${v.error}</p>` : ''}
      ${
        v.generated
          ? html`<section class="generated" aria-labelledby="generated-title">
              <h2 id="generated-title">Password for ${v.generated.email}</h2>
              <p>Give it to them now: it is shown only this once.</p>
              <p><code class="secret">${v.generated.password}</code></p>
            </section>`
          : ''
      }
      <table>
        <caption>
          ${users.length} accounts
        </caption>
        ${tableHead(['E-mail', 'Role', 'Last sign-in', 'Locked until', 'Password', 'Remove'])}
        <tbody>
          ${users.map((u) => userRow(req, u, now))}
        </tbody>
      </table>
      <h2 id="add-title">Add a user</h2>
      <form method="post" action="/admin/users" aria-labelledby="add-title">
        ${csrfField(req)}
        <label for="add-email">E-mail</label>
        <input id="add-email" name="email" type="email" required autocomplete="off" />
        <label for="add-role">Role</label>
        <select id="add-role" name="role">
          ${ROLES.map((r) => html`<option value="${r}">${r}</option>`)}
        </select>
        <label for="add-password">Password</label>
        <input
          id="add-password"
          name="password"
          type="password"
          autocomplete="new-password"
          aria-describedby="add-password-help"
        />
        <p class="note" id="add-password-help">
          At least ${MIN_PASSWORD_LENGTH} characters; leave it empty or tick the box to generate
          one.
        </p>
        <p>
          <input id="add-generate" name="generate" type="checkbox" />
          <label for="add-generate" class="inline-label">Generate a password</label>
        </p>
        <button type="submit">Add user</button>
      </form>`;
    return sendPage(
      reply,
      status,
      page(req, { title: 'Users', nav: 'users', flash: v.flash ?? null, body }),
    );
  }

  /** Runs a change; bad input answers 400 on the users page, naming the parameter. */
  async function change(
    req: FastifyRequest,
    reply: FastifyReply,
    run: () => Promise<FastifyReply | Done>,
  ) {
    try {
      const out = await run();
      if (!('done' in out)) return out;
      return reply.redirect(`/admin/users${qs({ ...out })}`, 303);
    } catch (err) {
      if (err instanceof BadInput) return usersPage(req, reply, 400, { error: err.message });
      if (err instanceof MwError && err.code === 'MW_ERR_USER_EXISTS')
        return usersPage(req, reply, 400, { error: `email: ${err.message}.` });
      throw err;
    }
  }

  const audit = (req: FastifyRequest, action: string, email: string, detail: unknown) =>
    rt.store.audit({
      at: rt.now().toISOString(),
      userId: req.user!.id,
      actor: req.user!.email,
      action,
      target: `user:${email}`,
      detail,
    });

  app.get<{ Querystring: Record<string, string | undefined> }>(
    '/admin/users',
    ADMIN,
    async (req, reply) => usersPage(req, reply, 200, { flash: doneText(req.query) }),
  );

  app.post<{ Body: Form }>('/admin/users', ADMIN, async (req, reply) =>
    change(req, reply, async () => {
      const email = emailOf(req.body);
      const role = roleOf(req.body);
      const { password, generated } = passwordOf(req.body);
      await rt.store.addUser({ email, role, passwordHash: await hashPassword(password) });
      await audit(req, 'user.add', email, { role, generated });
      if (generated)
        return usersPage(req, reply, 200, {
          flash: `${email} added as ${role}.`,
          generated: { email, password },
        });
      return { done: 'add', email, role };
    }),
  );

  app.post<{ Body: Form }>('/admin/users/role', ADMIN, async (req, reply) =>
    change(req, reply, async () => {
      const email = emailOf(req.body);
      const role = roleOf(req.body);
      if (email === req.user!.email)
        throw new BadInput('email: you cannot change your own role (another admin can).');
      const before = await rt.store.userForLogin(email);
      if (!before) throw new BadInput(`email: there is no user ${email}.`);
      await rt.store.setRole({ email, role });
      await audit(req, 'user.role', email, { from: before.user.role, to: role });
      return { done: 'role', email, role };
    }),
  );

  app.post<{ Body: Form }>('/admin/users/password', ADMIN, async (req, reply) =>
    change(req, reply, async () => {
      const email = emailOf(req.body);
      const { password, generated } = passwordOf(req.body);
      const ok = await rt.store.setPassword({ email, passwordHash: await hashPassword(password) });
      if (!ok) throw new BadInput(`email: there is no user ${email}.`);
      await audit(req, 'user.password', email, { generated });
      // Every session of the user ended, the admin's own too when it was theirs.
      if (email === req.user!.email) return reply.redirect('/login?why=signin', 303);
      if (generated)
        return usersPage(req, reply, 200, {
          flash: `New password set for ${email}; their sessions ended.`,
          generated: { email, password },
        });
      return { done: 'password', email };
    }),
  );

  app.post<{ Body: Form }>('/admin/users/remove', ADMIN, async (req, reply) =>
    change(req, reply, async () => {
      const email = emailOf(req.body);
      if (email === req.user!.email)
        throw new BadInput('email: you cannot remove your own account (another admin can).');
      const before = await rt.store.userForLogin(email);
      if (!before || !(await rt.store.removeUser(email)))
        throw new BadInput(`email: there is no user ${email}.`);
      await audit(req, 'user.remove', email, { role: before.user.role });
      return { done: 'remove', email };
    }),
  );

  app.get<{ Querystring: { target?: string } }>('/admin/audit', ADMIN, async (req, reply) => {
    const raw = req.query.target;
    if (raw !== undefined && (typeof raw !== 'string' || raw.length > 200))
      return sendPage(
        reply,
        400,
        page(req, {
          title: 'Audit log',
          nav: 'audit',
          body: html`<h1>Audit log</h1>
            <p class="error-box" role="alert">target: at most 200 characters.</p>`,
        }),
      );
    const target = (raw ?? '').trim();
    // The store filters by exact target; a prefix ("user:", "event:x") is looked for among
    // the newest entries.
    const entries = target
      ? (await rt.store.auditLog({ limit: AUDIT_SCAN }))
          .filter((e) => e.target.startsWith(target))
          .slice(0, AUDIT_LIMIT)
      : await rt.store.auditLog({ limit: AUDIT_LIMIT });
    const detail = (d: unknown): string => {
      const s = d === null || d === undefined ? '' : JSON.stringify(d);
      return s.length > 300 ? `${s.slice(0, 299)}…` : s;
    };
    const body = html`<h1>Audit log</h1>
      <form method="get" action="/admin/audit" class="filters" role="search">
        <label for="audit-target">Target starts with</label>
        <input
          id="audit-target"
          name="target"
          type="search"
          value="${target}"
          placeholder="user:, event:, outlet:"
        />
        <button type="submit">Filter</button>
        ${target ? html`<a href="/admin/audit">Show all</a>` : ''}
      </form>
      ${
        entries.length
          ? html`<table>
              <caption>
                The newest ${entries.length}
                entries${target ? html` with a target starting with “${target}”` : ''}
              </caption>
              ${tableHead(['When', 'Who', 'Action', 'Target', 'Detail'])}
              <tbody>
                ${entries.map(
                  (e) =>
                    html`<tr>
                      <td>${when(e.at)}</td>
                      <td>${e.actor}</td>
                      <td><code>${e.action}</code></td>
                      <td>${e.target}</td>
                      <td><code class="detail">${detail(e.detail)}</code></td>
                    </tr>`,
                )}
              </tbody>
            </table>`
          : html`<p class="muted">No entries${target ? ' with that target' : ''}.</p>`
      }`;
    return sendPage(reply, 200, page(req, { title: 'Audit log', nav: 'audit', body }));
  });
}
