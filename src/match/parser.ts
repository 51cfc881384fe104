// Recursive-descent parser: query text -> QueryNode. Grammar, tightest binding last:
//   query   := or EOF
//   or      := and (OR and)*
//   and     := not ((AND)? not)*          adjacent terms are ANDed
//   not     := (NOT | -) not | near
//   near    := unary ((NEAR/n | ONEAR/n) unary)*   operands: terms, phrases, OR-groups
//   unary   := field: primary | primary
//   primary := word | "phrase" | ( or ) | cs( or ) | @alias
// Aliases are parsed once per (name, cs, field) and spliced in as a group.
import { AliasResolver, type ParsedAlias } from './aliases.js';
import { isSpanNode, type QueryNode } from './ast.js';
import { QuerySyntaxError, QueryTooComplexError } from './errors.js';
import { describeToken, lex, type LexToken } from './lexer.js';
import { MAX_DEPTH, MAX_QUERY_CHARS, MAX_TERMS } from './limits.js';
import { checkPhraseText, checkTermText } from './parse-checks.js';
import type { MatchField } from './types.js';

export interface QueryOptions {
  /** name -> query text; may use the whole syntax and other aliases. Cycles are an error. */
  aliases?: Record<string, string>;
}

export function parseQuery(text: string, opts: QueryOptions = {}): QueryNode {
  const resolver: AliasResolver = new AliasResolver(
    opts.aliases ?? {},
    (aliasText, ctx): ParsedAlias => new Parser(aliasText, resolver, ctx.cs, ctx.field).run(),
  );
  return new Parser(text, resolver, false, null).run().node;
}

/** Tokens that can start an operand. After an operator anything else leaves it dangling, and
 * the error names the operator. */
const STARTS_OPERAND = new Set([
  'word',
  'phrase',
  'lparen',
  'not',
  'minus',
  'field',
  'cs',
  'alias',
]);

class Parser {
  private readonly tokens: LexToken[];
  private at = 0;
  private depth = 0;
  private maxDepth = 0;
  private terms = 0;

  constructor(
    private readonly text: string,
    private readonly resolver: AliasResolver,
    private cs: boolean,
    private field: MatchField | null,
  ) {
    if (text.length > MAX_QUERY_CHARS) {
      throw new QueryTooComplexError(
        `query is ${text.length} characters long at column ${MAX_QUERY_CHARS + 1}`,
        MAX_QUERY_CHARS + 1,
        `at most ${MAX_QUERY_CHARS} characters`,
      );
    }
    this.tokens = lex(text);
  }

  run(): ParsedAlias {
    const node = this.parseOr();
    const tok = this.peek();
    if (tok.kind !== 'eof') {
      this.fail(tok, 'an operator, a term or the end of the query');
    }
    return { node, terms: this.terms, depth: this.maxDepth };
  }

  private peek(): LexToken {
    return this.tokens[this.at] ?? { kind: 'eof', col: this.text.length + 1 };
  }

  private next(): LexToken {
    const tok = this.peek();
    if (this.at < this.tokens.length) this.at++;
    return tok;
  }

  private fail(tok: LexToken, expected: string): never {
    throw new QuerySyntaxError(
      `unexpected ${describeToken(tok)} at column ${tok.col}`,
      tok.col,
      expected,
    );
  }

  private enter(col: number, levels = 1): void {
    this.depth += levels;
    if (this.depth > this.maxDepth) this.maxDepth = this.depth;
    if (this.depth > MAX_DEPTH) {
      throw new QueryTooComplexError(
        `query nests deeper than ${MAX_DEPTH} levels at column ${col}`,
        col,
        `at most ${MAX_DEPTH} levels of groups, NOT, fields and NEAR`,
      );
    }
  }

  private leave(levels = 1): void {
    this.depth -= levels;
  }

  private countTerms(n: number, col: number): void {
    this.terms += n;
    if (this.terms > MAX_TERMS) {
      throw new QueryTooComplexError(
        `query has more than ${MAX_TERMS} terms at column ${col}`,
        col,
        `at most ${MAX_TERMS} terms and phrases (aliases included)`,
      );
    }
  }

  /** After an operator: an operand must follow; say which operator left it dangling. */
  private expectOperand(op: LexToken): void {
    const tok = this.peek();
    if (!STARTS_OPERAND.has(tok.kind)) this.fail(tok, `a term after ${describeToken(op)}`);
  }

  private parseOr(): QueryNode {
    const children = [this.parseAnd()];
    while (this.peek().kind === 'or') {
      const op = this.next();
      this.expectOperand(op);
      children.push(this.parseAnd());
    }
    return children.length === 1 ? (children[0] as QueryNode) : { kind: 'or', children };
  }

