// Third pass: the chosen elements to plain text. Block elements end paragraphs ("\n\n" between
// them), <br> ends a line, list items become "- item" lines, data tables become rows of cells.
// Skipped subtrees (content-stats), furniture and pointer blocks (body-clean), headings that
// repeat the title or the headline, figure captions, and the labels and headings left without
// their section (body-orphans) are left out. Inside a data table nothing is cleaned.
import { boundedText, findByTag, foldSpace, isElement, isText, rawText } from './dom.js';
import type { Element } from './dom.js';
import type { ContentStats, NodeStats } from './content-stats.js';
import { BLOCK_TAGS } from './content-stats.js';
import {
  holdsDataTable,
  isButtonLink,
  isDataTable,
  isFurniture,
  judgeBlockText,
  measuredText,
  tableRows,
} from './body-clean.js';
import { withoutOrphans } from './body-orphans.js';
import { opensThread, withoutBackMatter, withoutTeaserRuns } from './body-tail.js';

const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
// prettier-ignore
const JUDGED_BLOCKS = new Set([
  'p',
  'div',
  'li',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'strong',
  'b',
  'section',
  'ul',
  'blockquote',
  'span',
  'small',
  'em',
  'i',
  'cite',
  'address',
  'time',
]);
/** Blocks that may head a reader comment thread. */
const THREAD_MARKERS = new Set(['h2', 'h3', 'h4', 'h5', 'h6', 'p', 'div', 'strong', 'b']);
const THREAD_TEXT_MAX = 120;
const THREAD_LABEL_MAX = 40;
/** A figure is an image with its caption and credit: left out unless it holds real text. */
const FIGURE_TEXT_MIN = 400;
// Runs of a line's white space to fold to one space, leaving a lone ' ' unmatched so that most
// lines come out of replace() as the same string, not a copy.
const LINE_SPACE =
  / [ \t\f\r\u00a0\u200b\u2009\u202f]+|[\t\f\r\u00a0\u200b\u2009\u202f][ \t\f\r\u00a0\u200b\u2009\u202f]*/g;

export interface RenderContext {
  cs: ContentStats;
  scores: Map<Element, number>;
  /** Folded, lower-cased title: headings equal to it are not repeated in the body. */
  titleKey: string | null;
  /** Folded, lower-cased text of the page's first <h1> (the headline): not repeated either. */
  h1Key?: string | null;
  /** Apply Readability's conditional cleaning of containers. */
  clean: boolean;
  /** The winning element: never dropped as furniture. */
  top?: Element;
}

/** The text, and what it was made of: the marks of a list of teasers, for no-article. */
export interface Rendered {
  paragraphs: string[];
  /** Characters of rendered text, and of rendered text inside links. */
  chars: number;
  linkChars: number;
  /** Rendered headings that are links, and rendered <article> elements. */
  linkedHeadings: number;
  articles: number;
  /** The block element the first paragraph came from: where the body starts on the page. */
  first: Element | null;
  /** Pictures in the rendered elements (a photo gallery has many and little text). */
  images: number;
}

export function renderParagraphs(roots: readonly Element[], ctx: RenderContext): Rendered {
  const r = new Renderer(ctx);
  for (const root of roots) r.block(root, false);
  r.flush();
  const { run, removed } = withoutTeaserRuns(r);
  const paragraphs = withoutBackMatter(withoutOrphans(run.paragraphs, run.headings, run.cuts));
  const chars = paragraphs.reduce((n, p) => n + p.length, 0);
  const { linkChars, articles } = r.counts;
  const linkedHeadings = r.counts.linkedHeadings - removed;
  const images = roots.reduce((n, root) => n + (ctx.cs.stats.get(root)?.images ?? 0), 0);
  return { paragraphs, chars, linkChars, linkedHeadings, articles, first: r.first, images };
}

const LINK_TAG = new Set(['a']);

/** Whether every link of a heading is an anchor in the page (a table of contents' back-link). */
function linksInPage(el: Element): boolean {
  return findByTag(el, LINK_TAG).every((a) => (a.attribs['href'] ?? '').trim().startsWith('#'));
}

/**
 * Whether a judged element sits inside a line of text: inline tags do, except a <time> that is
 * not in a paragraph (a date line of its own).
 */
