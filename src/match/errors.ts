// Errors of the query language. Every one is a malformed or refused query: retrying gives the
// same answer (retry 'never'). Messages read `unexpected ")" at column 17; expected a term`.
// Each carries the 1-based column (UTF-16 code units) where the
// problem starts and what the parser expected there, so the CLI can put a caret under it.
// When the problem sits inside an alias's text, `alias` names it and `column` is a column of
// that alias's text.
import { MwError, type ErrorCode } from '../errors.js';

export const QUERY_ERROR_CODES = {
  syntax: 'MW_ERR_QUERY_SYNTAX',
  unknownAlias: 'MW_ERR_QUERY_UNKNOWN_ALIAS',
  unknownField: 'MW_ERR_QUERY_UNKNOWN_FIELD',
  tooComplex: 'MW_ERR_QUERY_TOO_COMPLEX',
} as const satisfies Record<string, ErrorCode>;

export type QueryErrorCode = (typeof QUERY_ERROR_CODES)[keyof typeof QUERY_ERROR_CODES];

/** Base of every query error: where (column, alias) and what was expected. */
export class QueryError extends MwError {
  readonly column: number;
  readonly expected: string;
  readonly alias: string | undefined;
  /** The message without the alias prefix and the "; expected …" part. */
  readonly reason: string;

  constructor(
    code: QueryErrorCode,
    message: string,
    column: number,
    expected: string,
    alias?: string,
  ) {
    const prefix = alias === undefined ? '' : `in @${alias}: `;
    super(code, `${prefix}${message}; expected ${expected}`);
    this.name = 'QueryError';
    this.reason = message;
    this.column = column;
    this.expected = expected;
    this.alias = alias;
  }

  /** The same error, reported as coming from the text of alias `name`. */
  inAlias(name: string): QueryError {
    if (this.alias !== undefined) return this;
    return rebuild(this, name);
  }
}

/** Malformed query text: `unexpected ")" at column 17; expected a term`. */
export class QuerySyntaxError extends QueryError {
  constructor(message: string, column: number, expected: string, alias?: string) {
    super(QUERY_ERROR_CODES.syntax, message, column, expected, alias);
    this.name = 'QuerySyntaxError';
  }
}

/** `@name` with no such alias in QueryOptions.aliases. */
export class QueryUnknownAliasError extends QueryError {
  constructor(message: string, column: number, expected: string, alias?: string) {
    super(QUERY_ERROR_CODES.unknownAlias, message, column, expected, alias);
    this.name = 'QueryUnknownAliasError';
  }
}

/** `name:` where name is not one of the fields of MatchField. */
export class QueryUnknownFieldError extends QueryError {
  constructor(message: string, column: number, expected: string, alias?: string) {
    super(QUERY_ERROR_CODES.unknownField, message, column, expected, alias);
    this.name = 'QueryUnknownFieldError';
  }
}

/** A query past the limits (length, nesting depth, number of terms). Refused, never run. */
export class QueryTooComplexError extends QueryError {
  constructor(message: string, column: number, expected: string, alias?: string) {
    super(QUERY_ERROR_CODES.tooComplex, message, column, expected, alias);
    this.name = 'QueryTooComplexError';
  }
}

function rebuild(err: QueryError, alias: string): QueryError {
  // The message is rebuilt from the unprefixed one so the alias prefix appears once.
  const Ctor =
    err instanceof QuerySyntaxError
      ? QuerySyntaxError
      : err instanceof QueryUnknownAliasError
        ? QueryUnknownAliasError
        : err instanceof QueryUnknownFieldError
          ? QueryUnknownFieldError
          : QueryTooComplexError;
  return new Ctor(err.reason, err.column, err.expected, alias);
}
