// Query text -> tokens with 1-based columns. Context-free but for one rule: the rest of a word
// after `field:` is read as a term, so `url:https://example.org/x` needs no quotes.
import { isMatchField, MATCH_FIELDS } from './ast.js';
import { QuerySyntaxError, QueryUnknownFieldError } from './errors.js';
import { MAX_NEAR_DISTANCE } from './limits.js';

export type LexToken =
  | { kind: 'word'; col: number; text: string }
  | { kind: 'phrase'; col: number; text: string }
  | { kind: 'lparen' | 'rparen' | 'and' | 'or' | 'not' | 'minus' | 'cs' | 'eof'; col: number }
  | { kind: 'near'; col: number; distance: number; ordered: boolean; text: string }
  | { kind: 'field'; col: number; field: string }
  | { kind: 'alias'; col: number; name: string };

/** Every double quote a query may be typed with; a phrase runs from one to the next. */
const QUOTES = new Set(['"', '\u201c', '\u201d', '\u201e', '\u201f', '\u00ab', '\u00bb']);
const FIELD_RE = /^([A-Za-z]+):/;
const NEAR_RE = /^(O?NEAR)(?:\/(.*))?$/;
const ALIAS_NAME_RE = /^[\p{L}\p{N}_-]+$/u;

function isSpace(ch: string): boolean {
  return /\s/u.test(ch);
}

function isDelimiter(ch: string): boolean {
  return ch === '(' || ch === ')' || QUOTES.has(ch) || isSpace(ch);
}

export function lex(text: string): LexToken[] {
  const out: LexToken[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text.charAt(i);
    if (isSpace(ch)) {
      i++;
    } else if (ch === '(') {
      out.push({ kind: 'lparen', col: i + 1 });
      i++;
    } else if (ch === ')') {
      out.push({ kind: 'rparen', col: i + 1 });
      i++;
    } else if (QUOTES.has(ch)) {
      let j = i + 1;
      while (j < text.length && !QUOTES.has(text.charAt(j))) j++;
      if (j >= text.length) {
        throw new QuerySyntaxError(
          `unterminated phrase: the quote at column ${i + 1} is never closed`,
          i + 1,
          'a closing quote (")',
        );
      }
      out.push({ kind: 'phrase', col: i + 1, text: text.slice(i + 1, j) });
      i = j + 1;
    } else {
      let j = i;
      while (j < text.length && !isDelimiter(text.charAt(j))) j++;
      classify(text, i, j, true, out);
      i = j;
    }
  }
  out.push({ kind: 'eof', col: text.length + 1 });
  return out;
}

/** One word (text[start, end)) -> tokens. `top` is false for the rest of a word after `field:`. */
function classify(text: string, start: number, end: number, top: boolean, out: LexToken[]): void {
  const word = text.slice(start, end);
  const col = start + 1;
  if (word === 'AND' || word === 'OR' || word === 'NOT') {
    out.push({ kind: word === 'AND' ? 'and' : word === 'OR' ? 'or' : 'not', col });
    return;
  }
  const near = NEAR_RE.exec(word);
  if (near) {
    const digits = near[2] ?? '';
    const distance = Number(digits);
    if (!/^\d+$/.test(digits) || distance > MAX_NEAR_DISTANCE) {
      throw new QuerySyntaxError(
        `"${word}" at column ${col} needs a distance in words`,
        col,
        `${near[1]}/n with n a number of words from 0 to ${MAX_NEAR_DISTANCE}`,
      );
    }
    out.push({ kind: 'near', col, distance, ordered: near[1] === 'ONEAR', text: word });
    return;
  }
  if (word.startsWith('-')) {
    // Iterative, so "-----…a" cannot exhaust the stack.
    let at = start;
    while (at < end && text.charAt(at) === '-') at++;
    const next = text.charAt(end);
    const opensGroup = next === '(' || QUOTES.has(next);
    if (!top || (at === end && !opensGroup)) {
      const column = top ? at : col; // the last "-"
      throw new QuerySyntaxError(
        `unexpected "-" at column ${column}`,
        column,
        top ? 'a term right after "-" (no space)' : 'a term or a group after the field',
      );
    }
    for (let k = start; k < at; k++) out.push({ kind: 'minus', col: k + 1 });
    if (at < end) classify(text, at, end, true, out);
    return;
  }
  if (word.startsWith('@')) {
    const name = word.slice(1);
    if (!ALIAS_NAME_RE.test(name)) {
      throw new QuerySyntaxError(
        `bad alias "${word}" at column ${col}`,
        col,
        'an alias name (letters, digits, "_" or "-") after "@"',
      );
    }
    out.push({ kind: 'alias', col, name });
    return;
  }
  if (word === 'cs' && text.charAt(end) === '(') {
    out.push({ kind: 'cs', col });
    return;
  }
  const field = FIELD_RE.exec(word);
  if (field) {
    const name = (field[1] ?? '').toLowerCase();
    if (isMatchField(name)) {
      out.push({ kind: 'field', col, field: name });
      const rest = start + name.length + 1;
      if (rest < end) classify(text, rest, end, false, out);
      return;
    }
    if (top) {
      throw new QueryUnknownFieldError(
        `unknown field "${field[1] ?? ''}:" at column ${col}`,
        col,
        `one of ${MATCH_FIELDS.map((f) => `${f}:`).join(', ')}`,
      );
    }
  }
  out.push({ kind: 'word', col, text: word });
}

/** How a token is named in an error message. */
export function describeToken(tok: LexToken): string {
  switch (tok.kind) {
    case 'eof':
      return 'end of query';
    case 'word':
      return `"${tok.text}"`;
    case 'phrase':
      return `phrase "${tok.text}"`;
    case 'lparen':
      return '"("';
    case 'rparen':
      return '")"';
    case 'and':
      return '"AND"';
    case 'or':
      return '"OR"';
    case 'not':
      return '"NOT"';
    case 'minus':
      return '"-"';
    case 'cs':
      return '"cs("';
    case 'near':
      return `"${tok.text}"`;
    case 'field':
      return `"${tok.field}:"`;
    case 'alias':
      return `"@${tok.name}"`;
  }
}
