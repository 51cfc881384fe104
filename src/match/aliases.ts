// `@name` references: each alias text is parsed once per context (inside cs(...) or a field
// it parses differently), spliced into the tree, and a reference back to an alias being
// expanded is a cycle. Errors inside an alias's text name the alias and its column.
import type { QueryNode } from './ast.js';
import { QueryError, QuerySyntaxError, QueryUnknownAliasError } from './errors.js';
import type { MatchField } from './types.js';

export interface ParsedAlias {
  node: QueryNode;
  /** Terms and phrases in the tree, counted towards MAX_TERMS at every reference. */
  terms: number;
  /** Deepest nesting inside the alias text. */
  depth: number;
}

export interface AliasContext {
  cs: boolean;
  field: MatchField | null;
}

type ParseAlias = (text: string, ctx: AliasContext) => ParsedAlias;

export class AliasResolver {
  private readonly cache = new Map<string, ParsedAlias>();
  private readonly stack: string[] = [];

  constructor(
    private readonly aliases: Readonly<Record<string, string>>,
    private readonly parse: ParseAlias,
  ) {}

  resolve(name: string, col: number, ctx: AliasContext): ParsedAlias {
    const text = Object.hasOwn(this.aliases, name) ? this.aliases[name] : undefined;
    if (text === undefined) {
      const known = Object.keys(this.aliases).map((a) => `@${a}`);
      throw new QueryUnknownAliasError(
        `unknown alias "@${name}" at column ${col}`,
        col,
        known.length === 0 ? 'no alias: none is defined' : `one of ${known.join(', ')}`,
      );
    }
    const loop = this.stack.indexOf(name);
    if (loop >= 0) {
      const path = [...this.stack.slice(loop), name].map((a) => `@${a}`).join(' -> ');
      throw new QuerySyntaxError(
        `alias cycle ${path} at column ${col}`,
        col,
        'an alias that does not refer back to itself',
      );
    }
    const key = `${name}\u0000${ctx.cs ? 'cs' : ''}\u0000${ctx.field ?? ''}`;
    const cached = this.cache.get(key);
    if (cached) return cached;
    this.stack.push(name);
    let parsed: ParsedAlias;
    try {
      parsed = this.parse(text, ctx);
    } catch (err) {
      throw err instanceof QueryError ? err.inAlias(name) : err;
    } finally {
      this.stack.pop();
    }
    this.cache.set(key, parsed);
    return parsed;
  }
}
