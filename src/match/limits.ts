// Bounds that keep a pathological query or document from hanging a worker. A query past the
// first three is refused (MW_ERR_QUERY_TOO_COMPLEX); the others bound work on the document side.

/** Longest query text accepted, in UTF-16 code units (aliases count separately). */
export const MAX_QUERY_CHARS = 20_000;
/** Deepest nesting of groups, NOT, fields, cs(), NEAR chains and alias references. */
export const MAX_DEPTH = 64;
/** Most terms and phrases in one query, after alias expansion (a reused alias counts each time). */
export const MAX_TERMS = 2_000;
/** Largest n in NEAR/n and ONEAR/n. */
export const MAX_NEAR_DISTANCE = 100;
/** A wildcard matches at most this many distinct tokens of one document field; the rest are
 * ignored (document-side expansion, so a query cannot be refused for what a document holds). */
export const MAX_WILDCARD_EXPANSION = 1_000;
/** At most this many NEAR matches are kept per node and field, so hit lists stay bounded. */
export const MAX_NEAR_SPANS = 10_000;
/** Positions skipped at a paragraph break (a blank line): phrases and NEAR never cross one. */
export const PARAGRAPH_GAP = MAX_NEAR_DISTANCE + 10;
/** Positions skipped between two authors in the `author` field. */
export const AUTHOR_GAP = PARAGRAPH_GAP;
