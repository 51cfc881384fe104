// Opens the configured store: a file path is SQLite; postgres:// is reserved for the
// PostgreSQL store (a later issue) and refused with a clear error until then.
import { MwError } from '../errors.js';
import { SqliteStore } from './sqlite-store.js';
import type { Store } from './types.js';

export type * from './types.js';
export { SqliteStore } from './sqlite-store.js';

export function openStore(url: string, opts: { now?: () => Date } = {}): Store {
  if (/^postgres(ql)?:\/\//.test(url)) {
    throw new MwError(
      'MW_ERR_DATABASE_UNSUPPORTED',
      'PostgreSQL is not supported yet; set DATABASE_URL to a file path (SQLite), e.g. data/mediawatch.db',
    );
  }
  return new SqliteStore(url.replace(/^sqlite:(\/\/)?/, ''), opts);
}
