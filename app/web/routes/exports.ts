// Not written yet: see ./index.ts for what this module serves.
import type { FastifyInstance } from 'fastify';
import type { WebContext } from '../context.js';

export function registerExports(_app: FastifyInstance, _ctx: WebContext): void {}
