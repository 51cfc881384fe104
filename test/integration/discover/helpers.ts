// Discovery services for tests: the real HTTP client and robots cache, a limiter that does not
// wait (politeness has its own tests), and an outlet parsed by the real config schema.
import { outletSchema, type OutletConfig } from '../../../src/config/schema.js';
import type { DiscoverServices } from '../../../src/crawl/discover-outlet.js';
import { RobotsCache } from '../../../src/crawl/robots-cache.js';
import { eventWindow, type Window } from '../../../src/config/windows.js';
import { HttpClient } from '../../../src/fetch/http.js';

export const UA = 'mediawatch/0.1 (+https://example.invalid; tests)';
const MAX_BYTES = 1024 * 1024;

export function discoverServices(): DiscoverServices & { close(): Promise<void> } {
  const http = new HttpClient(
    {
      userAgent: UA,
      timeoutMs: 5_000,
      maxRedirects: 5,
      maxBytes: MAX_BYTES,
    },
    { allowPrivateHosts: ['127.0.0.1'] },
  );
  return {
    http,
    robots: new RobotsCache(http, UA),
    limiter: { acquire: () => Promise.resolve() },
    config: { settings: { http: { maxBytes: MAX_BYTES } } },
    close: () => http.close(),
  };
}

export function outlet(
  id: string,
  baseUrl: string,
  discovery: Record<string, unknown>,
): OutletConfig {
  return outletSchema.parse({ id, name: id, baseUrl, languages: ['en'], fetch: 'http', discovery });
}

/** The window of the shipped event, 3 to 12 January 2024. */
export const JANUARY: Window[] = [
  eventWindow({ window: { from: '2024-01-03', to: '2024-01-12' } }),
];
