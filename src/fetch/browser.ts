// The browser path: Playwright driving system Chromium. One browser per worker process,
// launched on first use; a few pages, each in its own context, reused for every render (a new
// context costs 0.6–1.2 s here) up to `pageUses` renders, then closed with its context and a
// fresh one made: a context's renderer process keeps growing with the sites it rendered.
// Images, fonts and media are blocked. The network scope (./scope.ts, docs/reliability.md)
// holds for every request the page makes: each context reaches the network only through its own
// scope proxy (./browser-proxy.ts), which refuses hosts outside the render's scope and private
// addresses before it connects (redirect hops, WebSockets and workers included, which page
// routes do not all see); routes abort off-scope requests early, WebSockets to other hosts are
// closed, service workers are blocked. The outlet's consent recipe is applied after navigation.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
// Types only: playwright-core (about 80 MB of a process's memory once loaded) is imported when
// the first page is rendered, so a worker that never renders never loads it.
import type {
  Browser,
  BrowserContext,
  BrowserType,
  Locator,
  Page,
  Request,
  Route,
  WebSocketRoute,
} from 'playwright-core';
import { MwError } from '../errors.js';
import { startScopeProxy, REFUSED_HEADER, type ScopeProxy } from './browser-proxy.js';
import { CHROMIUM_LAUNCH_ARGS } from './chromium-args.js';
import {
  AddressPolicy,
  inScope,
  offSiteError,
  withSuffixes,
  type HostScope,
  type NetworkPolicyOptions,
  type Resolver,
} from './scope.js';

export interface BrowserOptions {
  executablePath: string | null;
  pages: number;
  navigationTimeoutMs: number;
  /** Renders per page and context before they are closed and replaced (default: no limit). */
  pageUses?: number;
  userAgent: string;
  /** Settings `network`: which hosts may resolve to private addresses (by default none). */
  network?: NetworkPolicyOptions;
  /** For tests: how the proxy resolves host names. */
  resolver?: Resolver;
}

/** WebRTC may not open UDP outside the proxy (it would bypass the network scope). */
const SCOPE_ARGS = ['--force-webrtc-ip-handling-policy=disable_non_proxied_udp'];

/** The part of an outlet's consent recipe the browser acts on (config schema: `consent`). */
export interface ConsentRecipe {
  /** Button that accepts the banner; a recipe without one never clicks (a privacy gate). */
  click?: string | undefined;
  /** Iframe that holds the button (Sourcepoint); the click happens inside its first match. */
  frame?: string | undefined;
  /** Appears once the article is rendered. */
  waitFor?: string | undefined;
  /**
   * Hosts (or parent domains) of the consent platform's own scripts and frames: the only
   * off-site requests a page may make, so that the banner appears and can be accepted.
   */
  hosts?: readonly string[] | undefined;
}

export interface RenderOptions {
  consent?: ConsentRecipe | undefined;
  /**
   * Hosts the page and every request it makes may reach (the outlet's: `outletScope`); the
   * consent recipe's hosts are added. Default: the URL's host only.
   */
  scope?: HostScope;
  /** Politeness hook, called before each navigation request (redirect hops included). */
  beforeRequest?: (url: string) => Promise<void>;
}

export interface RenderResult {
  finalUrl: string;
  status: number;
  /** The main document's Retry-After header, for 429/503. */
  retryAfter: string | null;
  html: string;
}

const BLOCKED_TYPES = new Set(['image', 'font', 'media']);
export const CHROMIUM_INSTALL_HINT = 'apt-get update && apt-get install -y chromium';

/** CHROMIUM_PATH (config), else /usr/bin/chromium, else Playwright's own download. */
export function resolveChromium(configured: string | null): string {
  const system = [configured, '/usr/bin/chromium'].filter((p): p is string => !!p);
  for (const p of system) if (existsSync(p)) return p;
  const bundled = safeBundledPath();
  if (bundled !== null && existsSync(bundled)) return bundled;
  const candidates = bundled === null ? system : [...system, bundled];
  throw new MwError(
    'MW_ERR_NO_CHROMIUM',
    `no Chromium found (tried ${candidates.join(', ')}); install it with: ${CHROMIUM_INSTALL_HINT} ` +
      'or set CHROMIUM_PATH',
  );
}

