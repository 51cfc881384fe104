// A stacked bar chart of articles per day, drawn as inline SVG (no script, no font, no
// external resource), so the HTML report and its PDF stay a single self-contained file.
import { html } from './escape.js';
import type { TimelineSeries } from './timeline.js';

/** Colour-blind-safe palette (Okabe–Ito), then greys for the long tail. */
const PALETTE = [
  '#0072B2',
  '#E69F00',
  '#009E73',
  '#D55E00',
  '#CC79A7',
  '#56B4E9',
  '#F0E442',
  '#000000',
];

export function colour(i: number): string {
  return PALETTE[i] ?? `hsl(0, 0%, ${Math.min(30 + i * 5, 80)}%)`;
}

export interface ChartOptions {
  title: string;
  days: readonly string[];
  series: readonly TimelineSeries[];
  label: (key: string) => string;
  width?: number;
  height?: number;
}

function niceMax(n: number): number {
  if (n <= 5) return Math.max(n, 1);
  const step = 10 ** Math.floor(Math.log10(n));
  return Math.ceil(n / step) * step;
}

export function timelineChart(o: ChartOptions): string {
  const W = o.width ?? 760;
  const H = o.height ?? 240;
  const pad = { left: 36, right: 12, top: 28, bottom: 40 };
  const plotW = W - pad.left - pad.right;
  const plotH = H - pad.top - pad.bottom;
  const n = Math.max(o.days.length, 1);
  const totals = o.days.map((_, i) => o.series.reduce((s, x) => s + (x.counts[i] ?? 0), 0));
  const max = niceMax(Math.max(0, ...totals));
  const slot = plotW / n;
  const barW = Math.max(Math.min(slot * 0.8, 40), 1);
  const y = (v: number): number => pad.top + plotH - (v / max) * plotH;
  const parts: string[] = [];
  parts.push(
    `<svg viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${html(o.title)}">`,
    `<title>${html(o.title)}</title>`,
    `<text x="${pad.left}" y="16" class="chart-title">${html(o.title)}</text>`,
  );
  // Grid lines and y-axis labels: 0, half, max.
  for (const v of [0, max / 2, max]) {
    if (v !== Math.round(v)) continue;
    parts.push(
      `<line x1="${pad.left}" x2="${W - pad.right}" y1="${y(v).toFixed(1)}" y2="${y(v).toFixed(1)}" class="grid"/>`,
      `<text x="${pad.left - 6}" y="${(y(v) + 4).toFixed(1)}" text-anchor="end" class="axis">${v}</text>`,
    );
  }
  const every = Math.ceil(n / 12);
  o.days.forEach((day, i) => {
    const x = pad.left + i * slot + (slot - barW) / 2;
    let base = 0;
    o.series.forEach((s, k) => {
      const v = s.counts[i] ?? 0;
      if (v === 0) return;
      const top = y(base + v);
      parts.push(
        `<rect x="${x.toFixed(1)}" y="${top.toFixed(1)}" width="${barW.toFixed(1)}" height="${(y(base) - top).toFixed(1)}" fill="${colour(k)}"><title>${html(`${day} · ${o.label(s.key)}: ${v}`)}</title></rect>`,
      );
      base += v;
    });
    if (i % every === 0) {
      parts.push(
        `<text x="${(pad.left + i * slot + slot / 2).toFixed(1)}" y="${H - pad.bottom + 14}" text-anchor="middle" class="axis">${html(day.slice(5))}</text>`,
      );
    }
  });
  // Legend under the axis.
  let lx = pad.left;
  o.series.forEach((s, k) => {
    const text = `${o.label(s.key)} (${s.total})`;
    parts.push(
      `<rect x="${lx}" y="${H - 14}" width="10" height="10" fill="${colour(k)}"/>`,
      `<text x="${lx + 14}" y="${H - 5}" class="axis">${html(text)}</text>`,
    );
    lx += 24 + text.length * 6;
  });
  parts.push('</svg>');
  return parts.join('');
}
