// Starts one HTTP server per outlet (each on its own port, so each outlet is its own host),
// logs every request and answers from the outlet's router.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildCatalog, manifestEntry } from './content/catalog.js';
import { belgaSite } from './outlets/belga.js';
import { benchManifest, benchSite } from './outlets/bench.js';
import { brusselsTimesSite } from './outlets/brusselstimes.js';
import type { OutletSite } from './outlets/common.js';
import { laLibreSite } from './outlets/lalibre.js';
import { LiveDesk } from './outlets/live.js';
import { realBenchManifest, realBenchSite } from './outlets/real-bench.js';
import { rtlSite } from './outlets/rtl.js';
import { errorPage, send } from './respond.js';
import type { OutletId, SimArticle, SimOptions, SimRequest, Simulator } from './types.js';

export const DEFAULT_SEED = 20240105;
const OUTLETS: OutletId[] = ['brusselstimes', 'rtl', 'lalibre', 'belga'];

interface Slot {
  server: Server;
  site?: OutletSite;
}

function listen(server: Server, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function originOf(host: string, port: number): string {
  const h = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  return `http://${h.includes(':') ? `[${h}]` : h}:${port}`;
}

function handle(
  id: string,
  slot: Slot,
  log: SimRequest[],
  req: IncomingMessage,
  res: ServerResponse,
): void {
  const raw = req.url ?? '/';
  const entry: SimRequest = {
    outlet: id,
    path: raw,
    at: Date.now(),
    userAgent: req.headers['user-agent'] ?? '',
  };
  log.push(entry);
  answer(slot, id, raw, req, res);
  // send() writes the head synchronously: the status is known before any byte leaves.
  entry.status = res.statusCode;
}

function answer(
  slot: Slot,
  id: string,
  raw: string,
  req: IncomingMessage,
  res: ServerResponse,
): void {
  const site = slot.site;
  if (!site) {
    send(req, res, errorPage(503, 'Starting', 'The site is starting.', id));
    return;
  }
  try {
    const url = new URL(raw, 'http://sim.invalid');
    send(req, res, site.router(url.pathname, url.searchParams) ?? site.notFound);
  } catch (err) {
    const text = err instanceof Error ? err.message : String(err);
    send(req, res, errorPage(500, 'Internal Server Error', text, site.siteName));
  }
}

export async function startSimulator(opts: SimOptions = {}): Promise<Simulator> {
  const host = opts.host ?? '127.0.0.1';
  const real = opts.realPages;
  const generated = real ? 0 : Math.max(0, Math.floor(opts.generated ?? 0));
  const seed = opts.seed ?? DEFAULT_SEED;
  const withBench =
    generated > 0 || (real !== undefined && real.count > 0) || opts.live !== undefined;
  const ids: string[] = withBench ? [...OUTLETS, 'bench'] : [...OUTLETS];
  const log: SimRequest[] = [];
  const slots = new Map<string, Slot>();
  const origins: Record<string, string> = {};

  try {
    for (const id of ids) {
      const slot: Slot = { server: createServer() };
      slot.server.on('request', (req: IncomingMessage, res: ServerResponse) =>
        handle(id, slot, log, req, res),
      );
      slots.set(id, slot);
      origins[id] = originOf(host, await listen(slot.server, host));
    }
  } catch (err) {
    await closeAll([...slots.values()]);
    throw err;
  }

  const outletOrigins = origins as Record<OutletId, string>;
  const catalog = buildCatalog(outletOrigins);
  const sites: OutletSite[] = [
    brusselsTimesSite(outletOrigins.brusselstimes, catalog.byOutlet('brusselstimes')),
    rtlSite(outletOrigins.rtl, catalog.byOutlet('rtl')),
    laLibreSite(outletOrigins.lalibre, catalog.byOutlet('lalibre')),
    belgaSite(outletOrigins.belga, catalog.byOutlet('belga')),
  ];
  const manifest: SimArticle[] = catalog.stories.map(manifestEntry);
  const benchOrigin = origins.bench;
  let live: LiveDesk | undefined;
  if (benchOrigin !== undefined && real) {
    const count = Math.max(0, Math.floor(real.count));
    sites.push(realBenchSite(benchOrigin, real.pages, count));
    manifest.push(...realBenchManifest(real.pages, count, benchOrigin));
  } else if (benchOrigin !== undefined) {
    if (opts.live) live = new LiveDesk(seed, generated, benchOrigin);
    sites.push(benchSite(benchOrigin, seed, generated, live));
    manifest.push(...benchManifest(seed, generated, benchOrigin));
  }
  for (const site of sites) {
    const slot = slots.get(site.id);
    if (slot) slot.site = site;
  }

  if (live && opts.live) live.start(opts.live.everySeconds);

  return {
    origins: { ...origins },
    manifest,
    requests: () => log.slice(),
    published: () => live?.published() ?? [],
    close: () => {
      live?.stop();
      return closeAll([...slots.values()]);
    },
  };
}

async function closeAll(slots: Slot[]): Promise<void> {
  await Promise.all(
    slots.map(
      (slot) =>
        new Promise<void>((resolve) => {
          if (!slot.server.listening) {
            resolve();
            return;
          }
          slot.server.close(() => resolve());
          slot.server.closeAllConnections();
        }),
    ),
  );
}
