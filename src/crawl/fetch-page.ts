// Fetch one article page and extract it, by the outlet's fetch mode:
//   http    – undici, htmlparser2, extractor;
//   browser – Chromium renders (consent recipe applied), then the same extractor;
//   auto    – http first; the browser only when the static HTML has no article body.
import type { OutletConfig } from '../config/schema.js';
import { MwError } from '../errors.js';
import { httpStatusError } from '../fetch/http-errors.js';
import { inScope, offSiteError, outletScope } from '../fetch/scope.js';
import { hasArticleBody } from '../extract/index.js';
import { CONSENT_PLATFORMS } from '../config/consent-platforms.js';
import type { Validators } from '../store/index.js';
import type { ExtractedArticle } from '../extract/types.js';
import type { Logger } from '../log.js';
import { extractBytes, extractHtml } from './extract-page.js';
import type { NetServices } from './services.js';

export interface FetchedArticle {
  mode: 'http' | 'browser';
  finalUrl: string;
  article: ExtractedArticle;
  /** Validators for the next conditional GET (HTTP path and auto mode only). */
  etag: string | null;
  lastModified: string | null;
}

/** A revisit whose page did not change (HTTP 304): nothing to extract. */
export interface NotModified {
  notModified: true;
  finalUrl: string;
}

/** What fetching an article uses of the process's services. */
export type FetchDeps = Pick<
  NetServices,
  'http' | 'browser' | 'limiter' | 'slots' | 'robots' | 'timings'
> & { log: Logger } & Partial<Pick<NetServices, 'extract'>>;

const BROWSER_LATENCY_MS = 200;
const HTML_TYPE = /^(text\/html|application\/xhtml\+xml)/i;

/** What extraction reads of the outlet. */
const extractOutlet = (outlet: OutletConfig) => ({
  languages: [...outlet.languages],
  selectors: outlet.selectors,
});

export async function fetchArticle(
  s: FetchDeps,
  outlet: OutletConfig,
  url: string,
  validators: Validators | null = null,
): Promise<FetchedArticle | NotModified> {
  const before = (u: string): Promise<void> => s.limiter.acquire(u);
  // A browser navigation reaches the host some time after its grant: reserve that time too.
  const beforeNavigation = (u: string): Promise<void> => s.limiter.acquire(u, BROWSER_LATENCY_MS);
  // In auto mode the browser opens the URL the HTTP fetch ended at: Chromium follows redirects
  // itself, and page routes do not see the hops, so they would escape the rate limit.
  // robots.txt gates the article too (cached per host): a worker that did not run the outlet's
  // discovery still learns its rules and its Crawl-delay before the first request.
  // The article keeps its outlet: the URL and every redirect hop (HTTP or in the browser) stay
  // on the outlet's hosts, else MW_ERR_OFF_SITE (docs/reliability.md).
  const scope = outletScope(outlet);
  if (!inScope(scope, url)) throw offSiteError(url);
  const robots = await s.robots.rules(url, before, scope);
  const u = new URL(url);
  if (!robots.allows(u.pathname + u.search)) {
    throw new MwError('MW_ERR_ROBOTS_DISALLOWED', `robots.txt disallows ${url}`);
  }
  let target = url;
  let etag: string | null = null;
  let lastModified: string | null = null;
  if (outlet.fetch !== 'browser') {
    const headers: Record<string, string> = {};
    if (validators?.etag) headers['if-none-match'] = validators.etag;
    if (validators?.lastModified) headers['if-modified-since'] = validators.lastModified;
    const res = await s.timings.time('fetch', () =>
      s.slots.run(url, () => s.http.get(url, { beforeRequest: before, headers, scope })),
    );
    if (res.status === 304) return { notModified: true, finalUrl: res.finalUrl };
    etag = res.headers.etag ?? null;
    lastModified = res.headers['last-modified'] ?? null;
    if (res.contentType && !HTML_TYPE.test(res.contentType)) {
      throw new MwError(
        'MW_SKIP_NOT_HTML',
        `${res.finalUrl} is ${res.contentType}, not an HTML page`,
      );
    }
    // Decoded, parsed and extracted once, on a thread of the extract pool when there is one.
    const article = await s.timings.time('extract', () =>
      s.extract
        ? s.extract.extract(res.body, res.contentType, res.finalUrl, extractOutlet(outlet))
        : extractBytes(res.body, res.contentType, res.finalUrl, extractOutlet(outlet)),
    );
    // A consent gate is what the outlet's recipe is for; a paywall is never worked around.
    // A page without scripts renders to what its static HTML already says.
    const browserMayHelp =
      article.runsScripts !== false &&
      (article.access === 'free' || (article.access === 'gated' && !!outlet.consent));
    if (outlet.fetch === 'http' || hasArticleBody(article) || !browserMayHelp) {
      return { mode: 'http', finalUrl: res.finalUrl, article, etag, lastModified };
    }
    s.log.debug({ url }, 'no article body in the static HTML; rendering in the browser');
    target = res.finalUrl;
  }
  const rendered = await s.timings.time('render', () =>
    s.slots.run(target, () =>
      s.browser.render(target, {
        consent: outlet.consent && {
          ...outlet.consent,
          hosts: CONSENT_PLATFORMS[outlet.consent.platform].hosts,
        },
        beforeRequest: beforeNavigation,
        scope,
      }),
    ),
  );
  if (rendered.status >= 400) {
    throw httpStatusError(rendered.status, rendered.finalUrl, rendered.retryAfter, Date.now());
  }
  const article = await s.timings.time('extract', () =>
    extractHtml(rendered.html, rendered.finalUrl, extractOutlet(outlet)),
  );
  return { mode: 'browser', finalUrl: rendered.finalUrl, article, etag, lastModified };
}
