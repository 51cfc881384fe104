// QueryNode -> matcher plan. Fields are pushed down to the leaves (a bit mask each), query
// words are tokenised once here with the document tokenizer, wildcards are compiled to
// patterns. Every plan node gets an id so one evaluation can memoise per node.
import { DEFAULT_FIELDS, MATCH_FIELDS, isWildcard, type QueryNode } from './ast.js';
import { foldWordCased } from '../text/fold.js';
import { tokenize } from './tokenize.js';
import { wildcardPattern, type WildcardPattern } from './wildcard.js';
import type { MatchField } from './types.js';

/** Field order: index = bit; also the order of hits and sentences in results. */
export const FIELD_ORDER: readonly MatchField[] = MATCH_FIELDS;

export function fieldBit(field: MatchField): number {
  return 1 << FIELD_ORDER.indexOf(field);
}

const DEFAULT_MASK = DEFAULT_FIELDS.reduce((m, f) => m | fieldBit(f), 0);

/** One word of a phrase; `cased` set for cs(...). */
export interface SeqItem {
  norm: string;
  cased: string | null;
}

export type Plan =
  | { k: 'tok'; id: number; fields: number; label: string; item: SeqItem }
  | {
      k: 'wild';
      id: number;
      fields: number;
      label: string;
      pattern: WildcardPattern;
      cased: WildcardPattern | null;
    }
  | { k: 'seq'; id: number; fields: number; label: string; items: SeqItem[] }
  | { k: 'and' | 'or'; id: number; children: Plan[] }
  | { k: 'not'; id: number; child: Plan }
  | { k: 'near'; id: number; left: Plan; right: Plan; distance: number; ordered: boolean };

export interface CompiledPlan {
  root: Plan;
  /** Number of plan nodes (ids are 0..size-1). */
  size: number;
}

export function buildPlan(tree: QueryNode): CompiledPlan {
  let next = 0;
  const id = (): number => next++;

  const words = (text: string, cs: boolean, joined: boolean): Array<SeqItem & { span: number }> => {
    const t = tokenize(text, { joined });
    return t.norm.map((norm, i) => ({
      norm,
      cased: cs ? foldWordCased(text.slice(t.start[i], t.end[i])) : null,
      span: t.span[i] ?? 1,
    }));
  };

  const leaf = (items: SeqItem[], fields: number, label: string): Plan =>
    items.length === 1 && items[0]
      ? { k: 'tok', id: id(), fields, label, item: items[0] }
      : { k: 'seq', id: id(), fields, label, items };

  // Equal leaves (an alias or a concept group used twice) share one plan node, so one
  // evaluation looks each up once.
  const leaves = new Map<string, Plan>();
  const walk = (node: QueryNode, fields: number): Plan => {
    if (node.kind !== 'term' && node.kind !== 'phrase') return walkInner(node, fields);
    const key = `${node.kind}\u0000${fields}\u0000${node.caseSensitive}\u0000${node.text}`;
    let plan = leaves.get(key);
    if (!plan) {
      plan = walkInner(node, fields);
      leaves.set(key, plan);
    }
    return plan;
  };

  const walkInner = (node: QueryNode, fields: number): Plan => {
    switch (node.kind) {
      case 'term': {
        const cs = node.caseSensitive;
        if (isWildcard(node.text)) {
          return {
            k: 'wild',
            id: id(),
            fields,
            label: node.text,
            pattern: wildcardPattern(node.text, false),
            cased: cs ? wildcardPattern(node.text, true) : null,
          };
        }
        const all = words(node.text, cs, true);
        const parts = all.filter((w) => w.span === 1).map(({ norm, cased }) => ({ norm, cased }));
        const compound = all.find((w) => w.span > 1);
        // "ten-point": the parts as a phrase, or the joined form "tenpoint" as written solid.
        if (compound && compound.span === parts.length) {
          const whole: SeqItem = { norm: compound.norm, cased: compound.cased };
          const orId = id();
          return {
            k: 'or',
            id: orId,
            children: [leaf(parts, fields, node.text), leaf([whole], fields, node.text)],
          };
        }
        return leaf(parts, fields, node.text);
      }
      case 'phrase': {
        const items = words(node.text, node.caseSensitive, false).map(({ norm, cased }) => ({
          norm,
          cased,
        }));
        return leaf(items, fields, node.text);
      }
      case 'and':
      case 'or':
        return { k: node.kind, id: id(), children: node.children.map((c) => walk(c, fields)) };
      case 'not':
        return { k: 'not', id: id(), child: walk(node.child, fields) };
      case 'near':
        return {
          k: 'near',
          id: id(),
          left: walk(node.left, fields),
          right: walk(node.right, fields),
          distance: node.distance,
          ordered: node.ordered,
        };
      case 'field':
        return walk(node.child, fieldBit(node.field));
    }
  };

  const root = walk(tree, DEFAULT_MASK);
  return { root, size: next };
}
