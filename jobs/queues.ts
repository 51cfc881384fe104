// The one module that names the queues, validates their payloads and sets default job
// options. Payloads carry references (outlet id, URL, event id), never page HTML.
import { createHash } from 'node:crypto';
import { Queue, UnrecoverableError, type Job, type JobsOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import * as z from 'zod';
import type { Settings } from '../src/config/schema.js';
import { reasonLine } from '../src/errors.js';

export const QUEUE_NAMES = ['discover', 'article', 'summarize', 'alerts', 'reconcile'] as const;
export type QueueName = (typeof QUEUE_NAMES)[number];

const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/);

export const payloadSchemas = {
  discover: z
    .object({ outletId: id, runId: z.string().nullable(), eventIds: z.array(id).default([]) })
    .strict(),
  article: z
    .object({
      url: z.url({ protocol: /^https?$/ }),
      outletId: id,
      runId: z.string().nullable(),
      source: z.string(),
      eventIds: z.array(id).default([]),
    })
    .strict(),
  summarize: z.object({ eventId: id }).strict(),
  /** The alerts tick carries nothing: it looks at every event with `alerts`. */
  alerts: z.object({}).strict(),
  /** The reconcile tick carries nothing: it looks at every pending ledger entry. */
  reconcile: z.object({}).strict(),
} satisfies Record<QueueName, z.ZodType>;

export type Payload<Q extends QueueName> = z.infer<(typeof payloadSchemas)[Q]>;

/** A payload that does not validate would fail again: the job fails for good. */
export function parsePayload<Q extends QueueName>(queue: Q, job: Job): Payload<Q> {
  const result = payloadSchemas[queue].safeParse(job.data);
  if (!result.success) {
    const detail = result.error.issues
      .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
      .join('; ');
    throw new UnrecoverableError(
      reasonLine('MW_ERR_BAD_PAYLOAD', `${queue} job ${job.id}: ${detail}`),
    );
  }
  return result.data as Payload<Q>;
}

/** Job id of an article: a hash of its canonical URL, so one URL is one job at a time. */
export function articleJobId(canonicalUrl: string): string {
  return `a-${createHash('sha1').update(canonicalUrl).digest('hex')}`;
}

export function defaultJobOptions(settings: Settings): JobsOptions {
  return {
    attempts: settings.worker.attempts,
    backoff: { type: 'exponential', delay: settings.worker.backoffMs },
    removeOnComplete: true,
    removeOnFail: { count: 1000 },
  };
}

export type Queues = { [Q in QueueName]: Queue<Payload<Q>> };

export function openQueues(connection: Redis, settings: Settings): Queues {
  const opts = {
    connection,
    prefix: settings.redis.prefix,
    defaultJobOptions: defaultJobOptions(settings),
  };
  return {
    discover: new Queue('discover', opts),
    article: new Queue('article', opts),
    summarize: new Queue('summarize', opts),
    alerts: new Queue('alerts', opts),
    reconcile: new Queue('reconcile', opts),
  } as Queues;
}

export async function closeQueues(queues: Queues): Promise<void> {
  await Promise.all(Object.values(queues).map((q) => q.close()));
}

/**
 * Removes every queue of a prefix and the prefix's other keys (rate-limit slots): the demo,
 * tests and benchmarks run under a prefix of their own and leave nothing behind in Redis.
 */
export async function obliterateAll(connection: Redis, prefix: string): Promise<void> {
  for (const name of QUEUE_NAMES) {
    const q = new Queue(name, { connection, prefix });
    await q.obliterate({ force: true }).catch(() => undefined);
    await q.close();
  }
  const rest = await connection.keys(`${prefix}:*`);
  if (rest.length > 0) await connection.del(...rest);
}