/** Where Playwright keeps its own Chromium (loaded only when no system Chromium is found). */
function safeBundledPath(): string | null {
  try {
    const pw = createRequire(import.meta.url)('playwright-core') as { chromium: BrowserType };
    return pw.chromium.executablePath();
  } catch {
    return null;
  }
}

interface Slot {
  page: Page;
  context: BrowserContext;
  proxy: ScopeProxy;
  /** Where the current render may go; null between renders: nothing may. */
  scope: HostScope | null;
  /** Politeness for the current render: main-frame navigations wait here. */
  beforeNavigation: ((url: string) => Promise<void>) | undefined;
  /** The last main-frame navigation request of the render (redirect hops included). */
  navigation: string | null;
  /** What the scope proxy refused during the render, by URL or host:port. */
  refusals: Map<string, MwError>;
  /** Renders done in this page. */
  uses: number;
}

export class BrowserPool {
  private browser: Promise<Browser> | null = null;
  private readonly idle: Slot[] = [];
  /** Every live slot, idle or rendering: their contexts and proxies are closed with the browser. */
  private readonly slots = new Set<Slot>();
  private created = 0;
  /** Pages closed after `pageUses` renders, since the pool was made. */
  private retired = 0;
  private readonly waiters: Array<(slot: Slot) => void> = [];
  private readonly policy: AddressPolicy;

  constructor(private readonly opts: BrowserOptions) {
    this.policy = new AddressPolicy(opts.network ?? { allowPrivateHosts: [] }, opts.resolver);
  }

  /** Pages open (created, idle or rendering), rendering right now, and retired, for the metrics. */
  pageCounts(): { open: number; busy: number; retired: number } {
    return {
      open: this.created,
      busy: Math.max(0, this.created - this.idle.length),
      retired: this.retired,
    };
  }

  private getBrowser(): Promise<Browser> {
    if (!this.browser) {
      const executablePath = resolveChromium(this.opts.executablePath);
      this.browser = import('playwright-core').then(({ chromium }) =>
        chromium.launch({
          executablePath,
          args: [...CHROMIUM_LAUNCH_ARGS, ...SCOPE_ARGS],
          headless: true,
          // Our commands end Chromium themselves on SIGINT/SIGTERM (closeNetServices, after the
          // jobs in flight): Playwright's own handlers would close it under running jobs and exit
          // with 130 before the runtime is down. Chromium also exits when its pipe closes.
          handleSIGINT: false,
          handleSIGTERM: false,
          handleSIGHUP: false,
        }),
      );
      this.browser
        .then((b) =>
          b.on('disconnected', () => {
            // A crashed browser is relaunched on the next render.
            this.browser = null;
            this.idle.length = 0;
            this.created = 0;
            void this.closeSlots();
          }),
        )
        .catch(() => {
          // A failed launch is tried again on the next render.
          this.browser = null;
        });
    }
    return this.browser;
  }

  private async closeSlots(): Promise<void> {
    const slots = [...this.slots];
    this.slots.clear();
    await Promise.all(
      slots.map(async (s) => {
        await s.context.close().catch(() => undefined);
        await s.proxy.close();
      }),
    );
  }

