// The static files every simulated outlet serves: stylesheet, site script, images, favicon.
import { content, redirect } from '../respond.js';
import type { Router, SimResponse } from '../types.js';

const ASSET_DATE = '2024-01-01T00:00:00+01:00';
const LONG_CACHE = 'public, max-age=31536000, immutable';

const CSS = `body{margin:0;font-family:Georgia,serif;color:#1a1a1a}
.site-header{border-bottom:1px solid #ddd;padding:8px 16px}
.main-nav ul,.top-links,.footer-links{list-style:none;display:flex;gap:12px;padding:0}
.main{max-width:960px;margin:0 auto;padding:16px}
.article-title{font-size:2.2rem;line-height:1.2}
.article-lead,.article-chapo{font-weight:bold}
.article-image img{max-width:100%;height:auto}
.credit{color:#666;font-size:.8rem}
.cookie-notice,.didomi-host{position:fixed;bottom:0;left:0;right:0;background:#fff;border-top:2px solid #333;padding:16px;z-index:1000}
.share-bar a{margin-right:8px}
.site-footer{background:#222;color:#eee;padding:24px}
.site-footer a{color:#eee}
`;

const JS = `(function(){
  var accept = document.querySelector('.cookie-accept');
  if (accept) accept.addEventListener('click', function(){
    document.cookie = 'cookie_consent=1; path=/; max-age=15552000; SameSite=Lax';
    var n = document.querySelector('.cookie-notice'); if (n) n.style.display = 'none';
  });
  var toggle = document.querySelector('.menu-toggle');
  if (toggle) toggle.addEventListener('click', function(){
    toggle.setAttribute('aria-expanded', toggle.getAttribute('aria-expanded') === 'true' ? 'false' : 'true');
  });
  if (/(?:^|;\\s*)cookie_consent=1/.test(document.cookie)) {
    var n = document.querySelector('.cookie-notice'); if (n) n.style.display = 'none';
  }
})();
`;

/** A 1x1 GIF: the simulator serves it for every picture (crawlers never need the pixels). */
const PIXEL = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

const css = content(CSS, {
  contentType: 'text/css; charset=utf-8',
  lastModified: ASSET_DATE,
  cacheControl: LONG_CACHE,
});
const js = content(JS, {
  contentType: 'text/javascript; charset=utf-8',
  lastModified: ASSET_DATE,
  cacheControl: LONG_CACHE,
});
const pixel = content(PIXEL, {
  contentType: 'image/gif',
  lastModified: ASSET_DATE,
  cacheControl: LONG_CACHE,
});

export function assetResponse(pathname: string): SimResponse | undefined {
  if (pathname === '/static/site.css') return css;
  if (pathname === '/static/site.js') return js;
  if (pathname === '/favicon.ico') return pixel;
  if (/^\/images\/[\w/.-]+\.(?:jpg|png|svg|gif)$/.test(pathname)) return pixel;
  return undefined;
}

/**
 * Router over a fixed map of pages: exact paths first, then the outlet's dynamic routes, then
 * the shared assets; a path that exists with the other trailing-slash form answers 301 to it.
 */
export function staticRouter(pages: Map<string, SimResponse>, dynamic?: Router): Router {
  return (pathname, query) => {
    const exact = pages.get(pathname);
    if (exact) return exact;
    const routed = dynamic?.(pathname, query);
    if (routed) return routed;
    const asset = assetResponse(pathname);
    if (asset) return asset;
    const other = pathname.endsWith('/') ? pathname.slice(0, -1) : `${pathname}/`;
    if (other !== '' && pages.has(other)) {
      const qs = query.toString();
      return redirect(qs ? `${other}?${qs}` : other);
    }
    return undefined;
  };
}
