// Database failures as the catalogue's codes, so that a full disk, a read-only database or a
// server that went away says what happened and what happens next (the job retries with
// backoff; nothing already stored is touched: every write is one transaction, rolled back).
import { MwError } from '../errors.js';

interface DriverError {
  code?: string;
  message?: string;
}

/** The MwError for a driver error (better-sqlite3 or pg), or the error itself. */
export function databaseError(err: unknown, where: string): unknown {
  if (err instanceof MwError || typeof err !== 'object' || err === null) return err;
  const { code = '', message = '' } = err as DriverError;
  const say = (
    c: 'MW_ERR_DATABASE_FULL' | 'MW_ERR_DATABASE_READONLY' | 'MW_ERR_DATABASE_UNREACHABLE',
    what: string,
  ) => new MwError(c, `${what} (${where}): ${message}`, { cause: err });
  // SQLite (better-sqlite3: SqliteError.code) and PostgreSQL (SQLSTATE) spell them differently.
  if (code === 'SQLITE_FULL' || code === '53100')
    return say('MW_ERR_DATABASE_FULL', 'the database is full');
  if (code === 'SQLITE_READONLY' || code.startsWith('SQLITE_READONLY_') || code === '25006')
    return say('MW_ERR_DATABASE_READONLY', 'the database refuses writes');
  if (
    code === 'SQLITE_CANTOPEN' ||
    code.startsWith('SQLITE_IOERR') ||
    code.startsWith('08') ||
    code === '57P01' ||
    code === 'ECONNREFUSED' ||
    code === 'ECONNRESET' ||
    /Connection terminated/i.test(message)
  )
    return say('MW_ERR_DATABASE_UNREACHABLE', 'the database cannot be reached');
  return err;
}

/** The same store, whose every method reports database failures by their codes. */
export function withDatabaseErrors<T extends object>(store: T): T {
  return new Proxy(store, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver) as unknown;
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const result = (value as (...a: unknown[]) => unknown).apply(target, args);
        return result instanceof Promise
          ? result.catch((err: unknown) => {
              throw databaseError(err, String(key));
            })
          : result;
      };
    },
  });
}
