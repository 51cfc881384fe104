// The one HTML parser of mediawatch: htmlparser2 (about 4x faster than parse5 on real news
// pages, see ../../docs/benchmarks.md). Each page is parsed once; the Document is passed to
// every stage that reads it (extraction, link discovery, canonical URL).
//
// Pages are hostile input, so parsing is bounded (docs/reliability.md):
// - depth: htmlparser2 keeps its open elements in an array that it shifts and unshifts at the
//   front, which costs the depth of the page on every tag; a page of 200,000 nested <div>s took
//   ~40 s (quadratic) and held a worker long enough to lose its BullMQ locks. No element is
//   opened deeper than MAX_DEPTH: a deeper one is flattened into its ancestor at that depth
//   (its tags are dropped, its text and its children's text kept in order), so a tag costs at
//   most MAX_DEPTH and every stage that walks the document walks a bounded depth. Void
//   elements (br, img …) are still added there: they hold nothing.
// - nodes: after MAX_NODES elements, comments and instructions (about five times the largest
//   real page we know), the rest of the page is flattened the same way, so that a page of two
//   million `<p>x` does not cost the extractor seconds. Its text is kept.
// - text: after MAX_TEXT_CHARS characters of text (four times the most text of any real page
//   we know; scripts and styles do not count), the rest of the text is dropped: the extractor's
//   time grows with the text, and a body is cut at 200,000 characters anyway.
// - size: the input is cut at MAX_HTML_CHARS (HTTP bodies are bounded by settings.http.maxBytes
//   already; this bounds the other callers).
// A dropped script, style, title, textarea or xmp drops its text too: it is not page text.
import { DomHandler, Parser } from 'htmlparser2';
import type { ParserOptions } from 'htmlparser2';
import type { Document } from 'domhandler';

export type { Document } from 'domhandler';

/** Elements deeper than this are flattened into their ancestor at this depth. */
export const MAX_DEPTH = 256;
/** Elements, comments and instructions of an HTML page kept at most; later ones are flattened. */
export const MAX_NODES = 50_000;
/** Characters of text of an HTML page kept at most, scripts and styles aside; the rest is dropped. */
export const MAX_TEXT_CHARS = 2_000_000;
/** Characters of input parsed at most (32 Mi characters); the rest is not read. */
export const MAX_HTML_CHARS = 32 * 1024 * 1024;

/** Elements whose content the tokenizer reads as text up to their own closing tag. */
const RAW_TEXT = new Set(['script', 'style', 'title', 'textarea', 'xmp']);

/** A DomHandler that knows how many elements are open and how many nodes it made. */
class DepthHandler extends DomHandler {
  /** Elements (implied ones too), comments, CDATA sections and instructions made so far. */
  nodes = 0;
  /** Characters of text kept so far, outside raw-text elements (scripts, styles …). */
  private textChars = 0;

  constructor(
    options: ParserOptions,
    private readonly maxText: number,
  ) {
    super(undefined, options);
  }

  get depth(): number {
    return this.tagStack.length - 1;
  }

  override ontext(data: string): void {
    const top = this.tagStack[this.tagStack.length - 1];
    if (top !== undefined && 'name' in top && RAW_TEXT.has(top.name)) return super.ontext(data);
    const room = this.maxText - this.textChars;
    if (room <= 0) return;
    const kept = data.length <= room ? data : data.slice(0, room);
    this.textChars += kept.length;
    super.ontext(kept);
  }

  override onopentag(name: string, attribs: Record<string, string>): void {
    this.nodes++;
    super.onopentag(name, attribs);
  }

  override oncomment(data: string): void {
    this.nodes++;
    super.oncomment(data);
  }

  override oncdatastart(): void {
    this.nodes++;
    super.oncdatastart();
  }

  override onprocessinginstruction(name: string, data: string): void {
    this.nodes++;
    super.onprocessinginstruction(name, data);
  }
}

type QuoteType = Parameters<Parser['onattribend']>[0];

/** htmlparser2's Parser (10.x) reads its input's text between two positions with this. */
interface ParserSlices {
  getSlice(start: number, end: number): string;
}

/**
 * htmlparser2's Parser within a budget: an opening tag past it is not passed on (nor its
 * attributes), and the next closing tag of that name is swallowed for it. Within the budget
 * every event goes straight to the Parser.
 */
class BoundedParser extends Parser {
  /** How many tags of each name were dropped and still wait for their closing tag. */
  private readonly dropped = new Map<string, number>();
  /** The name of the tag being read now, when it was dropped. */
  private dropping: string | null = null;
  /** Inside a dropped raw-text element: its text is dropped too. */
  private droppingText = false;
  private readonly lowerCase: boolean;
  private readonly html: boolean;

  constructor(
    private readonly handler: DepthHandler,
    options: ParserOptions,
    private readonly maxNodes: number,
  ) {
    super(handler, options);
    this.html = options.xmlMode !== true;
    this.lowerCase = options.lowerCaseTags ?? this.html;
  }

  private nameAt(start: number, end: number): string {
    // The Parser's own slice of its input, across the pieces it was written in.
    const name = (this as unknown as ParserSlices).getSlice(start, end);
    return this.lowerCase ? name.toLowerCase() : name;
  }

  private get full(): boolean {
    return this.handler.nodes >= this.maxNodes;
  }

