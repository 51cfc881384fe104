// Every screen of the app, one module each. Which role a route needs is in its own
// `config.access` (default: GET viewer, anything else analyst; see ../server.ts).
//
//   auth.ts       /login, /logout
//   events.ts     /  (events, counts, new since last visit), /events/new, /events/:id/edit,
//                 /events/check (live query check), /events/preview
//   dashboard.ts  /events/:id  (the coverage dashboard: totals, charts, lists, filters)
//   review.ts     /events/:id/review  (the review queue), POST /events/:id/mentions/…
//   article.ts    /articles/:id  (fields, body with matched terms, why it matched)
//   exports.ts    /events/:id/export.:format, /events/:id/alerts
//   crawl.ts      /crawl  (per outlet), POST /crawl/:outlet, /admin/queues (bull-board)
//   admin.ts      /admin/users, /admin/audit
import type { FastifyInstance } from 'fastify';
import type { WebContext } from '../context.js';
import { registerAdmin } from './admin.js';
import { registerArticle } from './article.js';
import { registerAuth } from './auth.js';
import { registerCrawl } from './crawl.js';
import { registerDashboard } from './dashboard.js';
import { registerEvents } from './events.js';
import { registerExports } from './exports.js';
import { registerReview } from './review.js';

export async function registerRoutes(app: FastifyInstance, ctx: WebContext): Promise<void> {
  registerAuth(app, ctx);
  registerEvents(app, ctx);
  registerDashboard(app, ctx);
  registerReview(app, ctx);
  registerArticle(app, ctx);
  registerExports(app, ctx);
  await registerCrawl(app, ctx);
  registerAdmin(app, ctx);
}
