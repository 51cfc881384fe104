// A document tokenised for matching: each field once, lazily (url, outlet, lang and author only
// when a query asks for them), with postings (folded token -> token indices) and per-field
// caches for wildcard expansions and case-kept forms. Indexes are cached per document object,
// so 50 events matched against one article tokenise it once; a field whose text changed since
// is tokenised again.
import { MAX_WILDCARD_EXPANSION } from './limits.js';
import { foldWordCased } from '../text/fold.js';
import { FIELD_ORDER } from './plan.js';
import { splitSentences, type SentenceRange } from './sentences.js';
import { tokenize, type TokenStream } from './tokenize.js';
import type { WildcardPattern } from './wildcard.js';
import type { MatchDocument } from './types.js';

const EMPTY: readonly number[] = [];

export class FieldIndex {
  readonly tokens: TokenStream;
  private readonly postings = new Map<string, number[]>();
  private sortedKeys: string[] | undefined;
  private readonly cased: Array<string | undefined> = [];
  private readonly expansions = new Map<string, readonly number[]>();
  private sentenceRanges: readonly SentenceRange[] | undefined;

  constructor(readonly text: string) {
    this.tokens = tokenize(text);
    const norms = this.tokens.norm;
    for (let i = 0; i < norms.length; i++) {
      const norm = norms[i] ?? '';
      const list = this.postings.get(norm);
      if (list) list.push(i);
      else this.postings.set(norm, [i]);
    }
  }

  /** Indices of the tokens whose folded form is `norm`, ascending. */
  lookup(norm: string): readonly number[] {
    return this.postings.get(norm) ?? EMPTY;
  }

  /** Sentences of the field text, split on first use (for hit sentences). */
  sentences(): readonly SentenceRange[] {
    return (this.sentenceRanges ??= splitSentences(this.text));
  }

  /** Accent-folded, case-kept form of token i (for cs terms), computed on first use. */
  casedAt(i: number): string {
    let c = this.cased[i];
    if (c === undefined) {
      c = foldWordCased(this.text.slice(this.tokens.start[i], this.tokens.end[i]));
      this.cased[i] = c;
    }
    return c;
  }

  /** Token indices whose folded form matches the pattern, at most MAX_WILDCARD_EXPANSION
   * distinct forms (the first in sort order), ascending. */
  expand(pat: WildcardPattern): readonly number[] {
    const cached = this.expansions.get(pat.pattern);
    if (cached) return cached;
    const keys = (this.sortedKeys ??= [...this.postings.keys()].sort());
    let lo = 0;
    let hi = keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((keys[mid] ?? '') < pat.prefix) lo = mid + 1;
      else hi = mid;
    }
    const out: number[] = [];
    let forms = 0;
    for (let k = lo; k < keys.length && forms < MAX_WILDCARD_EXPANSION; k++) {
      const key = keys[k] ?? '';
      if (!key.startsWith(pat.prefix)) break;
      if (pat.regex !== null && !pat.regex.test(key)) continue;
      forms++;
      for (const i of this.postings.get(key) ?? EMPTY) out.push(i);
    }
    const sorted = forms > 1 ? out.sort((a, b) => a - b) : out;
    this.expansions.set(pat.pattern, sorted);
    return sorted;
  }
}

export class DocumentIndex {
  private readonly fields: Array<FieldIndex | undefined> = [];

  constructor(private readonly doc: MatchDocument) {}

  /** Index of field number f (FIELD_ORDER), tokenised on first use. */
  field(f: number): FieldIndex {
    const text = fieldText(this.doc, f);
    let idx = this.fields[f];
    if (idx === undefined || idx.text !== text) {
      idx = new FieldIndex(text);
      this.fields[f] = idx;
    }
    return idx;
  }
}

/** The text of field f. Authors are joined by a blank line, so author hit offsets index
 * `authors.join('\n\n')` and phrases never run from one author into the next. */
export function fieldText(doc: MatchDocument, f: number): string {
  switch (FIELD_ORDER[f]) {
    case 'title':
      return str(doc.title);
    case 'lead':
      return str(doc.lead);
    case 'body':
      return str(doc.body);
    case 'url':
      return str(doc.url);
    case 'outlet':
      return str(doc.outlet);
    case 'lang':
      return str(doc.lang);
    case 'author':
      return Array.isArray(doc.authors) ? doc.authors.map(str).join('\n\n') : '';
    default:
      return '';
  }
}

/** Documents come from extraction and storage: a missing field reads as empty, never throws. */
function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

const cache = new WeakMap<MatchDocument, DocumentIndex>();

/** The index of a document, built once per document object. */
export function indexDocument(doc: MatchDocument): DocumentIndex {
  let idx = cache.get(doc);
  if (!idx) {
    idx = new DocumentIndex(doc);
    cache.set(doc, idx);
  }
  return idx;
}