  override onopentagname(start: number, endIndex: number): void {
    const full = this.full;
    if (!full && this.handler.depth < MAX_DEPTH) return super.onopentagname(start, endIndex);
    const name = this.nameAt(start, endIndex);
    const isVoid = this.isVoidElement(name);
    if (!full && isVoid) return super.onopentagname(start, endIndex);
    if (!isVoid) this.dropped.set(name, (this.dropped.get(name) ?? 0) + 1);
    this.dropping = name;
    this.droppingText = this.html && RAW_TEXT.has(name);
    this.endIndex = endIndex;
  }

  override onattribname(start: number, endIndex: number): void {
    if (this.dropping === null) super.onattribname(start, endIndex);
  }

  override onattribdata(start: number, endIndex: number): void {
    if (this.dropping === null) super.onattribdata(start, endIndex);
  }

  override onattribentity(cp: number): void {
    if (this.dropping === null) super.onattribentity(cp);
  }

  override onattribend(quote: QuoteType, endIndex: number): void {
    if (this.dropping === null) super.onattribend(quote, endIndex);
  }

  override onopentagend(endIndex: number): void {
    if (this.dropping === null) return super.onopentagend(endIndex);
    this.dropping = null;
    this.skipTo(endIndex);
  }

  override onselfclosingtag(endIndex: number): void {
    const name = this.dropping;
    if (name === null) return super.onselfclosingtag(endIndex);
    // A dropped <x/> counts as closed at once (an HTML <div/> stays open in the parser; flattened
    // all the same, its closing tag, if any, then closes an open ancestor, never a deeper one).
    this.dropping = null;
    this.droppingText = false;
    this.release(name);
    this.skipTo(endIndex);
  }

  override onclosetag(start: number, endIndex: number): void {
    if (this.dropped.size === 0 && !this.full) return super.onclosetag(start, endIndex);
    const name = this.nameAt(start, endIndex);
    if (this.release(name)) {
      this.droppingText = false;
      return this.skipTo(endIndex);
    }
    // </br> and a </p> with no <p> open make an element in HTML: not past the budget.
    if (this.full && this.html && (name === 'p' || this.isVoidElement(name))) {
      return this.skipTo(endIndex);
    }
    super.onclosetag(start, endIndex);
  }

  override ontext(start: number, endIndex: number): void {
    if (this.droppingText) return this.skipTo(endIndex - 1);
    super.ontext(start, endIndex);
  }

  override ontextentity(cp: number, endIndex: number): void {
    if (this.droppingText) return this.skipTo(endIndex - 1);
    super.ontextentity(cp, endIndex);
  }

  override oncomment(start: number, endIndex: number, offset: number): void {
    if (this.full) return this.skipTo(endIndex);
    super.oncomment(start, endIndex, offset);
  }

  override oncdata(start: number, endIndex: number, offset: number): void {
    if (this.full) return this.skipTo(endIndex);
    super.oncdata(start, endIndex, offset);
  }

  override ondeclaration(start: number, endIndex: number): void {
    if (this.full) return this.skipTo(endIndex);
    super.ondeclaration(start, endIndex);
  }

  override onprocessinginstruction(start: number, endIndex: number): void {
    if (this.full) return this.skipTo(endIndex);
    super.onprocessinginstruction(start, endIndex);
  }

  /** What the Parser does with its positions after an event it passes on. */
  private skipTo(endIndex: number): void {
    this.endIndex = endIndex;
    this.startIndex = endIndex + 1;
  }

  /** Swallows the closing tag of a dropped element of that name, if one waits for it. */
  private release(name: string): boolean {
    const n = this.dropped.get(name) ?? 0;
    if (n === 0) return false;
    if (n === 1) this.dropped.delete(name);
    else this.dropped.set(name, n - 1);
    return true;
  }
}

function parseBounded(
  input: string | Iterable<string>,
  options: ParserOptions,
  budget: { maxNodes: number; maxText: number },
): Document {
  const handler = new DepthHandler(options, budget.maxText);
  const parser = new BoundedParser(handler, options, budget.maxNodes);
  // At most MAX_HTML_CHARS characters are read, whole or in pieces.
  let room = MAX_HTML_CHARS;
  for (const piece of typeof input === 'string' ? [input] : input) {
    if (piece.length >= room) {
      parser.write(piece.slice(0, room));
      break;
    }
    parser.write(piece);
    room -= piece.length;
  }
  parser.end();
  return handler.root;
}

/**
 * An HTML page, whole or in pieces (decodeHtmlChunks: a page in pieces never makes one string
 * too large for V8's young generation). The same document either way.
 */
export function parseHtml(html: string | Iterable<string>): Document {
  return parseBounded(
    html,
    { decodeEntities: true, lowerCaseAttributeNames: true },
    { maxNodes: MAX_NODES, maxText: MAX_TEXT_CHARS },
  );
}

/**
 * An XML document (sitemaps, feeds) with the same depth and size budget. No node or text
 * budget: a sitemap of 50,000 URLs has a few hundred thousand elements, and reading it is
 * linear.
 */
export function parseXml(xml: string): Document {
  return parseBounded(
    xml,
    { xmlMode: true },
    { maxNodes: Number.POSITIVE_INFINITY, maxText: Number.POSITIVE_INFINITY },
  );
}
