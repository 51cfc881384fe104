// Driver errors as catalogue codes, on errors a real SQLite raises (a full database, a
// read-only one), and the store's wrapper that applies it to every method.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { MwError } from '../../../src/errors.js';
import { databaseError, withDatabaseErrors } from '../../../src/store/errors.js';
import { tmpDir } from '../../helpers/tmp.js';

let tmp = tmpDir('mw-dberr-');
beforeEach(() => (tmp = tmpDir('mw-dberr-')));
afterEach(() => tmp.cleanup());

function raised(fn: () => unknown): unknown {
  try {
    fn();
  } catch (err) {
    return err;
  }
  throw new Error('expected an error');
}

it('names a full database MW_ERR_DATABASE_FULL', () => {
  const db = new Database(join(tmp.dir, 'full.db'));
  db.exec('CREATE TABLE t (x TEXT)');
  db.pragma('max_page_count = 3');
  const err = raised(() => {
    for (let i = 0; i < 1000; i++) db.prepare('INSERT INTO t VALUES (?)').run('x'.repeat(2000));
  });
  db.close();
  const mapped = databaseError(err, 'recordArticle');
  expect(mapped).toBeInstanceOf(MwError);
  expect((mapped as MwError).code).toBe('MW_ERR_DATABASE_FULL');
  expect((mapped as MwError).message).toMatch(/the database is full \(recordArticle\)/);
  expect((mapped as MwError).retry).toBe('backoff');
});

it('names a read-only database MW_ERR_DATABASE_READONLY', () => {
  const file = join(tmp.dir, 'ro.db');
  new Database(file).exec('CREATE TABLE t (x TEXT)');
  const db = new Database(file, { readonly: true });
  const err = raised(() => db.prepare('INSERT INTO t VALUES (1)').run());
  db.close();
  expect((databaseError(err, 'settle') as MwError).code).toBe('MW_ERR_DATABASE_READONLY');
});

it('leaves other errors as they are, and maps every async method of a wrapped object', async () => {
  const plain = new Error('a bug');
  expect(databaseError(plain, 'x')).toBe(plain);
  const wrapped = withDatabaseErrors({
    async write(): Promise<void> {
      throw Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
    },
    sync: () => 42,
  });
  await expect(wrapped.write()).rejects.toMatchObject({ code: 'MW_ERR_DATABASE_FULL' });
  expect(wrapped.sync()).toBe(42);
});
