// CSRF: synchronizer tokens from @fastify/csrf, made from the session's own secret (kept in the
// database with the session). Every form carries one in `_csrf`; htmx sends it in the
// `x-csrf-token` header (the layout puts it in hx-headers). A state-changing request without a
// valid token is refused with 403 before any handler runs (./server.ts).
import Tokens from '@fastify/csrf';

const tokens = Tokens();

export const csrfToken = (secret: string): string => tokens.create(secret);

export function csrfValid(secret: string, token: unknown): boolean {
  return typeof token === 'string' && token.length < 200 && tokens.verify(secret, token);
}
