import { describe, expect, it } from 'vitest';
import { formatQuery, parseQuery, type QueryNode } from '../../../src/match/index.js';

const t = (text: string, caseSensitive = false): QueryNode => ({
  kind: 'term',
  text,
  caseSensitive,
});
const p = (text: string, caseSensitive = false): QueryNode => ({
  kind: 'phrase',
  text,
  caseSensitive,
});
const and = (...children: QueryNode[]): QueryNode => ({ kind: 'and', children });
const or = (...children: QueryNode[]): QueryNode => ({ kind: 'or', children });
const not = (child: QueryNode): QueryNode => ({ kind: 'not', child });
const near = (left: QueryNode, right: QueryNode, distance: number, ordered = false): QueryNode => ({
  kind: 'near',
  left,
  right,
  distance,
  ordered,
});

describe('parseQuery: terms and phrases', () => {
  it('parses a word', () => {
    expect(parseQuery('Rajavi')).toEqual(t('Rajavi'));
  });
  it('parses a phrase with straight and typographic quotes', () => {
    expect(parseQuery('"Hans Bonte"')).toEqual(p('Hans Bonte'));
    expect(parseQuery('“Hans Bonte”')).toEqual(p('Hans Bonte'));
    expect(parseQuery('„Iraans verzet“')).toEqual(p('Iraans verzet'));
    expect(parseQuery('«résistance iranienne»')).toEqual(p('résistance iranienne'));
  });
  it('keeps words with apostrophes and hyphens whole', () => {
    expect(parseQuery("l'opposition ten-point")).toEqual(and(t("l'opposition"), t('ten-point')));
  });
  it('reads lower-case and/or/not as words', () => {
    expect(parseQuery('rock and roll or not')).toEqual(
      and(t('rock'), t('and'), t('roll'), t('or'), t('not')),
    );
  });
  it('parses trailing and inner wildcards', () => {
    expect(parseQuery('burgemeester* wom?n bur*ster')).toEqual(
      and(t('burgemeester*'), t('wom?n'), t('bur*ster')),
    );
  });
});

describe('parseQuery: operators and precedence', () => {
  it('ANDs adjacent terms and flattens AND chains', () => {
    expect(parseQuery('a b AND c')).toEqual(and(t('a'), t('b'), t('c')));
  });
  it('binds AND tighter than OR', () => {
    expect(parseQuery('a b OR c')).toEqual(or(and(t('a'), t('b')), t('c')));
    expect(parseQuery('a OR b c')).toEqual(or(t('a'), and(t('b'), t('c'))));
  });
  it('binds NOT tighter than AND', () => {
    expect(parseQuery('a NOT b c')).toEqual(and(t('a'), not(t('b')), t('c')));
    expect(parseQuery('NOT a OR b')).toEqual(or(not(t('a')), t('b')));
  });
  it('reads -word as NOT word', () => {
    expect(parseQuery('a -b -"c d" -(e OR f)')).toEqual(
      and(t('a'), not(t('b')), not(p('c d')), not(or(t('e'), t('f')))),
    );
  });
  it('keeps parenthesised groups as nested nodes', () => {
    expect(parseQuery('a AND (b AND c)')).toEqual(and(t('a'), and(t('b'), t('c'))));
    expect(parseQuery('(a OR b) (c OR d)')).toEqual(and(or(t('a'), t('b')), or(t('c'), t('d'))));
    expect(parseQuery('((a))')).toEqual(t('a'));
  });
  it('parses NEAR and ONEAR with distances, tighter than NOT', () => {
    expect(parseQuery('a NEAR/5 b')).toEqual(near(t('a'), t('b'), 5));
    expect(parseQuery('a ONEAR/0 "b c"')).toEqual(near(t('a'), p('b c'), 0, true));
    expect(parseQuery('NOT a NEAR/3 b')).toEqual(not(near(t('a'), t('b'), 3)));
    expect(parseQuery('x OR 160 NEAR/3 mayor*')).toEqual(
      or(t('x'), near(t('160'), t('mayor*'), 3)),
    );
  });
  it('takes OR-groups, fields and NEAR chains as NEAR operands', () => {
    expect(parseQuery('(a OR "b c") NEAR/2 title:d')).toEqual(
      near(or(t('a'), p('b c')), { kind: 'field', field: 'title', child: t('d') }, 2),
    );
    expect(parseQuery('a NEAR/1 b ONEAR/2 c')).toEqual(
      near(near(t('a'), t('b'), 1), t('c'), 2, true),
    );
  });
});