function isInline(el: Element): boolean {
  if (BLOCK_TAGS.has(el.name)) return false;
  if (el.name !== 'time') return true;
  const parent = el.parent;
  return parent !== null && isElement(parent) && parent.name === 'p';
}

class Renderer {
  readonly paragraphs: string[] = [];
  readonly counts = { linkChars: 0, linkedHeadings: 0, articles: 0 };
  /** Paragraphs that are headings: index to rank (2 for <h2>). */
  readonly headings = new Map<number, number>();
  /** Paragraphs after which a block was dropped as furniture. */
  readonly cuts = new Set<number>();
  /** Heading paragraphs that link to the site's own pages (teasers' headlines). */
  readonly siteHeadings = new Set<number>();
  /** The block the first paragraph came from. */
  first: Element | null = null;
  private cutPending = false;
  private parts: string[] = [];
  /** The innermost block being rendered: pending text belongs to it. */
  private owner: Element | null = null;
  private dropNext = false;
  private inLink = false;
  /** Inside the cells of a data table: nothing is dropped as furniture or as a kicker. */
  private inDataTable = false;
  /** A comment thread began: nothing after it is the article's. */
  private ended = false;

  constructor(private readonly ctx: RenderContext) {}

  flush(): void {
    if (this.cutPending) {
      this.cutPending = false;
      this.flush();
      this.cuts.add(this.paragraphs.length - 1);
      return;
    }
    if (this.parts.length === 0) return;
    const text = this.parts.join('');
    this.parts = [];
    for (const para of text.split(/\n[ \t\u00a0]*\n/)) {
      const lines = para
        .split('\n')
        .map((l) => l.replace(LINE_SPACE, ' ').trim())
        .filter((l) => l !== '');
      if (lines.length > 0) this.push(lines.join('\n'), this.owner);
    }
  }

  private push(paragraph: string, from: Element | null): void {
    if (this.paragraphs.length === 0) this.first = from;
    this.paragraphs.push(paragraph);
  }

  block(el: Element, inFigure: boolean): void {
    if (this.ended) return;
    const s = this.ctx.cs.stats.get(el);
    if (s === undefined) {
      // A skipped subtree; its text still tells where a comment thread starts (a heading in a
      // "comments-header" left out as an unlikely candidate).
      if (this.rendered() && opensThread(boundedText(el, THREAD_TEXT_MAX) ?? '')) this.ended = true;
      return;
    }
    if (this.opensThread(el, s)) {
      this.ended = true;
      return;
    }
    if (this.dropNext) {
      // A bare "Read more:" takes along the links that follow it, one block each or a list.
      if (s.chars === 0 || s.linkChars / s.chars > 0.5) return;
      this.dropNext = false;
    }
    // A figure is a picture with its caption, unless it holds real text or a table of figures
    // (WordPress wraps tables in <figure class="wp-block-table">).
    if (el.name === 'figure' && s.chars < FIGURE_TEXT_MIN && !holdsDataTable(el, s)) return;
    const figure = inFigure || el.name === 'figure';
    if (
      this.ctx.clean &&
      !this.inDataTable &&
      el !== this.ctx.top &&
      isFurniture(el, s, this.ctx.scores.get(el) ?? 0, figure)
    ) {
      // The cut follows the text pending, which becomes a paragraph at the next flush.
      if (this.parts.every((t) => t.trim() === '')) this.cuts.add(this.paragraphs.length - 1);
      else this.cutPending = true;
      return;
    }
    if (JUDGED_BLOCKS.has(el.name) && !this.inDataTable) {
      const verdict = judgeBlockText(el, s, isInline(el), () => measuredText(el, this.ctx.cs));
      if (verdict !== 'keep') {
        if (verdict === 'drop-with-next') this.dropNext = true;
        return;
      }
    }
    if (HEADINGS.has(el.name) && this.isHeadline(el)) return;
    if (
      !this.inDataTable &&
      el.parent !== null &&
      isElement(el.parent) &&
      isButtonLink(el, s, this.ctx.cs.stats.get(el.parent))
    )
      return;
    if (s.flat) {
      this.parts.push(' ', rawText(el).replace(/\s+/g, ' '), ' ');
      return;
    }
    switch (el.name) {
      case 'ul':
      case 'ol':
        this.list(el, figure);
        return;
      case 'table':
        if (isDataTable(el)) {
          this.flush();
          const rows = tableRows(el, (cell) => this.inlineText(cell, figure, true));
          if (rows.length > 0) this.push(rows.join('\n'), el);
          return;
        }
        break;
      case 'pre': {
        this.flush();
        const text = rawText(el).replace(/^\n+|\s+$/g, '');
        if (text !== '') this.push(text, el);
        return;
      }
    }
    this.count(el, s);
    const isBlock = BLOCK_TAGS.has(el.name);
    const wasInLink = this.inLink;
    if (el.name === 'a') this.inLink = true;
    const owner = this.owner;
    if (isBlock) {
      this.flush();
      this.owner = el;
    }
    const before = this.paragraphs.length;
    this.children(el, figure);
    if (isBlock) this.flush();
    if (HEADINGS.has(el.name) && this.paragraphs.length === before + 1) {
      this.headings.set(before, Number(el.name.slice(1)));
      if (s.siteLinkChars * 2 > s.chars && !linksInPage(el)) this.siteHeadings.add(before);
    }
    this.owner = owner;
    this.inLink = wasInLink;
  }

