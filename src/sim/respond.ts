// Builds and sends outlet answers: caching headers, conditional GET, HEAD, gzip, error pages.
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import { escapeHtml, httpDate } from './text.js';
import type { SimResponse } from './types.js';

export const HTML = 'text/html; charset=utf-8';
export const XML = 'application/xml; charset=utf-8';
export const RSS = 'application/rss+xml; charset=utf-8';
export const JSON_TYPE = 'application/json; charset=utf-8';
export const TEXT = 'text/plain; charset=utf-8';

export interface ContentOptions {
  contentType?: string;
  /** ISO timestamp of the last change. */
  lastModified: string;
  cacheControl?: string;
  status?: number;
  /** Weak ETag source for big pages (saves hashing them); default: a hash of the body. */
  etagSeed?: string;
  noCompress?: boolean;
  headers?: Record<string, string>;
}

export function content(body: string | Buffer, opts: ContentOptions): SimResponse {
  const buf = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  const etag =
    opts.etagSeed !== undefined
      ? `W/"${opts.etagSeed}"`
      : `"${createHash('sha1').update(buf).digest('hex').slice(0, 20)}"`;
  return {
    status: opts.status ?? 200,
    headers: {
      'content-type': opts.contentType ?? HTML,
      'cache-control': opts.cacheControl ?? 'public, max-age=300',
      'last-modified': httpDate(opts.lastModified),
      etag,
      ...opts.headers,
    },
    body: buf,
    etag,
    lastModified: Date.parse(opts.lastModified),
    ...(opts.noCompress ? { noCompress: true } : {}),
  };
}

export function redirect(location: string, status = 301): SimResponse {
  const body = `<!DOCTYPE html><html><head><title>Moved</title></head><body><a href="${escapeHtml(location)}">Moved here</a></body></html>`;
  return {
    status,
    headers: { location, 'content-type': HTML, 'cache-control': 'public, max-age=3600' },
    body: Buffer.from(body, 'utf8'),
  };
}

export function errorPage(
  status: number,
  title: string,
  text: string,
  siteName: string,
  lang = 'en',
): SimResponse {
  const body = `<!DOCTYPE html>
<html lang="${lang}"><head><meta charset="utf-8"><title>${escapeHtml(title)} | ${escapeHtml(siteName)}</title>
<meta name="robots" content="noindex"><link rel="stylesheet" href="/static/site.css"></head>
<body class="error-page"><header><a href="/">${escapeHtml(siteName)}</a></header>
<main><h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p><p><a href="/">Home</a></p></main></body></html>`;
  return {
    status,
    headers: { 'content-type': HTML, 'cache-control': 'no-cache' },
    body: Buffer.from(body, 'utf8'),
  };
}

function notModified(req: IncomingMessage, r: SimResponse): boolean {
  if (r.status !== 200) return false;
  const inm = req.headers['if-none-match'];
  if (inm !== undefined && r.etag !== undefined) {
    const tags = inm.split(',').map((t) => t.trim().replace(/^W\//, ''));
    return tags.includes('*') || tags.includes(r.etag.replace(/^W\//, ''));
  }
  const ims = req.headers['if-modified-since'];
  if (ims !== undefined && r.lastModified !== undefined) {
    const since = Date.parse(ims);
    return !Number.isNaN(since) && Math.floor(r.lastModified / 1000) * 1000 <= since;
  }
  return false;
}

function acceptsGzip(req: IncomingMessage): boolean {
  const ae = req.headers['accept-encoding'];
  return typeof ae === 'string' && /\bgzip\b(?!;q=0(?:\.0*)?\b)/.test(ae);
}

export function send(req: IncomingMessage, res: ServerResponse, r: SimResponse): void {
  res.setHeader('server', 'mediawatch-sim');
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' });
    res.end('Method Not Allowed');
    return;
  }
  if (notModified(req, r)) {
    const { etag, 'cache-control': cc, 'last-modified': lm } = r.headers;
    res.writeHead(304, {
      ...(etag ? { etag } : {}),
      'cache-control': cc ?? '',
      'last-modified': lm ?? '',
    });
    res.end();
    return;
  }
  let body = r.body;
  const headers: Record<string, string | number> = { ...r.headers, vary: 'Accept-Encoding' };
  if (!r.noCompress && body.length > 1024 && acceptsGzip(req)) {
    r.gzipped ??= gzipSync(body, { level: 1 });
    body = r.gzipped;
    headers['content-encoding'] = 'gzip';
  }
  headers['content-length'] = body.length;
  res.writeHead(r.status, headers);
  res.end(req.method === 'HEAD' ? undefined : body);
}
