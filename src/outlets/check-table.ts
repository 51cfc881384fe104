// The check's results as a table for people: one row per outlet, then every problem on its
// own line (source, short reason, code), then a one-line verdict. Pure: results in, text out.
import type { OutletCheck, SampleCheck, SourceCheck } from './check.js';

const HEADERS = ['OUTLET', 'ROBOTS', 'SITEMAPS', 'FEEDS', 'PAGES', 'CANDIDATES', 'SAMPLE'];

export function formatCheckTable(results: readonly OutletCheck[]): string {
  const rows = results.map((r) => [
    r.id,
    r.robots === null ? 'off' : String(r.robots.status ?? 'none'),
    sourceCell(r.sources.filter((x) => x.kind === 'sitemap')),
    sourceCell(r.sources.filter((x) => x.kind === 'feed')),
    sourceCell(r.sources.filter((x) => x.kind === 'page')),
    String(r.candidates),
    sampleCell(r.sample),
  ]);
  const widths = HEADERS.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]): string =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  const out = [line(HEADERS), ...rows.map(line)];

  const problems = results.flatMap((r) =>
    problemsOf(r).map((p) => `  ${r.id.padEnd(widths[0]!)}  ${p}`),
  );
  if (problems.length > 0) out.push('', 'Problems:', ...problems);
  const empty = results.filter((r) => !r.ok).map((r) => r.id);
  out.push(
    '',
    'SITEMAPS, FEEDS, PAGES: sources that answered and parsed / configured · URLs they list',
    '(article links for pages). SAMPLE: the first candidate, fetched by the fetch mode.',
    '',
    `${results.length} outlet${results.length === 1 ? '' : 's'} checked; ` +
      (empty.length === 0 ? 'every one yields candidates.' : `no candidates: ${empty.join(', ')}.`),
  );
  return `${out.join('\n')}\n`;
}

/** "ok/total · URLs", or "-" when none is configured. */
function sourceCell(sources: SourceCheck[]): string {
  if (sources.length === 0) return '-';
  const ok = sources.filter((x) => x.ok);
  const urls = ok.reduce((n, x) => n + x.urls, 0);
  return `${ok.length}/${sources.length} · ${urls}`;
}

function sampleCell(sample: SampleCheck | null): string {
  if (sample === null) return '-';
  if (sample.error) return `error: ${sample.error.reason}`;
  const mode = sample.mode ?? 'http';
  if (sample.body) {
    const access = sample.access && sample.access !== 'free' ? `, ${sample.access}` : '';
    return `${mode}, ${sample.bodyChars} chars${access}`;
  }
  const where = sample.redirectedTo ? ` at ${sample.redirectedTo}` : '';
  return `${mode}, no body (${sample.access ?? 'unknown'}${where})`;
}

function problemsOf(r: OutletCheck): string[] {
  const out: string[] = [];
  if (r.robots?.error) out.push(`robots.txt: ${r.robots.error.reason} (${r.robots.error.code})`);
  for (const x of r.sources) {
    const name = `${x.kind} ${shortUrl(x.url, r.baseUrl)}${x.from === 'robots.txt' ? ' (robots.txt)' : ''}`;
    if (x.error) out.push(`${name}: ${x.error.reason} (${x.error.code})`);
    else if (x.ok && x.urls === 0) out.push(`${name}: answered, but lists no URL`);
    for (const note of x.notes) out.push(`${name}: ${note}`);
  }
  if (r.skipped.robots > 0) out.push(`${r.skipped.robots} candidate(s) disallowed by robots.txt`);
  if (r.skipped.offSite > 0) out.push(`${r.skipped.offSite} URL(s) on another host, left out`);
  const s = r.sample;
  if (s?.error)
    out.push(`sample ${shortUrl(s.url, r.baseUrl)}: ${s.error.reason} (${s.error.code})`);
  else if (s && !s.body) {
    out.push(`sample ${shortUrl(s.url, r.baseUrl)}: no article body (${s.access ?? 'unknown'})`);
  }
  return out;
}

function shortUrl(url: string, base: string): string {
  try {
    const u = new URL(url);
    return u.host === new URL(base).host ? u.pathname + u.search : url;
  } catch {
    return url;
  }
}