  /**
   * A heading or a short block without links that opens a reader comment thread ("7 replies
   * on “…”", "Leave a Reply"), once some text was rendered.
   */
  private opensThread(el: Element, s: NodeStats): boolean {
    if (!THREAD_MARKERS.has(el.name) || s.hasBlockChild || s.linkChars > 0) return false;
    // A heading may repeat the post's title ("7 replies on “…”"); a label is short.
    const max = HEADINGS.has(el.name) ? THREAD_TEXT_MAX : THREAD_LABEL_MAX;
    if (s.chars > max || !this.rendered()) return false;
    return opensThread(measuredText(el, this.ctx.cs));
  }

  /** Whether some text was rendered already. */
  private rendered(): boolean {
    return this.paragraphs.length > 0 || this.parts.some((t) => t.trim() !== '');
  }

  /** A heading that repeats the title, or the page's headline <h1> again. */
  private isHeadline(el: Element): boolean {
    const { titleKey, h1Key } = this.ctx;
    if (titleKey === null && (h1Key ?? null) === null) return false;
    const key = foldSpace(rawText(el)).toLowerCase();
    return key === titleKey || (el.name === 'h1' && key === h1Key);
  }

  private count(el: Element, s: NodeStats): void {
    if (el.name === 'a' && !this.inLink) this.counts.linkChars += s.chars;
    else if (el.name === 'article') this.counts.articles++;
    else if (HEADINGS.has(el.name) && s.siteLinkChars * 2 > s.chars) this.counts.linkedHeadings++;
  }

  private children(el: Element, inFigure: boolean): void {
    for (const child of el.children) {
      if (this.ended) return;
      if (isText(child)) {
        if (child.data !== '') this.parts.push(child.data.replace(/\n/g, ' '));
      } else if (isElement(child)) {
        if (child.name === 'br') this.parts.push('\n');
        else this.block(child, inFigure);
      }
    }
  }

  private list(el: Element, inFigure: boolean): void {
    this.flush();
    const lines: string[] = [];
    let n = Number(el.attribs['start']) || 1;
    for (const item of el.children) {
      if (!isElement(item) || !this.ctx.cs.stats.has(item)) continue;
      const text = this.inlineText(item, inFigure);
      if (text === '') continue;
      lines.push(`${el.name === 'ol' ? `${n++}.` : '-'} ${text.replace(/\n+/g, '\n  ')}`);
    }
    if (lines.length > 0) this.push(lines.join('\n'), el);
  }

  /** An element's text rendered on its own, paragraphs joined by a line break. */
  private inlineText(el: Element, inFigure: boolean, inDataTable = this.inDataTable): string {
    const sub = new Renderer(this.ctx);
    sub.inLink = this.inLink;
    sub.inDataTable = inDataTable;
    sub.children(el, inFigure);
    sub.flush();
    this.counts.linkChars += sub.counts.linkChars;
    this.counts.linkedHeadings += sub.counts.linkedHeadings;
    this.counts.articles += sub.counts.articles;
    return sub.paragraphs.join('\n');
  }
}