  /** A page in a context of its own whose only way out is its own scope proxy. */
  private async newSlot(): Promise<Slot> {
    const browser = await this.getBrowser();
    let slot: Slot | null = null;
    const proxy = await startScopeProxy({
      policy: this.policy,
      scope: () => slot?.scope ?? null,
      onRefused: (target, err) => slot?.refusals.set(target, err),
    });
    try {
      const context = await browser.newContext({
        userAgent: this.opts.userAgent,
        javaScriptEnabled: true,
        serviceWorkers: 'block',
        proxy: { server: proxy.url },
      });
      const page = await context.newPage();
      const fresh: Slot = {
        page,
        context,
        proxy,
        scope: null,
        beforeNavigation: undefined,
        navigation: null,
        refusals: new Map(),
        uses: 0,
      };
      slot = fresh;
      this.slots.add(fresh);
      const allowed = (url: string): boolean => {
        if (!/^(https?|wss?):/i.test(url)) return true; // data:, blob:, about: reach no host
        return fresh.scope !== null && inScope(fresh.scope, url);
      };
      await context.route('**/*', async (route: Route) => {
        const req = route.request();
        if (BLOCKED_TYPES.has(req.resourceType()) || !allowed(req.url())) {
          return route.abort('blockedbyclient');
        }
        if (req.isNavigationRequest() && req.frame() === page.mainFrame()) {
          await fresh.beforeNavigation?.(req.url());
        }
        return route.continue();
      });
      await context.routeWebSocket(/.*/, (ws: WebSocketRoute) => {
        if (!allowed(ws.url())) return void ws.close({ code: 1008, reason: 'off-site' });
        ws.connectToServer();
      });
      // Routes do not see redirect hops: the request event does, for the main frame's URL.
      page.on('request', (req: Request) => {
        if (req.isNavigationRequest() && req.frame() === page.mainFrame())
          fresh.navigation = req.url();
      });
      return fresh;
    } catch (err) {
      await proxy.close();
      throw err;
    }
  }

