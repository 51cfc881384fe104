// What the extractor returns for one page: the article as the page tells it. Defined here, by
// the stage that produces it; the crawl stores it (src/store maps it to rows) and every later
// stage reads it.

/** Languages mediawatch reads. */
export type Lang = 'fr' | 'nl' | 'en' | 'de';

/** Whether the article body could be read as published. Never worked around. */
export type Access = 'free' | 'paywalled' | 'gated';

/**
 * What the extractor noticed about the page's text: 'mojibake' when text decoded with the wrong
 * charset ("Ã©", "â€™") was found and could not all be repaired, 'mojibake-repaired' when it
 * was repaired (src/text/mojibake.ts).
 */
export type TextWarning = 'mojibake' | 'mojibake-repaired';

/** What the extractor returns for one HTML page (src/extract). Pure data. */
export interface ExtractedArticle {
  /** URL the page was fetched from. */
  url: string;
  /** `<link rel=canonical>` / og:url / JSON-LD url, absolute; null when the page declares none. */
  canonicalUrl: string | null;
  /** Headline without the site-name suffix. */
  title: string | null;
  /** First paragraph or standfirst / description. */
  lead: string | null;
  /** Body text, paragraphs separated by a blank line ("\n\n"); null when the page holds no article. */
  body: string | null;
  /** ISO 8601 with offset, e.g. 2024-01-05T14:03:00+01:00. */
  published: string | null;
  modified: string | null;
  authors: string[];
  section: string | null;
  language: Lang | null;
  image: string | null;
  siteName: string | null;
  access: Access;
  /** Wire agency credit carried by the body, e.g. "Belga"; null when none. */
  wireCredit: string | null;
  /**
   * Why `body` is null: the rule and its evidence ("list of teasers: 12 linked headlines, 85
   * characters of own text each", "error page: …", "consent gate", "too short: …"); null when
   * the page has a body. Always set by the extractor; stages that keep articles need not
   * carry it.
   */
  noArticleReason?: string | null;
  /** What is wrong with the page's text (empty when nothing is). Always set by the extractor. */
  textWarnings?: TextWarning[];
  /**
   * Whether the page has a script a browser would run (src/html/scripts.ts); set by the crawl's
   * extractHtml only when no article body was found: without scripts, rendering cannot change
   * the page, and `fetch: auto` does not open it in the browser.
   */
  runsScripts?: boolean;
}
