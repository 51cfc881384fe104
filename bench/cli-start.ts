// The CLI start part of `npm run bench` (`--only cli`, issue 11 item 5): wall-clock time of
// spawned `mediawatch` processes (node bin/mediawatch.js, as `npx mediawatch` runs it), the
// median of several runs after one warm-up, against the goal of 0.4 s. The config is a copy of
// config/ with its own SQLite file: `report` reads an empty store (the warm-up creates it).
// `node -e ""` is timed too: Node's own start, the floor under every command.
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';

const GOAL_S = 0.4;

function timeOnce(root: string, args: string[]): Promise<{ ms: number; code: number | null }> {
  return new Promise((resolve, reject) => {
    const t = performance.now();
    const p = spawn(process.execPath, args, { cwd: root, stdio: 'ignore' });
    p.on('error', reject);
    p.on('exit', (code) => resolve({ ms: performance.now() - t, code }));
  });
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

export async function runCliPart(root: string, runs: number): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'mw-bench-cli-'));
  try {
    cpSync(join(root, 'config'), dir, { recursive: true });
    const settings = (parse(readFileSync(join(dir, 'mediawatch.yaml'), 'utf8')) ?? {}) as Record<
      string,
      Record<string, unknown>
    >;
    settings.database = { ...settings.database, url: join(dir, 'empty.db') };
    writeFileSync(join(dir, 'mediawatch.yaml'), stringify(settings));
    const cli = ['bin/mediawatch.js', '--config', dir];
    const commands: Array<{ label: string; args: string[]; goal: boolean }> = [
      { label: 'node -e "" (Node alone, for reference)', args: ['-e', ''], goal: false },
      { label: 'mediawatch --help', args: [...cli, '--help'], goal: true },
      { label: 'mediawatch config check', args: [...cli, 'config', 'check'], goal: true },
      {
        label: 'mediawatch query check "a AND b"',
        args: [...cli, 'query', 'check', 'a AND b'],
        goal: true,
      },
      {
        label: 'mediawatch report vilvoorde-2024 (empty store)',
        args: [...cli, 'report', 'vilvoorde-2024'],
        goal: true,
      },
    ];
    const lines = [
      `Median of ${runs} runs after one warm-up, wall clock of the spawned process; load average at start ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}.`,
      '',
      '| command | median (s) | min (s) | max (s) | exit | goal 0.4 s |',
      '|---|---|---|---|---|---|',
    ];
    for (const c of commands) {
      process.stderr.write(`  cli: ${c.label}\n`);
      await timeOnce(root, c.args);
      const times: number[] = [];
      let code: number | null = 0;
      for (let i = 0; i < runs; i++) {
        const r = await timeOnce(root, c.args);
        times.push(r.ms / 1000);
        code = r.code;
      }
      const med = median(times);
      lines.push(
        `| ${c.label} | ${med.toFixed(3)} | ${Math.min(...times).toFixed(3)} | ${Math.max(...times).toFixed(3)} | ${code} | ${c.goal ? (med <= GOAL_S ? 'met' : `NOT met (${(med / GOAL_S).toFixed(1)}×)`) : '—'} |`,
      );
    }
    lines.push('');
    return lines.join('\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
