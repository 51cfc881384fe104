// Exports and alert settings (app/web/routes/exports.ts) on real components: the simulator
// crawled by the workers, the web app, Redis, SQLite and Chromium. The dashboard's download
// links carry its filter; the files are read back (CSV as text, Excel with exceljs); a title
// that looks like a formula is neutralised; alerts are edited for an app event by an analyst
// and refused to a viewer.
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { articleInput, seedArticle } from '../../helpers/articles.js';
import { describeWithChromium } from '../../helpers/chromium.js';
import { csrfOf, expectNoAxeViolations, useWebEnv } from '../../helpers/web.js';

const EVENT = 'vilvoorde-2024';
const FORMULA = '=HYPERLINK("https://evil.example","click")';

/** RFC 4180 rows of a CSV text (quoted cells, "" inside). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n') {
      row.push(cell.replace(/\r$/, ''));
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  return rows;
}

async function download(page: Page, linkName: string): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page
      .getByRole('navigation', { name: 'Downloads' })
      .getByRole('link', { name: linkName })
      .click(),
  ]);
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: readFileSync(path) };
}

describeWithChromium('exports and alert settings', () => {
  const web = useWebEnv({ crawl: true });
  beforeAll(async () => {
    const body = 'Les bourgmestres se sont réunis à Vilvoorde.';
    const start = body.indexOf('Vilvoorde');
    const url = `${web.sim.origins.rtl ?? 'https://rtl.example'}/seeded/formula`;
    await seedArticle(
      web.rt.store,
      articleInput({
        url,
        fetchedUrl: url,
        outletId: 'rtl',
        title: FORMULA,
        body,
        published: '2024-01-06T10:00:00+01:00',
      }),
      [
        {
          eventId: EVENT,
          score: 1,
          hits: [{ field: 'body', term: 'vilvoorde', start, end: start + 9 }],
          sentences: [
            { field: 'body', text: body, start: 0, end: body.length, marks: [[start, start + 9]] },
          ],
          summary: body,
        },
      ],
    );
  });

  it('downloads the CSV with the filter: only that outlet, formulas neutralised', async () => {
    const mentions = await web.rt.store.mentions(EVENT);
    const outlets = new Set(mentions.map((m) => m.article.outletId));
    expect(outlets.size).toBeGreaterThan(1);
    const page = await web.signedIn('viewer');
    await page.goto(`${web.url}/events/${EVENT}?outlet=rtl`);
    const csv = await download(page, 'CSV');
    expect(csv.name).toBe(`${EVENT}-coverage.csv`);
    const [head, ...rows] = parseCsv(csv.bytes.toString('utf8'));
    const outletCol = head?.indexOf('outlet') ?? -1;
    const titleCol = head?.indexOf('title') ?? -1;
    expect(outletCol).toBeGreaterThanOrEqual(0);
    const expected = mentions.filter((m) => m.article.outletId === 'rtl').length;
    expect(rows.length).toBe(expected);
    expect(new Set(rows.map((r) => r[outletCol]))).toEqual(new Set(['rtl']));
    // The formula title is a text cell: a leading apostrophe, never a bare "=".
    const titles = rows.map((r) => r[titleCol]);
    expect(titles).toContain(`'${FORMULA}`);
    expect(titles.some((t) => t?.startsWith('='))).toBe(false);

    // Without the filter every outlet is there.
    await page.goto(`${web.url}/events/${EVENT}`);
    const all = parseCsv((await download(page, 'CSV')).bytes.toString('utf8'));
    expect(all.length - 1).toBe(mentions.length);
  });

  it('downloads Excel that opens with a header row, and JSON with the filter', async () => {
    const page = await web.signedIn('viewer');
    await page.goto(`${web.url}/events/${EVENT}?outlet=rtl`);
    const xlsx = await download(page, 'Excel');
    expect(xlsx.name).toBe(`${EVENT}-coverage.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('Mentions');
    expect(sheet).toBeDefined();
    const header = (sheet?.getRow(1).values as unknown[]).filter(Boolean);
    expect(header).toContain('title');
    expect(header).toContain('outlet');
    const titleCol = (header.indexOf('title') ?? 0) + 1;
    const titles: unknown[] = [];
    sheet?.eachRow((row, n) => {
      if (n > 1) titles.push(row.getCell(titleCol).value);
    });
    expect(titles).toContain(`'${FORMULA}`);

    const json = await download(page, 'JSON');
    const doc = JSON.parse(json.bytes.toString('utf8')) as Record<string, unknown>;
    expect(JSON.stringify(doc)).toContain('rtl');
    const res = await page.request.get(`${web.url}/events/${EVENT}/export.json?outlet=rtl`);
    expect(res.headers()['content-type']).toContain('application/json');
    expect(res.headers()['content-disposition']).toBe(
      `attachment; filename="${EVENT}-coverage.json"`,
    );
    // PDF through the configured Chromium.
    const pdf = await page.request.get(`${web.url}/events/${EVENT}/export.pdf?outlet=rtl`);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const bad = await page.request.get(`${web.url}/events/${EVENT}/export.exe`);
    expect(bad.status()).toBe(400);
    const badFilter = await page.request.get(`${web.url}/events/${EVENT}/export.csv?state=maybe`);
    expect(badFilter.status()).toBe(400);
    expect(await badFilter.text()).toContain('state=maybe');
  });

  it('shows a config event read-only, and lets an analyst set an app event alerts; a viewer cannot', async () => {
    const definition = {
      id: 'app-alerts',
      name: 'An app event with alerts',
      window: { from: '2024-01-03', to: '2024-01-12' },
      query: 'Vilvoorde',
    };
    await web.rt.store.saveAppEvent({
      id: definition.id,
      definition,
      actor: 'test',
      at: new Date().toISOString(),
    });

    const viewer = await web.signedIn('viewer');
    await viewer.goto(`${web.url}/events/${EVENT}/alerts`);
    expect(await viewer.locator('main').textContent()).toContain(`config/events/${EVENT}.yaml`);
    await viewer.goto(`${web.url}/events/app-alerts/alerts`);
    expect(await viewer.getByRole('button', { name: 'Save alerts' }).count()).toBe(0);
    const refused = await viewer.request.post(`${web.url}/events/app-alerts/alerts`, {
      form: { _csrf: await csrfOf(viewer), mode: 'hourly', webhook: 'https://hooks.example/x' },
    });
    expect(refused.status()).toBe(403);

    const analyst = await web.signedIn('analyst');
    await analyst.goto(`${web.url}/events/app-alerts/alerts`);
    await expectNoAxeViolations(analyst);
    await analyst.getByLabel('Mode').selectOption('daily');
    await analyst.getByLabel('Webhook URL').fill('https://hooks.example/services/T0/B0/x');
    await analyst.getByLabel('E-mail to (comma-separated)').fill('a@example.test, b@example.test');
    await analyst.getByLabel('E-mail from').fill('mediawatch@example.test');
    await Promise.all([
      analyst.waitForURL((u) => u.searchParams.get('saved') === '1'),
      analyst.getByRole('button', { name: 'Save alerts' }).click(),
    ]);
    expect(await analyst.getByRole('status').textContent()).toContain('Alerts saved.');
    const saved = (await web.rt.store.appEvents()).find((a) => a.id === 'app-alerts');
    expect((saved?.definition as { alerts?: unknown }).alerts).toEqual({
      mode: 'daily',
      webhook: 'https://hooks.example/services/T0/B0/x',
      email: { to: ['a@example.test', 'b@example.test'], from: 'mediawatch@example.test' },
    });
    const audit = await web.rt.store.auditLog({ target: 'event:app-alerts' });
    expect(audit.map((a) => [a.action, a.actor])).toContainEqual([
      'event.alerts',
      web.emails.analyst,
    ]);
    // The form shows what is saved; a bad address is refused with the reason.
    expect(await analyst.getByLabel('Mode').inputValue()).toBe('daily');
    await analyst.getByLabel('E-mail to (comma-separated)').fill('not-an-address');
    await analyst.getByRole('button', { name: 'Save alerts' }).click();
    await analyst.getByRole('alert').waitFor();
    expect(await analyst.getByRole('alert').textContent()).toContain('email');
  });
});
