// The metric definitions (src/metrics): names, labels, low-cardinality reasons, histograms fed
// from stage timings, and the gauges read on scrape. No server: the registry's text only.
import { describe, expect, it } from 'vitest';
import { createMetrics } from '../../../src/metrics/metrics.js';
import { reasonCode } from '../../../src/metrics/reason-code.js';

/** The value of one sample line of the exposition text, or undefined. */
function sample(
  text: string,
  name: string,
  labels: Record<string, string> = {},
): number | undefined {
  const want = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  for (const line of text.split('\n')) {
    const m = /^([a-z_:]+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const have = m[2] ? m[2].split(',') : [];
    if (want.length === have.length && want.every((w) => have.includes(w))) return Number(m[3]);
  }
  return undefined;
}

describe('reasonCode', () => {
  it('keeps only the catalogue code of a reason line', () => {
    expect(reasonCode('MW_SKIP_NOT_ARTICLE: no article body on https://x.be/a?id=1')).toBe(
      'MW_SKIP_NOT_ARTICLE',
    );
    expect(reasonCode('MW_NOT_MODIFIED')).toBe('MW_NOT_MODIFIED');
  });

  it('turns anything else into MW_ERR_INTERNAL, so the label stays a fixed set', () => {
    expect(reasonCode('MW_ERR_MADE_UP: x')).toBe('MW_ERR_INTERNAL');
    expect(reasonCode('connection reset by https://x.be')).toBe('MW_ERR_INTERNAL');
    expect(reasonCode('')).toBe('MW_ERR_INTERNAL');
  });
});

describe('createMetrics', () => {
  it('counts pages by outlet, outcome and reason code', async () => {
    const m = createMetrics({ defaultMetrics: false });
    m.page('rtl', 'stored');
    m.page('rtl', 'stored');
    m.page('rtl', 'skipped', 'MW_SKIP_NOT_ARTICLE: no body at https://rtl.be/x');
    m.page('rtl', 'skipped', 'MW_SKIP_NOT_ARTICLE: no body at https://rtl.be/y');
    m.page('lesoir', 'failed', 'MW_ERR_HTTP_NOT_FOUND: 404');
    const text = await m.text();
    const pages = (labels: Record<string, string>): number | undefined =>
      sample(text, 'mediawatch_pages_total', labels);
    expect(pages({ outlet: 'rtl', outcome: 'stored', reason: '' })).toBe(2);
    expect(pages({ outlet: 'rtl', outcome: 'skipped', reason: 'MW_SKIP_NOT_ARTICLE' })).toBe(2);
    expect(pages({ outlet: 'lesoir', outcome: 'failed', reason: 'MW_ERR_HTTP_NOT_FOUND' })).toBe(1);
    expect(text).not.toContain('https://');
  });

  it('puts fetch and render timings in the fetch histogram by mode, other stages apart', async () => {
    const m = createMetrics({ defaultMetrics: false });
    m.stage('fetch', 120);
    m.stage('render', 900);
    m.stage('render', 1_100);
    m.stage('extract', 8);
    m.job('article', 'completed', 1_500);
    m.job('article', 'retry', 200);
    const text = await m.text();
    expect(sample(text, 'mediawatch_fetch_duration_seconds_count', { mode: 'http' })).toBe(1);
    expect(sample(text, 'mediawatch_fetch_duration_seconds_count', { mode: 'browser' })).toBe(2);
    expect(sample(text, 'mediawatch_fetch_duration_seconds_sum', { mode: 'browser' })).toBe(2);
    expect(sample(text, 'mediawatch_stage_duration_seconds_count', { stage: 'extract' })).toBe(1);
    expect(
      sample(text, 'mediawatch_job_duration_seconds_count', {
        queue: 'article',
        status: 'completed',
      }),
    ).toBe(1);
    expect(
      sample(text, 'mediawatch_job_duration_seconds_bucket', {
        queue: 'article',
        status: 'retry',
        le: '0.25',
      }),
    ).toBe(1);
  });

  it('declares stored pages per outlet and completed jobs per queue at 0', async () => {
    const m = createMetrics({ defaultMetrics: false });
    m.declare({ outlets: ['rtl', 'lesoir'], queues: ['article'] });
    m.page('rtl', 'stored');
    const text = await m.text();
    const stored = { outcome: 'stored', reason: '' };
    expect(sample(text, 'mediawatch_pages_total', { outlet: 'rtl', ...stored })).toBe(1);
    expect(sample(text, 'mediawatch_pages_total', { outlet: 'lesoir', ...stored })).toBe(0);
    const completed = { queue: 'article', status: 'completed' };
    expect(sample(text, 'mediawatch_job_duration_seconds_count', completed)).toBe(0);
  });

  it('reads the queue and browser gauges on every scrape', async () => {
    const m = createMetrics({ defaultMetrics: false });
    let waiting = 5;
    m.readFrom({
      queueCounts: async () => ({ article: { waiting, active: 2 }, discover: { waiting: 0 } }),
      browserPages: () => ({ open: 2, busy: 1, retired: 7 }),
    });
    let text = await m.text();
    expect(sample(text, 'mediawatch_queue_jobs', { queue: 'article', state: 'waiting' })).toBe(5);
    expect(sample(text, 'mediawatch_queue_jobs', { queue: 'discover', state: 'waiting' })).toBe(0);
    expect(sample(text, 'mediawatch_browser_pages_open')).toBe(2);
    expect(sample(text, 'mediawatch_browser_pages_busy')).toBe(1);
    expect(sample(text, 'mediawatch_browser_pages_retired_total')).toBe(7);
    waiting = 3;
    text = await m.text();
    expect(sample(text, 'mediawatch_queue_jobs', { queue: 'article', state: 'waiting' })).toBe(3);
  });

  it('still answers without the queue gauges when the queues cannot be read', async () => {
    const m = createMetrics({ defaultMetrics: false });
    m.readFrom({ queueCounts: () => Promise.reject(new Error('Connection is closed.')) });
    const text = await m.text();
    expect(text).toContain('# TYPE mediawatch_queue_jobs gauge');
    expect(sample(text, 'mediawatch_queue_jobs', { queue: 'article', state: 'waiting' })).toBe(
      undefined,
    );
    expect(sample(text, 'mediawatch_browser_pages_open')).toBe(0);
  });

  it("has prom-client's process metrics (RSS, event-loop lag) in its own registry", async () => {
    const a = createMetrics();
    const b = createMetrics();
    a.page('x', 'stored');
    const text = await a.text();
    expect(text).toContain('process_resident_memory_bytes');
    expect(text).toContain('nodejs_eventloop_lag_seconds');
    // Two runtimes in one process do not share counters.
    expect(sample(await b.text(), 'mediawatch_pages_total', { outlet: 'x' })).toBe(undefined);
  });
});
