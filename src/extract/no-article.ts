// Whether the text found is an article at all. Home pages, section pages and search results
// are lists of teasers (linked headlines with a sentence each); error pages say so in their
// title and text. For those the extractor returns body: null rather than a wrong body, with the
// rule and its evidence (noArticleReason). A page that says it holds an article (an article
// headline: a JSON-LD article node, og:type article, an <h1> that reads as the title) keeps
// the text found under it however short it is: an empty body would lose the whole article.
// Lengths are measured across scripts (measuredLength): a Korean or Japanese text is not
// short for having few characters.
import type { NodeStats } from './content-stats.js';
import type { JsonLd } from './json-ld.js';
import { typesOf } from './json-ld.js';
import { measuredLength } from './words.js';

export interface ArticleEvidence {
  paragraphs: readonly string[];
  /** What the rendered text was made of. */
  stats: Pick<NodeStats, 'chars' | 'linkChars' | 'linkedHeadings' | 'articles' | 'images'>;
  ogType: string | null;
  ld: JsonLd;
  title: string | null;
  h1: string | null;
  /**
   * What says the page holds an article, e.g. "JSON-LD NewsArticle", "og:type article",
   * "<h1> = title"; null when nothing does.
   */
  headline: string | null;
}

export type ArticleVerdict = { article: true } | { article: false; reason: string };

const MIN_BODY_CHARS = 200;
const MIN_LONGEST_PARAGRAPH = 80;
const SHORT_LINES_CHARS = 500;
/**
 * Under an article headline, less than this is no block of text: about 25 words, half the
 * shortest news brief (a label, a button, a gallery's intro line).
 */
const MIN_HEADLINE_TEXT = 150;
/** A gallery: at least this many pictures, with less text than this per picture and in all. */
const GALLERY_IMAGES = 5;
const GALLERY_TEXT_PER_IMAGE = 100;
const GALLERY_TEXT_MAX = 500;
/** Average own text per teaser below which a block of linked headlines is a list of teasers. */
const TEASER_TEXT = 400;
const ERROR_PAGE_MAX = 1500;
const LISTING_TYPES = new Set(['collectionpage', 'itemlist', 'searchresultspage', 'website']);
const ERROR_TITLE =
  /\b(?:404|410|page\s+(?:not\s+found|introuvable|non\s+trouvée)|pagina\s+niet\s+gevonden|not\s+found|seite\s+nicht\s+gefunden|n'existe\s+(?:pas|plus)|bestaat\s+niet\s+(?:meer)?|oops)\b/i;

/** What an error page's text says. */
const ERROR_TEXT =
  /\b(?:404|(?:page|article|pagina|seite)\b.{0,60}\b(?:not\s+(?:be\s+)?found|can['’]?t\s+be\s+found|could\s+not\s+be\s+found|(?:does\s+not|doesn't|no\s+longer)\s+exists?|(?:has\s+been|was)\s+(?:moved|removed|deleted)|introuvable|n'existe\s+(?:pas|plus)|a\s+été\s+(?:déplacée|supprimée)|niet\s+(?:gevonden|meer\s+beschikbaar)|bestaat\s+niet|nicht\s+gefunden)|cannot\s+be\s+found|kan\s+niet\s+gevonden|est\s+introuvable)/i;

export function looksLikeArticle(e: ArticleEvidence): boolean {
  return judgeArticle(e).article;
}

/** Whether the text found is an article, and when it is not, the rule and its evidence. */
export function judgeArticle(e: ArticleEvidence): ArticleVerdict {
  const raw = e.paragraphs.reduce((n, p) => n + p.length, 0);
  if (raw === 0) return no('no block of text found');
  const chars = e.paragraphs.reduce((n, p) => n + measuredLength(p), 0);

  // An error page says so in its title and in its text: a news title may hold "404" or "not
  // found" ("Missing hiker not found"), its text rarely says the page does not exist.
  const heading = `${e.title ?? ''} ${e.h1 ?? ''}`;
  const titleSays = ERROR_TITLE.exec(heading);
  if (titleSays !== null && chars < ERROR_PAGE_MAX) {
    for (const p of e.paragraphs) {
      const textSays = ERROR_TEXT.exec(p);
      if (textSays !== null)
        return no(`error page: the title says "${titleSays[0]}", the text "${textSays[0]}"`);
    }
  }

  const teasers = Math.max(e.stats.linkedHeadings, e.stats.articles);
  const ownText = e.stats.chars - e.stats.linkChars;
  const what = e.stats.linkedHeadings >= e.stats.articles ? 'linked headlines' : '<article> blocks';
  const perTeaser = teasers === 0 ? 0 : Math.round(ownText / teasers);
  if (teasers >= 4 && perTeaser < TEASER_TEXT)
    return no(`list of teasers: ${teasers} ${what}, ${perTeaser} characters of own text each`);
  const listing = pageSaysListing(e);
  if (teasers >= 3 && listing !== null && perTeaser < 2 * TEASER_TEXT)
    return no(
      `listing page (${listing}): ${teasers} ${what}, ${perTeaser} characters of own text each`,
    );

  // A photo gallery: pictures with a line or two of text between them (captions are not
  // body text), whatever the page says it is.
  if (
    e.stats.images >= GALLERY_IMAGES &&
    chars < GALLERY_TEXT_MAX &&
    chars < GALLERY_TEXT_PER_IMAGE * e.stats.images
  )
    return no(`photo gallery: ${e.stats.images} pictures and ${chars} characters of text`);

  // The headline's own words (an <h1> reading "Page not found") do not make it an article's.
  const headline = e.headline === '<h1> = title' && titleSays !== null ? null : e.headline;
  if (headline !== null) {
    return chars >= MIN_HEADLINE_TEXT
      ? { article: true }
      : no(`too short: ${chars} characters under the article headline (${headline})`);
  }
  if (chars < MIN_BODY_CHARS)
    return no(`too short: ${chars} characters and no article headline (json-ld, og:type, <h1>)`);
  const longest = e.paragraphs.reduce((n, p) => Math.max(n, measuredLength(p)), 0);
  if (longest < MIN_LONGEST_PARAGRAPH && chars < SHORT_LINES_CHARS)
    return no(
      `short lines only: ${chars} characters, the longest paragraph ${longest}, and no article headline`,
    );
  return { article: true };
}

function no(reason: string): ArticleVerdict {
  return { article: false, reason };
}

/** og:type "website" or JSON-LD listing types, with no article node: what says so, or null. */
function pageSaysListing(e: ArticleEvidence): string | null {
  if (e.ld.article !== null) return null;
  const og = e.ogType?.toLowerCase() ?? null;
  if (og === 'article') return null;
  if (og === 'website') return 'og:type website';
  for (const n of e.ld.nodes) {
    const t = typesOf(n).find((x) => LISTING_TYPES.has(x));
    if (t !== undefined) return `JSON-LD ${t}`;
  }
  return null;
}
