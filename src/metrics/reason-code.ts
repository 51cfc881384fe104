// The `reason` label of the page counters: a ledger reason line ("MW_SKIP_NOT_ARTICLE: no
// article body …") reduced to its catalogue code, so that the label takes one of a fixed set of
// values whatever the message, URL or outlet. Anything else becomes MW_ERR_INTERNAL.
import { ERROR_CATALOGUE, type ErrorCode } from '../errors.js';

/** The catalogue code a reason line starts with (a code alone is returned as it is). */
export function reasonCode(reason: string): ErrorCode {
  const code = /^(MW_[A-Z0-9_]+)\b/.exec(reason)?.[1];
  return code !== undefined && Object.hasOwn(ERROR_CATALOGUE, code)
    ? (code as ErrorCode)
    : 'MW_ERR_INTERNAL';
}