  private async acquire(): Promise<Slot> {
    const slot = this.idle.pop();
    if (slot && !slot.page.isClosed()) return slot;
    if (this.created < this.opts.pages) {
      this.created++;
      try {
        return await this.newSlot();
      } catch (err) {
        this.created--;
        throw err;
      }
    }
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  private release(slot: Slot): void {
    if (++slot.uses >= (this.opts.pageUses ?? Infinity)) return void this.retire(slot);
    const waiter = this.waiters.shift();
    if (waiter) waiter(slot);
    else this.idle.push(slot);
  }

  /** Closes a page that served its renders, with its context and proxy; a waiter gets a new one. */
  private retire(slot: Slot): void {
    this.slots.delete(slot);
    this.created--;
    this.retired++;
    void slot.context
      .close()
      .catch(() => undefined)
      .then(() => slot.proxy.close());
    const waiter = this.waiters.shift();
    if (waiter) void this.acquire().then(waiter, () => undefined);
  }

  async render(url: string, opts: RenderOptions = {}): Promise<RenderResult> {
    const slot = await this.acquire();
    let broken = false;
    // One deadline for the whole render: a page that busy-loops after DOMContentLoaded would
    // otherwise hang page.content() and hold the slot for ever.
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        broken = true;
        reject(
          new MwError(
            'MW_ERR_BROWSER_TIMEOUT',
            `rendering ${url} took longer than ${this.opts.navigationTimeoutMs * 2} ms`,
          ),
        );
      }, this.opts.navigationTimeoutMs * 2);
    });
    try {
      const scope = opts.scope ?? { hosts: [new URL(url).host] };
      slot.scope = withSuffixes(scope, opts.consent?.hosts ?? []);
      slot.beforeNavigation = opts.beforeRequest;
      slot.navigation = null;
      slot.refusals.clear();
      if (!inScope(slot.scope, url)) throw offSiteError(url);
      return await Promise.race([this.renderIn(slot, url, opts), deadline]);
    } catch (err) {
      if (err instanceof MwError) throw err;
      // A navigation the scope refused (a redirect hop off-site, a private address) fails with
      // the refusal's code, not as a browser failure.
      const refusal = this.navigationRefusal(slot, url);
      if (refusal) throw refusal;
      // A timed-out page may still be running its scripts: it is not given to the next render.
      broken = slot.page.isClosed() || (err as Error).name === 'TimeoutError';
      throw new MwError(
        'MW_ERR_BROWSER',
        `rendering ${url} failed: ${(err as Error).message.split('\n')[0]}`,
        { cause: err },
      );
    } finally {
      clearTimeout(timer);
      slot.beforeNavigation = undefined;
      slot.scope = null;
      if (broken) {
        // A hung page may hold its renderer process (shared with the site's other pages): the
        // whole browser is replaced, and renders waiting for a page get one from the new one.
        await this.replaceBrowser(slot);
      } else this.release(slot);
    }
  }

  /** Why the scope stopped the render's main-frame navigation, or null if it did not. */
  private navigationRefusal(slot: Slot, url: string): MwError | null {
    const nav = slot.navigation;
    if (!nav || !slot.scope) return null;
    if (!inScope(slot.scope, nav)) return offSiteError(nav, url);
    const u = new URL(nav);
    const authority = `${u.hostname}:${u.port || (u.protocol === 'https:' ? 443 : 80)}`;
    return slot.refusals.get(nav) ?? slot.refusals.get(authority) ?? null;
  }

  private async replaceBrowser(slot: Slot): Promise<void> {
    const browser = this.browser;
    if (!slot.page.isClosed() || browser) {
      this.browser = null;
      this.idle.length = 0;
      this.created = 0;
      const old = await browser?.catch(() => null);
      await Promise.race([
        old?.close().catch(() => undefined),
        new Promise((r) => setTimeout(r, 5_000)),
      ]);
      await this.closeSlots();
    }
    for (const waiter of this.waiters.splice(0)) void this.acquire().then(waiter, () => undefined);
  }

  private async renderIn(slot: Slot, url: string, opts: RenderOptions): Promise<RenderResult> {
    const response = await slot.page.goto(url, {
      waitUntil: 'domcontentloaded',
      timeout: this.opts.navigationTimeoutMs,
    });
    const status = response?.status() ?? 0;
    const headers = response ? await response.allHeaders() : {};
    // The proxy refused the document (an off-site or private redirect hop): fail with its code.
    const refusal = headers[REFUSED_HEADER] ? this.navigationRefusal(slot, url) : null;
    if (refusal) throw refusal;
    const retryAfter = headers['retry-after'] ?? null;
    if (opts.consent && status < 400) await this.applyConsent(slot.page, opts.consent);
    const html = await slot.page.content();
    // The article keeps its outlet: a page that ended up elsewhere (a script navigation) fails.
    const finalUrl = slot.page.url();
    if (slot.scope && !inScope(slot.scope, finalUrl)) throw offSiteError(finalUrl, url);
    return { finalUrl, status, retryAfter, html };
  }

  private async applyConsent(page: Page, consent: ConsentRecipe): Promise<void> {
    // A recipe without a button (a privacy gate) never clicks: it only waits for the body.
    if (consent.click) {
      // A banner inside an iframe (Sourcepoint) is reached through a frame locator. A missing
      // banner or frame is not an error: the consent cookie may already be set in this context.
      const accept = consent.frame
        ? page.frameLocator(consent.frame).first().locator(consent.click).first()
        : page.locator(consent.click).first();
      // Wait for whichever comes first: the banner, or the rendered body (the consent cookie is
      // already set in this context after the first page of the outlet).
      const visible = (l: Locator): Promise<unknown> =>
        l.waitFor({ state: 'visible', timeout: 5_000 });
      await Promise.any([
        visible(accept),
        ...(consent.waitFor ? [visible(page.locator(consent.waitFor).first())] : []),
      ]).catch(() => undefined);
      if (await accept.isVisible().catch(() => false)) {
        await accept.click({ timeout: 5_000 }).catch(() => undefined);
      }
    }
    if (consent.waitFor) {
      // A page that never renders its body is judged by the extractor, not here.
      await page.waitForSelector(consent.waitFor, { timeout: 10_000 }).catch(() => undefined);
    }
  }

  async close(): Promise<void> {
    const browser = this.browser;
    this.browser = null;
    if (browser) await (await browser.catch(() => null))?.close();
    await this.closeSlots();
  }
}
