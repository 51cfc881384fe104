// Posts an alert to a Slack-compatible incoming webhook. The URL holds a secret (Slack puts
// the token in the path): it is never logged or put in an error message.
import { MwError } from '../errors.js';
import type { SlackMessage } from './message.js';

export const WEBHOOK_TIMEOUT_MS = 10_000;

export async function postWebhook(url: string, message: SlackMessage): Promise<void> {
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify(message),
      redirect: 'manual',
      signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
    });
  } catch (err) {
    const cause =
      err instanceof Error
        ? err.cause instanceof Error
          ? err.cause.message
          : err.message
        : String(err);
    throw new MwError('MW_ERR_ALERT_WEBHOOK', `webhook unreachable (${cause}); retried later`, {
      cause: err,
    });
  }
  await res.body?.cancel().catch(() => undefined);
  if (res.status >= 200 && res.status < 300) return;
  const after = Number(res.headers.get('retry-after'));
  const retryAfterMs = Number.isFinite(after) && after > 0 ? after * 1000 : undefined;
  throw new MwError('MW_ERR_ALERT_WEBHOOK', `webhook answered HTTP ${res.status}; retried later`, {
    // Varies: a webhook that sent Retry-After is waited for ('later'), else the default backoff.
    retry: retryAfterMs === undefined ? 'backoff' : 'later',
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
  });
}
