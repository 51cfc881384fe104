// A thread of the extract pool (./extract-pool.ts): bytes in (transferred), article out.
import { parentPort } from 'node:worker_threads';
import { MwError } from '../errors.js';
import { extractBytes, type ExtractOutlet } from './extract-page.js';

interface Task {
  id: number;
  body: Uint8Array;
  contentType: string | null;
  url: string;
  outlet: ExtractOutlet;
}

parentPort!.on('message', (t: Task) => {
  try {
    parentPort!.postMessage({
      id: t.id,
      article: extractBytes(t.body, t.contentType, t.url, t.outlet),
    });
  } catch (err) {
    parentPort!.postMessage({
      id: t.id,
      error: err instanceof Error ? err.message : String(err),
      code: err instanceof MwError ? err.code : undefined,
    });
  }
});
