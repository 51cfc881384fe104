// CSV export: one row per mention (./columns.ts), every cell quoted, formulas neutralised.
import { MENTION_COLUMNS } from './columns.js';
import { csvCell } from './escape.js';
import type { CoverageReport } from './model.js';

export function toCsv(report: CoverageReport): string {
  const rows = report.articles.map((r) =>
    MENTION_COLUMNS.map((c) => {
      const v = c.value(r);
      // The score keeps its three decimals, as the first CSV layout had it.
      if (c.header === 'score' && typeof v === 'number') return csvCell(v.toFixed(3));
      return csvCell(v === null ? '' : String(v));
    }).join(','),
  );
  return `${[MENTION_COLUMNS.map((c) => c.header).join(','), ...rows].join('\r\n')}\r\n`;
}
