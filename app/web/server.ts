// The analysts' web app: Fastify 5, pages rendered on the server (./html.ts), a little htmx.
// Built on a runtime from the composition root (app/runtime.ts): the same store, queues and
// config as the workers. Every page but sign-in needs a session (./sessions.ts); every
// state-changing request needs a CSRF token (./csrf.ts) and the route's role, checked here
// before any handler runs. Routes live in ./routes/, one file per screen.
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import type { Runtime } from '../../jobs/worker.js';
import { MwError } from '../../src/errors.js';
import { packageRoot } from '../../src/config/paths.js';
import { loadCatalog, type EventCatalog } from '../../src/events/catalog.js';
import type { Role, Session, User } from '../../src/store/index.js';
import { redactText } from '../../src/url/redact.js';
import type { WebContext } from './context.js';
import { csrfToken, csrfValid } from './csrf.js';
import { html } from './html.js';
import { ROLE_RANK, page, sendPage } from './layout.js';
import { resumeSession, SESSION_COOKIE } from './sessions.js';
import { registerRoutes } from './routes/index.js';

declare module 'fastify' {
  interface FastifyRequest {
    user: User | null;
    session: Session | null;
    /** The CSRF token for forms on the page being rendered (null without a session). */
    csrfToken: string | null;
  }
  interface FastifyContextConfig {
    /** Who may use the route: 'public' (no session), or the least role. Default: GET and
     *  HEAD 'viewer', anything else 'analyst'. */
    access?: Role | 'public';
  }
}

export interface WebOptions {
  /** Called when app events change (the runtime's worker reload; tests). */
  onEventsChanged?: () => Promise<void> | void;
}

