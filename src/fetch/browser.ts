// The browser path: Playwright driving system Chromium. One browser per worker process,
// launched on first use; one context; a few pages reused for every render (a new context
// costs 0.6–1.2 s here). Images, fonts and media are blocked, and so is every request to
// another host than the page's own. The outlet's consent recipe is applied after navigation.
import { existsSync } from 'node:fs';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type Locator,
  type Page,
  type Route,
} from 'playwright-core';
import { MwError } from '../errors.js';
import { CHROMIUM_LAUNCH_ARGS } from './chromium-args.js';

export interface BrowserOptions {
  executablePath: string | null;
  pages: number;
  navigationTimeoutMs: number;
  userAgent: string;
}

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

function allowedExtra(host: string, suffixes: readonly string[]): boolean {
  const bare = host.replace(/:\d+$/, '');
  return suffixes.some((s) => bare === s || bare.endsWith(`.${s}`));
}

export interface RenderOptions {
  consent?: ConsentRecipe | undefined;
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
  const candidates = [configured, '/usr/bin/chromium', safeBundledPath()].filter(
    (p): p is string => !!p,
  );
  for (const p of candidates) if (existsSync(p)) return p;
  throw new MwError(
    'MW_ERR_NO_CHROMIUM',
    `no Chromium found (tried ${candidates.join(', ')}); install it with: ${CHROMIUM_INSTALL_HINT} ` +
      'or set CHROMIUM_PATH',
  );
}

function safeBundledPath(): string | null {
  try {
    return chromium.executablePath();
  } catch {
    return null;
  }
}

interface Slot {
  page: Page;
  allowedHost: string;
  /** Consent-platform hosts (suffixes) the page may also load from, for this render only. */
  extraHosts: readonly string[];
  /** Politeness for the current render: every navigation hop (redirects too) waits here. */
  beforeNavigation: ((url: string) => Promise<void>) | undefined;
}

export class BrowserPool {
  private browser: Promise<Browser> | null = null;
  private context: Promise<BrowserContext> | null = null;
  private readonly idle: Slot[] = [];
  private created = 0;
  private readonly waiters: Array<(slot: Slot) => void> = [];

  constructor(private readonly opts: BrowserOptions) {}

  /** Pages open (created, idle or rendering) and rendering right now, for the metrics. */
  pageCounts(): { open: number; busy: number } {
    return { open: this.created, busy: Math.max(0, this.created - this.idle.length) };
  }

  private async getContext(): Promise<BrowserContext> {
    if (!this.browser) {
      const executablePath = resolveChromium(this.opts.executablePath);
      this.browser = chromium.launch({
        executablePath,
        args: [...CHROMIUM_LAUNCH_ARGS],
        headless: true,
      });
      this.browser
        .then((b) =>
          b.on('disconnected', () => {
            // A crashed browser is relaunched on the next render.
            this.browser = null;
            this.context = null;
            this.idle.length = 0;
            this.created = 0;
          }),
        )
        .catch(() => {
          // A failed launch is tried again on the next render, with a fresh context.
          this.browser = null;
          this.context = null;
        });
    }
    if (!this.context) {
      const browser = this.browser;
      this.context = browser.then((b) =>
        b.newContext({ userAgent: this.opts.userAgent, javaScriptEnabled: true }),
      );
    }
    return this.context;
  }

  private async acquire(): Promise<Slot> {
    const slot = this.idle.pop();
    if (slot && !slot.page.isClosed()) return slot;
    if (this.created < this.opts.pages) {
      this.created++;
      try {
        const context = await this.getContext();
        const page = await context.newPage();
        const fresh: Slot = {
          page,
          allowedHost: '',
          extraHosts: [],
          beforeNavigation: undefined,
        };
        await page.route('**/*', async (route: Route) => {
          const req = route.request();
          let host = '';
          try {
            host = new URL(req.url()).host;
          } catch {
            /* data: and blob: URLs have no host */
          }
          if (
            BLOCKED_TYPES.has(req.resourceType()) ||
            (host !== '' && host !== fresh.allowedHost && !allowedExtra(host, fresh.extraHosts))
          ) {
            return route.abort('blockedbyclient');
          }
          if (req.isNavigationRequest() && req.frame() === page.mainFrame()) {
            await fresh.beforeNavigation?.(req.url());
          }
          return route.continue();
        });
        return fresh;
      } catch (err) {
        this.created--;
        throw err;
      }
    }
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  private release(slot: Slot): void {
    const waiter = this.waiters.shift();
    if (waiter) waiter(slot);
    else this.idle.push(slot);
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
      slot.allowedHost = new URL(url).host;
      slot.extraHosts = opts.consent?.hosts ?? [];
      slot.beforeNavigation = opts.beforeRequest;
      return await Promise.race([this.renderIn(slot, url, opts), deadline]);
    } catch (err) {
      if (err instanceof MwError) throw err;
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
      if (broken) {
        // A hung page may hold its renderer process (shared with the site's other pages): the
        // whole browser is replaced, and renders waiting for a page get one from the new one.
        await this.replaceBrowser(slot);
      } else this.release(slot);
    }
  }

  private async replaceBrowser(slot: Slot): Promise<void> {
    const browser = this.browser;
    if (!slot.page.isClosed() || browser) {
      this.browser = null;
      this.context = null;
      this.idle.length = 0;
      this.created = 0;
      const old = await browser?.catch(() => null);
      await Promise.race([
        old?.close().catch(() => undefined),
        new Promise((r) => setTimeout(r, 5_000)),
      ]);
    }
    for (const waiter of this.waiters.splice(0)) void this.acquire().then(waiter, () => undefined);
  }

  private async renderIn(slot: Slot, url: string, opts: RenderOptions): Promise<RenderResult> {
    const response = await slot.page.goto(url, {
      waitUntil: 'domcontentloaded',
      timeout: this.opts.navigationTimeoutMs,
    });
    const status = response?.status() ?? 0;
    const retryAfter = response ? ((await response.allHeaders())['retry-after'] ?? null) : null;
    if (opts.consent && status < 400) await this.applyConsent(slot.page, opts.consent);
    return { finalUrl: slot.page.url(), status, retryAfter, html: await slot.page.content() };
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
    this.context = null;
    if (browser) await (await browser.catch(() => null))?.close();
  }
}
