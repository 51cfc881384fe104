// The MwError a promise rejects with, for assertions on its code, retry class and message.
import { MwError } from '../../src/errors.js';

/** The MwError `p` rejects with; any other outcome (success, another error) fails the test. */
export async function failure(p: Promise<unknown>): Promise<MwError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof MwError) return err;
    throw err;
  }
  throw new Error('expected an MwError');
}
