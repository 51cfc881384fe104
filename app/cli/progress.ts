// Progress of a crawl on stderr: one line rewritten in place on a terminal, a line every few
// seconds otherwise; then a one-screen summary.
import type { RunCounts } from '../../src/store/index.js';
import { redactText } from '../../src/url/redact.js';

export function progressPrinter(stream: NodeJS.WriteStream = process.stderr): {
  update(c: RunCounts): void;
  done(): void;
} {
  let last = '';
  let lastAt = 0;
  const start = Date.now();
  return {
    update(c: RunCounts): void {
      const secs = ((Date.now() - start) / 1000).toFixed(1);
      const line = `[${secs}s] discovered ${c.discovered} (already known ${c.known}) · fetched ${c.stored + c.skipped} · stored ${c.stored} · matched ${c.matched} · skipped ${c.skipped} · failed ${c.failed} · pending ${c.pending}`;
      if (stream.isTTY) {
        stream.write(`\r\x1b[2K${line}`);
      } else if (line !== last && Date.now() - lastAt > 3000) {
        stream.write(`${line}\n`);
        lastAt = Date.now();
      }
      last = line;
    },
    done(): void {
      if (stream.isTTY) stream.write('\n');
      else if (last) stream.write(`${last}\n`);
    },
  };
}

export function runSummary(
  runId: string,
  c: RunCounts & { unfinished?: ReadonlyArray<{ what: string; reason: string }> },
  seconds: number,
): string {
  const lines = [
    `Crawl ${runId} finished in ${seconds.toFixed(1)} s`,
    `  URLs discovered   ${c.discovered}  (already in the ledger: ${c.known})`,
    `  stored            ${c.stored}`,
    `  matched an event  ${c.matched}`,
    `  skipped           ${c.skipped}`,
    `  failed            ${c.failed}`,
  ];
  const gaveUp = c.unfinished ?? [];
  if (gaveUp.length > 0) {
    lines.push(`  not done (${gaveUp.length}); the crawl stopped waiting for them:`);
    for (const u of gaveUp.slice(0, 8))
      lines.push(`    - ${redactText(u.what)}: ${redactText(u.reason)}`);
    if (gaveUp.length > 8) lines.push(`    … and ${gaveUp.length - 8} more`);
    lines.push(
      '  (mediawatch reconcile enqueues them again once Redis and the database accept writes)',
    );
  } else if (c.pending > 0)
    lines.push(`  still pending     ${c.pending}  (a worker elsewhere may finish them)`);
  const budgets = c.discoveryErrors.filter((e) => e.includes('MW_BUDGET_HIT'));
  const failures = c.discoveryErrors.filter((e) => !e.includes('MW_BUDGET_HIT'));
  if (budgets.length > 0) {
    lines.push(
      `  budgets hit (the run left URLs out; raise the outlet's discovery limits to take them):`,
    );
    for (const e of budgets.slice(0, 8)) lines.push(`    - ${e}`);
  }
  if (failures.length > 0) {
    lines.push(`  discovery sources that failed (${failures.length}):`);
    for (const e of failures.slice(0, 8)) lines.push(`    - ${redactText(e)}`);
  }
  return lines.join('\n');
}
