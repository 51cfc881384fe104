import { describe, expect, it } from 'vitest';
import { MwError } from '../../../src/errors.js';
import {
  parseQuery,
  QueryError,
  QuerySyntaxError,
  QueryTooComplexError,
  QueryUnknownAliasError,
  QueryUnknownFieldError,
  type QueryOptions,
} from '../../../src/match/index.js';

function errorOf(text: string, opts?: QueryOptions): QueryError {
  try {
    parseQuery(text, opts);
  } catch (err) {
    if (err instanceof QueryError) return err;
    throw err;
  }
  throw new Error(`no error for ${JSON.stringify(text)}`);
}

describe('syntax errors name the column and what was expected', () => {
  const cases: Array<[string, number, string]> = [
    ['a AND (b OR c OR )', 18, 'unexpected ")" at column 18; expected a term after "OR"'],
    ['Rajavi AND (mayor OR)', 21, 'unexpected ")" at column 21; expected a term after "OR"'],
    ['(a OR b', 8, 'unexpected end of query at column 8; expected ")" to close "(" at column 1'],
    ['a (b', 5, 'unexpected end of query at column 5; expected ")" to close "(" at column 3'],
    [
      'a OR b)',
      7,
      'unexpected ")" at column 7; expected an operator, a term or the end of the query',
    ],
    ['()', 2, 'unexpected ")" at column 2; expected a term'],
    ['', 1, 'unexpected end of query at column 1; expected a term'],
    ['   ', 4, 'unexpected end of query at column 4; expected a term'],
    ['a AND', 6, 'unexpected end of query at column 6; expected a term after "AND"'],
    ['a OR OR b', 6, 'unexpected "OR" at column 6; expected a term after "OR"'],
    ['AND a', 1, 'unexpected "AND" at column 1; expected a term'],
    ['a NOT', 6, 'unexpected end of query at column 6; expected a term after "NOT"'],
    ['a NEAR/3', 9, 'unexpected end of query at column 9; expected a term after "NEAR/3"'],
    [
      '"Hans Bonte',
      1,
      'unterminated phrase: the quote at column 1 is never closed; expected a closing quote (")',
    ],
    ['a "" b', 3, 'empty phrase at column 3; expected at least one word between the quotes'],
    [
      'ma* OR mayor*',
      1,
      'wildcard "ma*" at column 1 has fewer than three letters before "*"; expected at least three letters before "*"',
    ],
    [
      'x ?a*',
      3,
      'wildcard "?a*" at column 3 has fewer than three letters before "*"; expected at least three letters before "*"',
    ],
    [
      'a & b',
      3,
      '"&" at column 3 holds no letter or digit; expected a term with at least one letter or digit',
    ],
    [
      'a NEAR b',
      3,
      '"NEAR" at column 3 needs a distance in words; expected NEAR/n with n a number of words from 0 to 100',
    ],
    [
      'a ONEAR/x b',
      3,
      '"ONEAR/x" at column 3 needs a distance in words; expected ONEAR/n with n a number of words from 0 to 100',
    ],
    [
      'a NEAR/101 b',
      3,
      '"NEAR/101" at column 3 needs a distance in words; expected NEAR/n with n a number of words from 0 to 100',
    ],
    [
      'x (a b) NEAR/3 c',
      3,
      'unexpected AND-group at column 3 as an operand of NEAR/3; expected a term, a phrase or an OR-group',
    ],
    [
      'a NEAR/3 -b',
      10,
      'unexpected NOT at column 10 as an operand of NEAR/3; expected a term, a phrase or an OR-group',
    ],
    ['a - b', 3, 'unexpected "-" at column 3; expected a term right after "-" (no space)'],
    [
      'title:',
      7,
      'unexpected end of query at column 7; expected a term, a phrase or a group after title:',
    ],
    [
      'title:(body:x)',
      8,
      'field body: inside title: can never match at column 8; expected no field or title:',
    ],
    ['cs(NCRI', 8, 'unexpected end of query at column 8; expected ")" to close "cs(" at column 1'],
    [
      'a @',
      3,
      'bad alias "@" at column 3; expected an alias name (letters, digits, "_" or "-") after "@"',
    ],
  ];
  it.each(cases)('%j -> column %i', (text, column, message) => {
    const err = errorOf(text);
    expect(err).toBeInstanceOf(QuerySyntaxError);
    expect(err).toBeInstanceOf(MwError);
    expect(err.code).toBe('MW_ERR_QUERY_SYNTAX');
    expect(err.retry).toBe('never');
    expect(err.column).toBe(column);
    expect(err.message).toBe(message);
    expect(message).toContain(`; expected ${err.expected}`);
  });
});

