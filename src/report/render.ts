// Renders an event's coverage for people (Markdown, HTML, PDF, Excel) and programs (JSON,
// CSV). The report model (./model.ts) is computed once; each format is a module of its own.
// renderReport is pure; exportReport adds the two binary formats (Excel, and PDF through
// Chromium).
import { toCsv } from './csv.js';
import { toHtml } from './html.js';
import { toJson } from './json.js';
import { toMarkdown } from './markdown.js';
import { buildReport, type ReportInput } from './model.js';

export type { ReportInput, CoverageReport, ArticleRow } from './model.js';

/** Formats rendered as text, without any I/O. */
export type ReportFormat = 'md' | 'json' | 'csv' | 'html';
export type ExportFormat = ReportFormat | 'xlsx' | 'pdf';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['md', 'json', 'csv', 'xlsx', 'html', 'pdf'];

export function renderReport(input: ReportInput, format: ReportFormat): string {
  const report = buildReport(input);
  if (format === 'json') return toJson(report, input.summary);
  if (format === 'csv') return toCsv(report);
  if (format === 'html') return toHtml(report);
  return toMarkdown(report);
}

export interface ExportOptions {
  /** For PDF: the configured Chromium (settings.browser.executablePath). */
  executablePath?: string | null;
}

/** Text for md, json, csv and html; bytes for xlsx and pdf. */
export async function exportReport(
  input: ReportInput,
  format: 'xlsx' | 'pdf',
  opts?: ExportOptions,
): Promise<Buffer>;
export async function exportReport(
  input: ReportInput,
  format: ReportFormat,
  opts?: ExportOptions,
): Promise<string>;
export async function exportReport(
  input: ReportInput,
  format: ExportFormat,
  opts?: ExportOptions,
): Promise<string | Buffer>;
export async function exportReport(
  input: ReportInput,
  format: ExportFormat,
  opts: ExportOptions = {},
): Promise<string | Buffer> {
  // exceljs and Playwright load only for the format that needs them (the CLI starts faster).
  if (format === 'xlsx') return (await import('./xlsx.js')).toXlsx(buildReport(input));
  if (format === 'pdf') {
    const { htmlToPdf } = await import('./pdf.js');
    return htmlToPdf(renderReport(input, 'html'), { executablePath: opts.executablePath ?? null });
  }
  return renderReport(input, format);
}
