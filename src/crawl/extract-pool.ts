// Decoding, parsing and extracting pages on worker threads (settings worker.extractThreads):
// the page's bytes are transferred to a thread (not copied), the article comes back. The job
// awaits its article as it awaited the inline call, so the order of its effects is unchanged.
// With no threads (`extractThreads: 0`, or `auto` on one core), or where the compiled worker
// script is missing (the TypeScript sources under test), the page is extracted on the job's
// thread.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { MwError, type ErrorCode } from '../errors.js';
import type { ExtractedArticle } from '../extract/types.js';
import { extractBytes, type ExtractOutlet } from './extract-page.js';

interface Pending {
  resolve: (a: ExtractedArticle) => void;
  reject: (e: Error) => void;
  thread: Thread;
}

interface Reply {
  id: number;
  article?: ExtractedArticle;
  error?: string;
  code?: ErrorCode;
}

interface Thread {
  worker: Worker;
  busy: number;
}

/**
 * Threads for settings worker.extractThreads. `auto`: one when the machine has a second core.
 * On 2 cores one process with its thread crawls as fast as two processes without, in about
 * 250 MB instead of 2 × 180 (docs/benchmarks.md); more than one thread per process is not
 * measured yet, so `crawl` starts one process per two cores instead.
 */
export function extractThreadCount(
  setting: number | 'auto',
  cores: number = availableParallelism(),
): number {
  if (setting !== 'auto') return setting;
  return cores > 1 ? 1 : 0;
}

export class ExtractPool {
  private readonly threads: Thread[] = [];
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  private started = false;

  /**
   * Threads start with `start()` or the first page: a process that runs no article job (the
   * web app, a producer) never starts them.
   */
  constructor(
    private readonly wanted: number,
    /** The thread's script: the compiled ./extract-worker.js (tests give their own). */
    private readonly script: URL = new URL('./extract-worker.js', import.meta.url),
  ) {}

  /** Starts the threads (once); `size` then says how many run. */
  start(): void {
    if (this.started) return;
    this.started = true;
    const script = this.script;
    if (this.wanted <= 0 || !existsSync(fileURLToPath(script))) return;
    for (let i = 0; i < this.wanted; i++) {
      // A young generation of 16 MB (V8's default here is 48) keeps a process with its thread
      // under 250 MB on the 2,000-page bench (278 → 250 MB) for the same pages per second:
      // a page's DOM is garbage once its article is out, so short scavenges suffice.
      const worker = new Worker(script, { resourceLimits: { maxYoungGenerationSizeMb: 16 } });
      const thread: Thread = { worker, busy: 0 };
      worker.on('message', (m: Reply) => {
        thread.busy--;
        const p = this.pending.get(m.id);
        this.pending.delete(m.id);
        if (!p) return;
        if (m.article) p.resolve(m.article);
        else p.reject(m.code ? new MwError(m.code, m.error ?? '') : new Error(m.error));
      });
      worker.on('error', (err) => {
        // A thread that died takes no more pages (the others, or the job's thread, extract
        // them); only the pages it held fail.
        const at = this.threads.indexOf(thread);
        if (at >= 0) this.threads.splice(at, 1);
        for (const [id, p] of this.pending) {
          if (p.thread !== thread) continue;
          p.reject(err);
          this.pending.delete(id);
        }
      });
      worker.unref();
      this.threads.push(thread);
    }
  }

  get size(): number {
    return this.threads.length;
  }

  extract(
    body: Uint8Array,
    contentType: string | null,
    url: string,
    outlet: ExtractOutlet,
  ): Promise<ExtractedArticle> | ExtractedArticle {
    this.start();
    const thread = this.threads.reduce<Thread | undefined>(
      (best, t) => (!best || t.busy < best.busy ? t : best),
      undefined,
    );
    if (!thread) return extractBytes(body, contentType, url, outlet);
    // Only a buffer that owns its whole ArrayBuffer can be transferred (pooled ones are copied).
    const own =
      body.byteOffset === 0 && body.byteLength === body.buffer.byteLength
        ? body
        : new Uint8Array(body);
    const id = this.nextId++;
    thread.busy++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, thread });
      thread.worker.postMessage(
        {
          id,
          body: own,
          contentType,
          url,
          outlet: { languages: outlet.languages, selectors: outlet.selectors },
        },
        [own.buffer as ArrayBuffer],
      );
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.threads.map((t) => t.worker.terminate()));
    this.threads.length = 0;
  }
}
