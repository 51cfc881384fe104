// Which people and organisations from a list appear in a text. Each entity has alias spellings
// ("Maryam Rajavi", "Radjavi", "NCRI"); an alias matches whole words, accent- and
// case-insensitively (Téhéran = teheran), except an alias written entirely in capitals of two
// capitals or more (NCRI, MEK), which matches only in capitals, so that the Dutch word "mek"
// does not count as the acronym (the event queries use cs(MEK) for the same reason). Pure.
import { foldAccents } from '../text/fold.js';

export interface EntityMention {
  /** The entity's key in the alias list. */
  name: string;
  /** Non-overlapping occurrences of any of its aliases. */
  mentions: number;
  /** The aliases found, as spelled in the list. */
  aliases: string[];
}

const WORD_RE = /[\p{L}\p{N}]+/gu;

function isAcronym(alias: string): boolean {
  const t = alias.trim();
  return /^[\p{Lu}\p{N}.&-]+$/u.test(t) && (t.match(/\p{Lu}/gu)?.length ?? 0) >= 2;
}

interface Tokens {
  /** Accent-folded, case kept. */
  cased: string[];
  /** Accent- and case-folded. */
  lower: string[];
  /** Lower-case token -> positions. */
  index: Map<string, number[]>;
}

function tokensOf(text: string): Tokens {
  const cased = foldAccents(text).match(WORD_RE) ?? [];
  const lower = cased.map((w) => w.toLowerCase());
  const index = new Map<string, number[]>();
  lower.forEach((w, i) => {
    const list = index.get(w);
    if (list) list.push(i);
    else index.set(w, [i]);
  });
  return { cased, lower, index };
}

/** Token ranges [start, end) where `alias` occurs. */
function occurrences(t: Tokens, alias: string): Array<[number, number]> {
  const caseSensitive = isAcronym(alias);
  const words = foldAccents(alias).match(WORD_RE) ?? [];
  const target = caseSensitive ? words : words.map((w) => w.toLowerCase());
  const first = target[0];
  if (first === undefined) return [];
  const hay = caseSensitive ? t.cased : t.lower;
  const out: Array<[number, number]> = [];
  for (const at of t.index.get(first.toLowerCase()) ?? []) {
    if (target.every((w, k) => hay[at + k] === w)) out.push([at, at + target.length]);
  }
  return out;
}

export function namedEntities(
  text: string,
  aliases: Readonly<Record<string, readonly string[]>>,
): EntityMention[] {
  const t = tokensOf(text);
  const out: EntityMention[] = [];
  for (const name of Object.keys(aliases).sort()) {
    const ranges: Array<[number, number, string]> = [];
    for (const alias of aliases[name] ?? []) {
      for (const [a, b] of occurrences(t, alias)) ranges.push([a, b, alias]);
    }
    // Longest match first at each position; a match inside a counted one is the same mention.
    ranges.sort((x, y) => x[0] - y[0] || y[1] - x[1]);
    let end = -1;
    let mentions = 0;
    const found = new Set<string>();
    for (const [a, b, alias] of ranges) {
      if (a < end) continue;
      mentions++;
      found.add(alias);
      end = b;
    }
    if (mentions > 0) out.push({ name, mentions, aliases: [...found].sort() });
  }
  return out.sort((x, y) => y.mentions - x.mentions || (x.name < y.name ? -1 : 1));
}
