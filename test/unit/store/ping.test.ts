// Store.ping: the readiness check's trivial query (app/services/ops-server.ts, /readyz).
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { openStore } from '../../../src/store/index.js';
import { tmpDir } from '../../helpers/tmp.js';

const tmp = tmpDir('mw-ping-');
afterEach(() => tmp.cleanup());

it('answers while the database is open and rejects once it is closed', async () => {
  const store = await openStore(join(tmp.dir, 'ping.db'));
  await expect(store.ping()).resolves.toBeUndefined();
  await store.close();
  await expect(store.ping()).rejects.toThrow();
});
