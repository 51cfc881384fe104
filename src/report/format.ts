// Number and label formatting shared by the human-readable formats (Markdown, HTML, Excel).

// Made on first use: the first Intl object loads ICU data (tens of ms a CLI should not pay
// for `--help`).
let INT: Intl.NumberFormat | undefined;

export function count(n: number | null): string {
  return n === null
    ? '—'
    : (INT ??= new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 })).format(n);
}

export function percent(share: number): string {
  return `${(share * 100).toFixed(1)} %`;
}

/** "2024-01-05 15:00" from an ISO time with offset, as the outlet printed it. */
export function shortTime(published: string | null): string {
  if (!published) return 'undated';
  const m = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2}))?/.exec(published);
  return m ? `${m[1]}${m[2] ? ` ${m[2]}` : ''}` : published;
}

export function accessLabel(access: string): string {
  return access === 'free' ? 'free' : `body unavailable (${access})`;
}

export function windowLabel(w: { from: string; to: string | null }): string {
  return `${w.from} to ${w.to ?? 'open'}`;
}

/** The reach figure of a report's totals: a dash when no outlet of it has an audience figure. */
export function reachText(t: {
  reach: number;
  outlets: number;
  audienceUnknown: readonly unknown[];
}): string {
  return t.audienceUnknown.length === t.outlets && t.outlets > 0 ? '—' : count(t.reach);
}
