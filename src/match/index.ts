// The event query language (docs/query-language.md): parse, print, compile, match.
export type {
  AndNode,
  FieldNode,
  NearNode,
  NotNode,
  OrNode,
  PhraseNode,
  QueryNode,
  TermNode,
} from './ast.js';
export { MATCH_FIELDS } from './ast.js';
export {
  QUERY_ERROR_CODES,
  QueryError,
  QuerySyntaxError,
  QueryTooComplexError,
  QueryUnknownAliasError,
  QueryUnknownFieldError,
} from './errors.js';
export { parseQuery, type QueryOptions } from './parser.js';
export { formatQuery, formatTree } from './format.js';
export { compileQuery, matchDocument, type CompiledQuery } from './compile.js';
export { splitSentences, type SentenceRange } from './sentences.js';
export { markSentence } from './mark.js';
export { tokenize, type TokenStream } from './tokenize.js';
export * as limits from './limits.js';
export { uniqueSentences } from './unique-sentences.js';
