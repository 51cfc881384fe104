// PDF export: the HTML report printed by Chromium. The browser is found as the crawler finds
// it (resolveChromium: CHROMIUM_PATH, /usr/bin/chromium, Playwright's own), launched for this
// one print and closed. JavaScript is off and every network request is refused: the page is
// self-contained, and a scraped URL must never be fetched while printing.
import { MwError } from '../errors.js';
import { resolveChromium } from '../fetch/browser.js';
import { CHROMIUM_LAUNCH_ARGS } from '../fetch/chromium-args.js';

export async function htmlToPdf(
  html: string,
  opts: { executablePath: string | null; timeoutMs?: number },
): Promise<Buffer> {
  const executablePath = resolveChromium(opts.executablePath);
  // Loaded here, not with the module: the commands that never make a PDF never load it.
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath,
    args: [...CHROMIUM_LAUNCH_ARGS],
    headless: true,
  });
  try {
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    const page = await context.newPage();
    await page.route('**/*', (route) => route.abort('blockedbyclient'));
    await page.setContent(html, { waitUntil: 'load', timeout: opts.timeoutMs ?? 30_000 });
    return await page.pdf({
      format: 'A4',
      printBackground: true,
      margin: { top: '12mm', bottom: '14mm', left: '10mm', right: '10mm' },
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate:
        '<div style="font-size:8px;width:100%;text-align:center;color:#777"><span class="pageNumber"></span> / <span class="totalPages"></span></div>',
    });
  } catch (err) {
    if (err instanceof MwError) throw err;
    throw new MwError(
      'MW_ERR_PDF',
      `printing the report failed: ${(err as Error).message.split('\n')[0]}`,
      {
        cause: err,
      },
    );
  } finally {
    await browser.close();
  }
}
