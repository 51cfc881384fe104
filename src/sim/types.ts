// Public contract of the outlet simulator and the internal shapes its modules share.

export interface SimOptions {
  /** Interface every outlet server listens on. Default 127.0.0.1. */
  host?: string;
  /** Number of generated heavy articles served by the 'bench' outlet. Default 0 (no bench outlet). */
  generated?: number;
  /** Seed of the generated articles: same seed, same pages. Default 20240105. */
  seed?: number;
  /**
   * Real pages for the 'bench' outlet instead of generated ones (e.g. the Readability test
   * pages, read by the caller): the pages are cycled to `count` URLs, each unique, listed by
   * robots.txt and a sitemap index. Takes the place of `generated`.
   */
  realPages?: { pages: readonly RealPage[]; count: number };
  /**
   * Publishing over time on the 'bench' outlet (generated pages): a new article every
   * `everySeconds`, listed at once in a news sitemap (/sitemaps/latest.xml, in the sitemap
   * index) and an RSS feed (/feed.xml), with its publication time = when it appeared.
   * `Simulator.published()` lists them.
   */
  live?: { everySeconds: number };
}

/** One real page served by the bench outlet: a name (for its URL) and its bytes as saved. */
export interface RealPage {
  name: string;
  html: Buffer;
}

/** An article that appeared while the simulator ran (SimOptions.live). */
export interface PublishedArticle {
  url: string;
  title: string;
  /** Epoch ms when it appeared in the sitemap and feed (also its publication time). */
  appearedAt: number;
}

export type SimKind = 'coverage' | 'negative' | 'unrelated' | 'generated' | 'page';

export type SimLang = 'fr' | 'nl' | 'en';

export interface SimArticle {
  outlet: string;
  /** Absolute canonical URL. */
  url: string;
  lang: SimLang;
  kind: SimKind;
  title: string;
  /** ISO 8601 with offset. */
  published: string;
  /** Why the article is there, e.g. 'Belga FR dispatch picked up by RTL'. */
  note: string;
  /** Same id on every pickup of one wire dispatch, across languages. */
  dispatchId?: string;
}

export interface SimRequest {
  outlet: string;
  /** Path and query string as requested. */
  path: string;
  /** Milliseconds since the epoch. */
  at: number;
  userAgent: string;
  /** HTTP status of the answer (304 for a conditional GET of an unchanged page). */
  status?: number;
}

export interface Simulator {
  /** Outlet id -> 'http://127.0.0.1:PORT' (one server per outlet, so each outlet is its own host). */
  origins: Record<string, string>;
  /** Every article page the simulator serves. */
  manifest: SimArticle[];
  /** Request log, oldest first, for politeness tests. */
  requests(): SimRequest[];
  /** Articles published while running (SimOptions.live), oldest first; [] without it. */
  published(): PublishedArticle[];
  close(): Promise<void>;
}

/** The outlets with hand-written content. */
export type OutletId = 'brusselstimes' | 'rtl' | 'lalibre' | 'belga';

export interface SimImage {
  /** Path on the outlet's host. */
  path: string;
  alt: string;
  caption: string;
  /** e.g. '© BELGA PHOTO MARC DEVRIENDT'. */
  credit: string;
}

/** One hand-written article as the content modules define it (no URL yet). */
export interface StoryDef {
  key: string;
  outlet: OutletId;
  lang: SimLang;
  kind: 'coverage' | 'negative' | 'unrelated';
  /** The outlet's own article id (6 digits, numeric, or a 26-character Arc id). */
  id: string;
  /** Section path the article lives under, e.g. '/belgium', '/actu/belgique/societe'. */
  sectionPath: string;
  sectionName: string;
  title: string;
  /** Standfirst; also the meta description. */
  lead: string;
  paragraphs: string[];
  published: string;
  modified?: string;
  authors: string[];
  note: string;
  dispatchId?: string;
  imageAlt: string;
  caption: string;
  credit: string;
  tags: string[];
}

/** A story placed on its outlet: canonical path, absolute URL, image and related links. */
export interface Story extends StoryDef {
  slug: string;
  path: string;
  url: string;
  image: SimImage;
  related: Story[];
}

/** One answer of an outlet server, built before it is sent. */
export interface SimResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  etag?: string;
  /** Epoch ms of Last-Modified, for If-Modified-Since. */
  lastModified?: number;
  /** Gzipped body, cached after the first compressed answer. */
  gzipped?: Buffer;
  /** Never gzip (generated pages: keeps the simulator's CPU out of crawler benchmarks). */
  noCompress?: boolean;
}

/** Routes one request path of an outlet; undefined means 404. */
export type Router = (pathname: string, query: URLSearchParams) => SimResponse | undefined;
