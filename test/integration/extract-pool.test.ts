// The extract pool (src/crawl/extract-pool.ts) with real worker threads running a script of the
// test's own (the compiled extract worker exists only in dist/; the bundled one is exercised by
// workers.test.ts): pages go to the least busy thread, an error in a page comes back as that
// page's error, a thread that dies fails only the pages it held, and the pages after it go to
// the threads left.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ExtractPool } from '../../src/crawl/extract-pool.js';
import { tmpDir } from '../helpers/tmp.js';

const tmp = tmpDir();
afterAll(() => tmp.cleanup());

// First byte of the page: 's' answers after 300 ms, 'e' answers with an error, '!' kills the
// thread; anything else answers at once. Each answer names the thread that gave it.
const script = join(tmp.dir, 'fake-extract-worker.mjs');
writeFileSync(
  script,
  `import { parentPort, threadId } from 'node:worker_threads';
parentPort.on('message', (t) => {
  const kind = String.fromCharCode(t.body[0]);
  const reply = () => parentPort.postMessage({ id: t.id, article: { title: 'thread ' + threadId, body: t.url } });
  if (kind === '!') setImmediate(() => { throw new Error('thread died on ' + t.url); });
  else if (kind === 'e') parentPort.postMessage({ id: t.id, error: 'no article in ' + t.url, code: 'MW_SKIP_NOT_ARTICLE' });
  else if (kind === 's') setTimeout(reply, 300);
  else reply();
});
`,
);

const page = (first: string): Uint8Array => new TextEncoder().encode(`${first}<html></html>`);
const outlet = { languages: [] };

describe('ExtractPool', () => {
  it('spreads pages, returns errors, and survives a thread that dies', async () => {
    const pool = new ExtractPool(2, pathToFileURL(script));
    pool.start();
    expect(pool.size).toBe(2);
    try {
      // Two slow pages at once: one on each thread.
      const [a, b] = await Promise.all([
        pool.extract(page('s'), 'text/html', 'http://x/a', outlet),
        pool.extract(page('s'), 'text/html', 'http://x/b', outlet),
      ]);
      expect(a.title).not.toBe(b.title);

      await expect(
        pool.extract(page('e'), 'text/html', 'http://x/e', outlet),
      ).rejects.toMatchObject({ code: 'MW_SKIP_NOT_ARTICLE', message: 'no article in http://x/e' });

      // A slow page on one thread while the other dies on its page: only the latter fails.
      const slow = pool.extract(page('s'), 'text/html', 'http://x/slow', outlet);
      const dying = pool.extract(page('!'), 'text/html', 'http://x/dies', outlet);
      await expect(dying).rejects.toThrow('thread died on http://x/dies');
      const kept = await slow;
      expect(kept.body).toBe('http://x/slow');
      expect(pool.size).toBe(1);
      // The next pages go to the thread left.
      const after = await pool.extract(page('a'), 'text/html', 'http://x/after', outlet);
      expect(after.title).toBe(kept.title);
    } finally {
      await pool.close();
    }
  });

  it('starts no thread for 0, or when its script is missing', () => {
    const none = new ExtractPool(0, pathToFileURL(script));
    none.start();
    expect(none.size).toBe(0);
    const missing = new ExtractPool(2, pathToFileURL(join(tmp.dir, 'no-such-script.mjs')));
    missing.start();
    expect(missing.size).toBe(0);
  });
});