describe('parseQuery: fields, cs() and aliases', () => {
  it('parses every field over terms, phrases and groups', () => {
    for (const field of ['title', 'lead', 'body', 'url', 'outlet', 'lang', 'author'] as const) {
      expect(parseQuery(`${field}:x`)).toEqual({ kind: 'field', field, child: t('x') });
    }
    expect(parseQuery('lang:(fr OR nl)')).toEqual({
      kind: 'field',
      field: 'lang',
      child: or(t('fr'), t('nl')),
    });
    expect(parseQuery('title:"Hans Bonte"')).toEqual({
      kind: 'field',
      field: 'title',
      child: p('Hans Bonte'),
    });
  });
  it('reads the rest of a word after field: as one term', () => {
    expect(parseQuery('url:https://www.lalibre.be/x')).toEqual({
      kind: 'field',
      field: 'url',
      child: t('https://www.lalibre.be/x'),
    });
  });
  it('marks terms inside cs() case-sensitive', () => {
    expect(parseQuery('cs("NCRI")')).toEqual(p('NCRI', true));
    expect(parseQuery('cs(NCRI)')).toEqual(t('NCRI', true));
    expect(parseQuery('cs(NCRI OR "Hans Bonte") x')).toEqual(
      and(or(t('NCRI', true), p('Hans Bonte', true)), t('x')),
    );
    expect(parseQuery('title:cs(MEK)')).toEqual({
      kind: 'field',
      field: 'title',
      child: t('MEK', true),
    });
  });
  it('reads "cs" not followed by "(" as a word', () => {
    expect(parseQuery('cs (a)')).toEqual(and(t('cs'), t('a')));
  });
  it('expands aliases as groups, also inside aliases and cs()', () => {
    const aliases = { r: 'Rajavi OR Radjavi', m: 'mayor* @r', acr: 'NCRI OR CNRI' };
    expect(parseQuery('@r Vilvoorde', { aliases })).toEqual(
      and(or(t('Rajavi'), t('Radjavi')), t('Vilvoorde')),
    );
    expect(parseQuery('@m', { aliases })).toEqual(and(t('mayor*'), or(t('Rajavi'), t('Radjavi'))));
    expect(parseQuery('cs(@acr)', { aliases })).toEqual(or(t('NCRI', true), t('CNRI', true)));
    expect(parseQuery('@acr', { aliases })).toEqual(or(t('NCRI'), t('CNRI')));
  });
});

describe('formatQuery', () => {
  const cases: Array<[string, string]> = [
    ['a b OR c', '(a AND b) OR c'],
    ['a -b', 'a AND NOT b'],
    ['NOT a NEAR/3 b', 'NOT (a NEAR/3 b)'],
    ['(a OR b) NEAR/3 (c OR d)', '(a OR b) NEAR/3 (c OR d)'],
    ['a NEAR/1 (b NEAR/2 c)', 'a NEAR/1 (b NEAR/2 c)'],
    ['title:(a OR b) cs(NCRI)', 'title:(a OR b) AND cs(NCRI)'],
    ['cs(a OR b)', 'cs(a) OR cs(b)'],
    ['  a   AND\n(b OR "c d")  ', 'a AND (b OR "c d")'],
  ];
  it.each(cases)('prints %j as %j and parses back to the same tree', (input, expected) => {
    const tree = parseQuery(input);
    expect(formatQuery(tree)).toBe(expected);
    expect(parseQuery(formatQuery(tree))).toEqual(tree);
  });
});
