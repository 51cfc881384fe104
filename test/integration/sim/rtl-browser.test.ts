// RTL's consent flow in a real Chromium: the body appears only after the agree click, and the
// didomi_token cookie makes later pages render at once. Without Chromium: fails under CI,
// skipped locally (test/helpers/chromium.ts).
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CHROMIUM_LAUNCH_ARGS } from '../../../src/fetch/chromium-args.js';
import { startSimulator, type Simulator } from '../../../src/sim/index.js';
import { chromiumPath, describeWithChromium, hasChromium } from '../../helpers/chromium.js';

let sim: Simulator;
let browser: Browser | undefined;

beforeAll(async () => {
  sim = await startSimulator();
  if (hasChromium) {
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: [...CHROMIUM_LAUNCH_ARGS],
    });
  }
});
afterAll(async () => {
  await browser?.close();
  await sim.close();
});

describeWithChromium('RTL consent in a browser', () => {
  it('renders the body after the agree click and remembers consent', async () => {
    if (!browser) throw new Error('no browser');
    const context = await browser.newContext();
    await context.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
    const rtl = sim.manifest.filter((a) => a.outlet === 'rtl');
    const coverage = rtl.find((a) => a.kind === 'coverage');
    const negative = rtl.find((a) => a.kind === 'negative');
    if (!coverage || !negative) throw new Error('rtl articles missing');

    const page = await context.newPage();
    await page.goto(
      `${sim.origins.rtl}/actu/belgique/${/\d+$/.exec(coverage.url)?.[0] ?? ''}.aspx`,
    );
    expect(page.url()).toBe(coverage.url);
    expect(await page.locator('.article-body p').count()).toBe(0);
    expect(await page.locator('#didomi-host').isVisible()).toBe(true);
    await page.click('#didomi-notice-agree-button');
    await page.waitForSelector('.article-body p');
    expect(await page.locator('#didomi-host').isVisible()).toBe(false);
    expect(await page.locator('.article-body').innerText()).toMatch(/165 communes/);

    const second = await context.newPage();
    await second.goto(negative.url);
    await second.waitForSelector('.article-body p', { timeout: 5000 });
    expect(await second.locator('.article-body').innerText()).toMatch(/CNRI/);
    await context.close();
  });
});