describe('unknown fields and aliases are named', () => {
  it('names an unknown field', () => {
    const err = errorOf('Rajavi titel:Vilvoorde');
    expect(err).toBeInstanceOf(QueryUnknownFieldError);
    expect(err.code).toBe('MW_ERR_QUERY_UNKNOWN_FIELD');
    expect(err.column).toBe(8);
    expect(err.message).toBe(
      'unknown field "titel:" at column 8; expected one of title:, lead:, body:, url:, outlet:, lang:, author:',
    );
  });
  it('names an unknown alias and lists the known ones', () => {
    const err = errorOf('Vilvoorde @mayor', { aliases: { mayors: 'mayor*', r: 'Rajavi' } });
    expect(err).toBeInstanceOf(QueryUnknownAliasError);
    expect(err.code).toBe('MW_ERR_QUERY_UNKNOWN_ALIAS');
    expect(err.column).toBe(11);
    expect(err.message).toBe('unknown alias "@mayor" at column 11; expected one of @mayors, @r');
  });
  it('says when no alias is defined', () => {
    expect(errorOf('@x').message).toBe(
      'unknown alias "@x" at column 1; expected no alias: none is defined',
    );
  });
  it('reports an error inside an alias with the alias name and its own column', () => {
    const err = errorOf('x @r', { aliases: { r: 'Rajavi OR (NCRI' } });
    expect(err).toBeInstanceOf(QuerySyntaxError);
    expect(err.alias).toBe('r');
    expect(err.column).toBe(16);
    expect(err.message).toBe(
      'in @r: unexpected end of query at column 16; expected ")" to close "(" at column 11',
    );
  });
  it('names the innermost alias of a chain', () => {
    const err = errorOf('@a', { aliases: { a: 'x @b', b: 'y @c', c: 'z @nope' } });
    expect(err).toBeInstanceOf(QueryUnknownAliasError);
    expect(err.alias).toBe('c');
    expect(err.column).toBe(3);
  });
  it('refuses alias cycles', () => {
    const err = errorOf('@a', { aliases: { a: 'x OR @b', b: '(y @a)' } });
    expect(err).toBeInstanceOf(QuerySyntaxError);
    expect(err.alias).toBe('b');
    expect(err.column).toBe(4);
    expect(err.message).toBe(
      'in @b: alias cycle @a -> @b -> @a at column 4; expected an alias that does not refer back to itself',
    );
    expect(errorOf('@self', { aliases: { self: '@self' } }).message).toContain(
      'alias cycle @self -> @self',
    );
  });
});

describe('pathological queries are refused', () => {
  it('refuses text over 20,000 characters', () => {
    const err = errorOf('a '.repeat(10_001));
    expect(err).toBeInstanceOf(QueryTooComplexError);
    expect(err.code).toBe('MW_ERR_QUERY_TOO_COMPLEX');
    expect(err.column).toBe(20_001);
  });
  it('refuses an alias text over 20,000 characters', () => {
    const err = errorOf('@big', { aliases: { big: 'x'.repeat(20_001) } });
    expect(err.code).toBe('MW_ERR_QUERY_TOO_COMPLEX');
    expect(err.alias).toBe('big');
  });
  it('accepts nesting of 64 and refuses 65', () => {
    expect(() => parseQuery(`${'('.repeat(64)}a${')'.repeat(64)}`)).not.toThrow();
    const err = errorOf(`${'('.repeat(65)}a${')'.repeat(65)}`);
    expect(err.code).toBe('MW_ERR_QUERY_TOO_COMPLEX');
    expect(err.column).toBe(65);
    expect(err.message).toBe(
      'query nests deeper than 64 levels at column 65; expected at most 64 levels of groups, NOT, fields and NEAR',
    );
  });
  it('counts NOT chains, NEAR chains and alias depth as nesting', () => {
    expect(errorOf(`${'NOT '.repeat(65)}a`).code).toBe('MW_ERR_QUERY_TOO_COMPLEX');
    expect(errorOf(`a${' NEAR/1 a'.repeat(65)}`).code).toBe('MW_ERR_QUERY_TOO_COMPLEX');
    const deep = `${'('.repeat(40)}a${')'.repeat(40)}`;
    expect(errorOf(`${'('.repeat(30)}@d${')'.repeat(30)}`, { aliases: { d: deep } }).code).toBe(
      'MW_ERR_QUERY_TOO_COMPLEX',
    );
  });
  it('accepts 2,000 terms and refuses 2,001', () => {
    expect(() =>
      parseQuery(Array.from({ length: 2000 }, (_, i) => `w${i}`).join(' OR ')),
    ).not.toThrow();
    const err = errorOf(Array.from({ length: 2001 }, (_, i) => `w${i}`).join(' OR '));
    expect(err.code).toBe('MW_ERR_QUERY_TOO_COMPLEX');
    expect(err.message).toContain('more than 2000 terms');
  });
  it('counts a reused alias every time, without parsing it exponentially', () => {
    // Each level doubles the terms: 2^30 if expanded naively. Refused instead, each alias text
    // parsed once: a text is read once per reference in a parsed text (2 per level, 1 for @a30),
    // where naive expansion reads them thousands of times before reaching the limit.
    const texts: Record<string, string> = { a0: 'x' };
    for (let i = 1; i <= 30; i++) texts[`a${i}`] = `@a${i - 1} @a${i - 1}`;
    let reads = 0;
    const aliases = new Proxy(texts, {
      get: (target, key) => {
        reads++;
        return Reflect.get(target, key) as unknown;
      },
    });
    const err = errorOf('@a30', { aliases });
    expect(err.code).toBe('MW_ERR_QUERY_TOO_COMPLEX');
    expect(err.message).toContain('more than 2000 terms');
    expect(reads).toBeGreaterThan(0);
    expect(reads).toBeLessThanOrEqual(2 * 30 + 1);
  });
});

describe('minus signs', () => {
  it('refuses "-" right after a field', () => {
    const err = errorOf('title:-x');
    expect(err.column).toBe(7);
    expect(err.message).toBe(
      'unexpected "-" at column 7; expected a term or a group after the field',
    );
  });
  it('names the last "-" of a dangling run', () => {
    expect(errorOf('a -- b').column).toBe(4);
  });
  it('refuses a long run of "-" as too deep, without exhausting the stack', () => {
    expect(errorOf(`${'-'.repeat(19_999)}a`).code).toBe('MW_ERR_QUERY_TOO_COMPLEX');
  });
});
