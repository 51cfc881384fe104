// Whether the text found is an article at all. Home pages, section pages and search results
// are lists of teasers (linked headlines with a sentence each); error pages say so in their
// title. For those the extractor returns body: null rather than a wrong body.
import type { NodeStats } from './content-stats.js';
import type { JsonLd } from './json-ld.js';
import { typesOf } from './json-ld.js';

export interface ArticleEvidence {
  paragraphs: readonly string[];
  /** What the rendered text was made of. */
  stats: Pick<NodeStats, 'chars' | 'linkChars' | 'linkedHeadings' | 'articles'>;
  ogType: string | null;
  ld: JsonLd;
  title: string | null;
  h1: string | null;
}

const MIN_BODY_CHARS = 200;
const MIN_LONGEST_PARAGRAPH = 80;
/** Average own text per teaser below which a block of linked headlines is a list of teasers. */
const TEASER_TEXT = 400;
const LISTING_TYPES = new Set(['collectionpage', 'itemlist', 'searchresultspage', 'website']);
const ERROR_TITLE =
  /\b(?:404|410|page\s+(?:not\s+found|introuvable|non\s+trouvée)|pagina\s+niet\s+gevonden|not\s+found|seite\s+nicht\s+gefunden|n'existe\s+(?:pas|plus)|bestaat\s+niet\s+(?:meer)?|oops)\b/i;

/** What an error page's text says. */
const ERROR_TEXT =
  /\b(?:404|(?:page|article|pagina|seite)\b.{0,60}\b(?:not\s+(?:be\s+)?found|(?:does\s+not|doesn't|no\s+longer)\s+exists?|(?:has\s+been|was)\s+(?:moved|removed|deleted)|introuvable|n'existe\s+(?:pas|plus)|a\s+été\s+(?:déplacée|supprimée)|niet\s+(?:gevonden|meer\s+beschikbaar)|bestaat\s+niet|nicht\s+gefunden)|cannot\s+be\s+found|kan\s+niet\s+gevonden|est\s+introuvable)/i;

export function looksLikeArticle(e: ArticleEvidence): boolean {
  const chars = e.paragraphs.reduce((n, p) => n + p.length, 0);
  if (chars < MIN_BODY_CHARS) return false;
  const longest = e.paragraphs.reduce((n, p) => Math.max(n, p.length), 0);
  if (longest < MIN_LONGEST_PARAGRAPH && chars < 500) return false;

  // An error page says so in its title and in its text: a news title may hold "404" or "not
  // found" ("Missing hiker not found"), its text rarely says the page does not exist.
  if (
    ERROR_TITLE.test(`${e.title ?? ''} ${e.h1 ?? ''}`) &&
    chars < 1500 &&
    e.paragraphs.some((p) => ERROR_TEXT.test(p))
  )
    return false;

  const teasers = Math.max(e.stats.linkedHeadings, e.stats.articles);
  const ownText = e.stats.chars - e.stats.linkChars;
  if (teasers >= 4 && ownText / teasers < TEASER_TEXT) return false;
  if (teasers >= 3 && pageSaysListing(e) && ownText / teasers < 2 * TEASER_TEXT) return false;
  return true;
}

/** og:type "website" or JSON-LD listing types, with no article node. */
function pageSaysListing(e: ArticleEvidence): boolean {
  if (e.ld.article !== null) return false;
  if (e.ogType !== null && e.ogType.toLowerCase() === 'article') return false;
  if (e.ogType !== null && e.ogType.toLowerCase() === 'website') return true;
  return e.ld.nodes.some((n) => typesOf(n).some((t) => LISTING_TYPES.has(t)));
}