/** Static files of the app: every file of app/web/assets, and htmx from node_modules. */
function assets(): Map<string, { body: Buffer; type: string }> {
  const root = packageRoot();
  const types: Record<string, string> = {
    css: 'text/css; charset=utf-8',
    js: 'text/javascript; charset=utf-8',
    svg: 'image/svg+xml',
    png: 'image/png',
  };
  const dir = join(root, 'app/web/assets');
  const files: Array<[string, string]> = readdirSync(dir).map((f) => [f, join(dir, f)]);
  files.push(['htmx.min.js', join(root, 'node_modules/htmx.org/dist/htmx.min.js')]);
  return new Map(
    files.map(([name, path]) => [
      name,
      {
        body: readFileSync(path),
        type: types[extname(name).slice(1)] ?? 'application/octet-stream',
      },
    ]),
  );
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** MwError codes that mean the request itself is wrong (answered 400 with their message). */
const INPUT_ERRORS = new Set(['MW_ERR_BAD_ARGUMENT', 'MW_ERR_BAD_FILTER']);

function accessOf(req: FastifyRequest): Role | 'public' {
  return req.routeOptions.config.access ?? (SAFE_METHODS.has(req.method) ? 'viewer' : 'analyst');
}

/** Refuses a request: a page for browsers, a short text for htmx and forged requests. */
function refuse(req: FastifyRequest, reply: FastifyReply, status: number, message: string) {
  if (req.headers['hx-request'] || !SAFE_METHODS.has(req.method))
    return reply.code(status).type('text/plain; charset=utf-8').send(message);
  return sendPage(
    reply,
    status,
    page(req, {
      title: status === 403 ? 'Not allowed' : 'Error',
      body: html`<h1>${status === 403 ? 'Not allowed' : 'Error'}</h1>
        <p>${message}</p>`,
    }),
  );
}

export async function buildWebApp(rt: Runtime, opts: WebOptions = {}): Promise<FastifyInstance> {
  const web = rt.config.settings.web;
  const app = Fastify({
    trustProxy: web.trustProxy,
    logger: false,
    bodyLimit: 256 * 1024,
  });

  let cached: EventCatalog | null = null;
  const ctx: WebContext = {
    rt,
    async catalog() {
      const revision = await rt.store.appEventsRevision();
      if (!cached || cached.revision !== revision) cached = await loadCatalog(rt.store, rt.config);
      return cached;
    },
    async eventsChanged() {
      cached = null;
      await opts.onEventsChanged?.();
    },
  };

  await app.register(cookie);
  await app.register(formbody);
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
        objectSrc: ["'none'"],
      },
    },
    // Same-origin pages only; outlets' links open as top-level navigations.
    crossOriginEmbedderPolicy: false,
  });
  // Sign-in attempts per client address (per account: ./routes/auth.ts and the users table).
  await app.register(rateLimit, {
    global: false,
    redis: rt.redis,
    nameSpace: `${rt.config.settings.redis.prefix}:web-rate:`,
  });

  app.decorateRequest('user', null);
  app.decorateRequest('session', null);
  app.decorateRequest('csrfToken', null);

  // The server's time per request (from the first hook, before the session is looked up, to
  // the reply, rendering included) as `Server-Timing: app;dur=MS`, for the browser's devtools
  // and the web benchmark (bench/web.ts). Fastify's own reply.elapsedTime needs a logger.
  const startedAt = new WeakMap<FastifyRequest, number>();
  app.addHook('onRequest', async (req) => void startedAt.set(req, performance.now()));
  app.addHook('onSend', async (req, reply, payload) => {
    const t0 = startedAt.get(req);
    if (t0 !== undefined)
      reply.header('server-timing', `app;dur=${(performance.now() - t0).toFixed(1)}`);
    // What a signed-in user is shown (events, mentions, users, a generated password, exports)
    // stays out of every cache: the browser's, a proxy's, the back button's after sign-out.
    if (req.session) reply.header('cache-control', 'no-store');
    return payload;
  });

  app.addHook('onRequest', async (req, reply) => {
    const access = accessOf(req);
    if (access === 'public') return;
    const found = await resumeSession(rt.store, req.cookies[SESSION_COOKIE], web, rt.now());
    if (found && 'session' in found) {
      req.user = found.user;
      req.session = found.session;
      req.csrfToken = csrfToken(found.session.csrfSecret);
      return;
    }
    const why = found && 'expired' in found ? `expired-${found.expired}` : 'signin';
    if (req.method === 'GET' && !req.headers['hx-request']) {
      const next = encodeURIComponent(req.url);
      return reply.redirect(`/login?next=${next}&why=${why}`, 303);
    }
    if (req.headers['hx-request']) reply.header('HX-Redirect', `/login?why=${why}`);
    return reply.code(401).type('text/plain; charset=utf-8').send('Sign in first.');
  });

  // After the body is parsed: the CSRF token (form field or header), then the role.
  app.addHook('preHandler', async (req, reply) => {
    const access = accessOf(req);
    if (access === 'public' || !req.session || !req.user) return;
    if (!SAFE_METHODS.has(req.method)) {
      const body = req.body as Record<string, unknown> | undefined;
      const token = req.headers['x-csrf-token'] ?? body?._csrf;
      if (!csrfValid(req.session.csrfSecret, token))
        return refuse(
          req,
          reply,
          403,
          'Refused: the form is missing its CSRF token or it is stale. Reload the page and try again.',
        );
    }
    if (ROLE_RANK[req.user.role] < ROLE_RANK[access])
      return refuse(
        req,
        reply,
        403,
        `Refused: your role (${req.user.role}) cannot do this; it needs ${access}.`,
      );
  });

  const files = assets();
  app.get<{ Params: { name: string } }>(
    '/assets/:name',
    { config: { access: 'public' } },
    async (req, reply) => {
      const f = files.get(req.params.name);
      if (!f) return reply.code(404).send('not found');
      return reply.header('cache-control', 'public, max-age=3600').type(f.type).send(f.body);
    },
  );

  app.setNotFoundHandler(async (req, reply) =>
    refuse(req, reply, 404, `There is no page at ${req.url.split('?')[0]}.`),
  );
  app.setErrorHandler(async (err: Error, req, reply) => {
    // The request's own mistakes say what is wrong; any other code (Redis, the database, a
    // browser) is the server's business: logged, not shown.
    if (err instanceof MwError && INPUT_ERRORS.has(err.code))
      return refuse(req, reply, 400, `${err.code}: ${err.message}`);
    const status = (err as { statusCode?: number }).statusCode;
    if (status && status >= 400 && status < 500) return refuse(req, reply, status, err.message);
    rt.log.error({ err, url: redactText(req.url) }, 'web request failed');
    return refuse(req, reply, 500, 'Something went wrong on the server; it is in the log.');
  });

  await registerRoutes(app, ctx);
  return app;
}

export interface WebServer {
  url: string;
  app: FastifyInstance;
  close(): Promise<void>;
}

/** Builds the app and listens on settings.web.host:port (0: a free port). */
export async function startWebServer(
  rt: Runtime,
  opts: WebOptions & { host?: string; port?: number } = {},
): Promise<WebServer> {
  const app = await buildWebApp(rt, opts);
  const host = opts.host ?? rt.config.settings.web.host;
  const port = opts.port ?? rt.config.settings.web.port;
  try {
    await app.listen({ host, port });
  } catch (err) {
    await app.close();
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE')
      throw new MwError(
        'MW_ERR_WEB_PORT',
        `port ${port} on ${host} is in use: choose another with --port`,
      );
    throw err;
  }
  const addr = app.server.address();
  const actual = typeof addr === 'object' && addr ? addr.port : port;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return { url: `http://${shownHost}:${actual}`, app, close: () => app.close() };
}
