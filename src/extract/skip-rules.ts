// Which subtrees the first pass leaves out: tags that never hold article text, hidden nodes
// (screen-reader-only text included), furniture roles, boilerplate by class/id (always),
// Readability's unlikely candidates (first attempt only, outweighed by a positive hint, never an
// inline element inside a paragraph), and share bars or "lees ook / lire aussi" boxes once
// measured as short or made of links.
import { attr, hintString, isElement } from './dom.js';
import type { Element } from './dom.js';
import {
  AD_TOKEN,
  BOILERPLATE_HINT,
  FURNITURE_ROLES,
  POINTER_HINT,
  POSITIVE_HINT,
  PROMPT_HINT,
  PROMPT_TEXT,
  SUBSCRIBE_PROMPT,
  SUBSCRIBER_ONLY,
  SHARE_HINT,
  SHORT_FURNITURE,
  SKIP_TAGS,
  UNLIKELY_HINT,
} from './hints.js';
import { BLOCK_TAGS } from './node-stats.js';
import type { NodeStats } from './node-stats.js';

export type Verdict = 'keep' | 'skip' | 'skip-if-furniture' | 'skip-if-prompt';

const PROTECTED = new Set(['html', 'body', 'main', 'a']);
const SCREEN_READER_ONLY =
  /(?:^|\s)(?:sr-only|visually-?hidden|screen-?reader-?(?:text|only)|a11y-?hidden|element-?invisible)(?:\s|$)/i;
const HIDDEN_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden/i;

/** <article> and custom elements named after it (<r-article>). */
const ARTICLE_ELEMENT = /^(?:[a-z][a-z0-9]*-)*article$/;

export function skipVerdict(
  el: Element,
  unlikelyHints: boolean,
  inTable: boolean,
  ignoreHints = false,
): Verdict {
  if (SKIP_TAGS.has(el.name) || (el.type as string) !== 'tag') return 'skip';
  if (isHidden(el)) return 'skip';
  if (PROTECTED.has(el.name)) return 'keep';
  const role = attr(el, 'role');
  if (role !== '' && FURNITURE_ROLES.has(role)) return 'skip';
  const hint = hintString(el);
  if (hint === '' || /articlebody/i.test(attr(el, 'itemprop'))) return 'keep';
  // The headline's containers hold the article, whatever else their class says (and the last
  // attempt of body.ts reads no class at all).
  if (ignoreHints) return 'keep';
  // <article> and custom elements named after it (<r-article>) are the article, whatever their
  // modifiers say ("article--has-comments").
  if (!ARTICLE_ELEMENT.test(el.name) && (BOILERPLATE_HINT.test(hint) || AD_TOKEN.test(hint)))
    return 'skip';
  if (SHARE_HINT.test(hint) || POINTER_HINT.test(hint)) return 'skip-if-furniture';
  if (PROMPT_HINT.test(hint) && !ARTICLE_ELEMENT.test(el.name)) return 'skip-if-prompt';
  const unlikely =
    unlikelyHints &&
    !inTable &&
    UNLIKELY_HINT.test(hint) &&
    !POSITIVE_HINT.test(hint) &&
    !inSentence(el);
  return unlikely ? 'skip' : 'keep';
}

/**
 * An inline element inside a paragraph ("<p><span class="dateline">CAIRO —</span> Gunmen …") is
 * part of its sentence whatever its class says.
 */
function inSentence(el: Element): boolean {
  const parent = el.parent;
  return !BLOCK_TAGS.has(el.name) && parent !== null && isElement(parent) && parent.name === 'p';
}

/** A share bar or pointer box that is short, made of links or of linked headlines. */
export function isFurnitureBox(s: NodeStats): boolean {
  if (s.linkChars > 0.25 * s.chars) return true;
  // Linked headlines with a line each: a list of teasers.
  if (s.linkedHeadings >= 2 && (s.chars - s.linkChars) / s.linkedHeadings < 300) return true;
  // Short, unless it holds a real paragraph (an id that is a heading's slug: "sharing-with-…").
  return s.chars < SHORT_FURNITURE && !(s.paragraphs > 0 && s.chars >= 150);
}

/** Below this, a block marked as a paywall or subscription part that says so is a prompt. */
const PROMPT_MAX = 1000;
const SUBSCRIBE_WORD = /subscri|abonn|s'inscri|inschrijv/i;

/**
 * Whether a block marked as a paywall or subscription part is the prompt itself: mostly links
 * and buttons, a badge, or a short text that asks to subscribe. Article text carrying the same
 * class (free paragraphs of a metered site) reads as none of these. `keptText` is the block's
 * text without the parts already left out (a prompt inside the article is not the article's).
 */
export function isPromptBox(s: NodeStats, keptText: () => string): boolean {
  if (s.chars < 40 || s.linkChars > 0.25 * s.chars) return true;
  if (s.chars >= PROMPT_MAX) return false;
  const text = keptText();
  return (
    SUBSCRIBER_ONLY.test(text) ||
    SUBSCRIBE_PROMPT.test(text) ||
    PROMPT_TEXT.test(text) ||
    (s.chars < 300 && SUBSCRIBE_WORD.test(text))
  );
}

export function isHidden(el: Element): boolean {
  const a = el.attribs;
  if (a['hidden'] !== undefined) return true;
  // Text for screen readers only ("Continue reading the main story", "opens in a new window").
  const cls = a['class'];
  if (cls !== undefined && SCREEN_READER_ONLY.test(cls)) return true;
  if (a['aria-hidden'] === 'true' && !(a['class'] ?? '').includes('fallback-image')) return true;
  const style = a['style'];
  return style !== undefined && HIDDEN_STYLE.test(style);
}
