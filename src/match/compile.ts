// compileQuery once per event, matchDocument once per (event, article). The document index is
// shared by every query matched against the same document object.
import type { QueryNode } from './ast.js';
import { indexDocument } from './document-index.js';
import { Evaluation, type Hit } from './evaluate.js';
import { parseQuery, type QueryOptions } from './parser.js';
import { buildPlan, type CompiledPlan } from './plan.js';
import { buildResult } from './results.js';
import type { MatchDocument, MatchResult } from './types.js';

export interface CompiledQuery {
  readonly source: string;
  readonly tree: QueryNode;
  /** Matcher plan; internal. */
  readonly plan: CompiledPlan;
}

export function compileQuery(text: string, opts: QueryOptions = {}): CompiledQuery {
  const tree = parseQuery(text, opts);
  return Object.freeze({ source: text, tree, plan: buildPlan(tree) });
}

/** The match of q in doc with its hits and hit sentences, or null when q does not match. */
export function matchDocument(q: CompiledQuery, doc: MatchDocument): MatchResult | null {
  const idx = indexDocument(doc);
  const run = new Evaluation(q.plan, idx);
  if (!run.test(q.plan.root)) return null;
  const hits: Hit[] = [];
  run.collect(q.plan.root, hits);
  return buildResult(idx, hits);
}