  private parseAnd(): QueryNode {
    const children = [this.parseNot()];
    for (;;) {
      const tok = this.peek();
      if (tok.kind === 'and') {
        this.next();
        this.expectOperand(tok);
      } else if (!STARTS_OPERAND.has(tok.kind)) {
        break;
      }
      children.push(this.parseNot());
    }
    return children.length === 1 ? (children[0] as QueryNode) : { kind: 'and', children };
  }

  private parseNot(): QueryNode {
    const tok = this.peek();
    if (tok.kind !== 'not' && tok.kind !== 'minus') return this.parseNear();
    this.next();
    this.expectOperand(tok);
    this.enter(tok.col);
    const child = this.parseNot();
    this.leave();
    return { kind: 'not', child };
  }

  private parseNear(): QueryNode {
    const startTok = this.peek();
    let left = this.parseUnary();
    let chain = 0;
    while (this.peek().kind === 'near') {
      const op = this.next();
      if (op.kind !== 'near') break;
      this.requireSpan(left, startTok, op);
      this.expectOperand(op);
      const rightTok = this.peek();
      if (rightTok.kind === 'not' || rightTok.kind === 'minus') {
        this.requireSpan({ kind: 'not', child: left }, rightTok, op);
      }
      chain++;
      this.enter(op.col);
      const right = this.parseUnary();
      this.requireSpan(right, rightTok, op);
      left = { kind: 'near', left, right, distance: op.distance, ordered: op.ordered };
    }
    this.leave(chain);
    return left;
  }

  private requireSpan(node: QueryNode, at: LexToken, op: LexToken): void {
    if (isSpanNode(node)) return;
    const what = node.kind === 'and' ? 'AND-group' : node.kind === 'not' ? 'NOT' : 'group';
    const opText = op.kind === 'near' ? op.text : 'NEAR';
    throw new QuerySyntaxError(
      `unexpected ${what} at column ${at.col} as an operand of ${opText}`,
      at.col,
      'a term, a phrase or an OR-group',
    );
  }

  private parseUnary(): QueryNode {
    const tok = this.peek();
    if (tok.kind !== 'field') return this.parsePrimary();
    this.next();
    if (this.field !== null && this.field !== tok.field) {
      throw new QuerySyntaxError(
        `field ${tok.field}: inside ${this.field}: can never match at column ${tok.col}`,
        tok.col,
        `no field or ${this.field}:`,
      );
    }
    const inner = this.peek();
    if (inner.kind === 'minus' || inner.kind === 'not' || !STARTS_OPERAND.has(inner.kind)) {
      this.fail(inner, `a term, a phrase or a group after ${tok.field}:`);
    }
    const saved = this.field;
    this.field = tok.field as MatchField;
    this.enter(tok.col);
    const child = this.parsePrimary();
    this.leave();
    this.field = saved;
    return { kind: 'field', field: tok.field as MatchField, child };
  }

  private parsePrimary(): QueryNode {
    const tok = this.next();
    switch (tok.kind) {
      case 'word':
        checkTermText(tok.text, tok.col);
        this.countTerms(1, tok.col);
        return { kind: 'term', text: tok.text, caseSensitive: this.cs };
      case 'phrase':
        checkPhraseText(tok.text, tok.col);
        this.countTerms(1, tok.col);
        return { kind: 'phrase', text: tok.text, caseSensitive: this.cs };
      case 'lparen':
        return this.parseGroup(tok, '(');
      case 'cs': {
        const paren = this.next();
        if (paren.kind !== 'lparen') this.fail(paren, '"(" after cs');
        const saved = this.cs;
        this.cs = true;
        const node = this.parseGroup(tok, 'cs(');
        this.cs = saved;
        return node;
      }
      case 'alias':
        return this.expandAlias(tok);
      default:
        return this.fail(tok, 'a term');
    }
  }

  private parseGroup(open: LexToken, opener: string): QueryNode {
    this.enter(open.col);
    const first = this.peek();
    if (first.kind === 'rparen' || first.kind === 'eof') this.fail(first, 'a term');
    const node = this.parseOr();
    const close = this.next();
    if (close.kind !== 'rparen') {
      this.fail(close, `")" to close "${opener}" at column ${open.col}`);
    }
    this.leave();
    return node;
  }

  private expandAlias(tok: LexToken & { kind: 'alias' }): QueryNode {
    const parsed = this.resolver.resolve(tok.name, tok.col, { cs: this.cs, field: this.field });
    this.enter(tok.col, parsed.depth);
    this.leave(parsed.depth);
    this.countTerms(parsed.terms, tok.col);
    return parsed.node;
  }
}
