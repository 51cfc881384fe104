// The `mediawatch` CLI as a child process, from the TypeScript sources (no build needed): what
// an operator sees on the terminal (stdout, stderr) and the exit code.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const root = join(import.meta.dirname, '../..');

export interface CliProcess {
  proc: ChildProcess;
  /** stdout and stderr so far, interleaved. */
  output(): string;
  exit: Promise<number | null>;
}

export function spawnCli(
  args: string[],
  env: Record<string, string | undefined> = {},
  /** Written to the command's standard input, which then ends (else stdin is closed). */
  input?: string,
): CliProcess {
  const proc = spawn(
    process.execPath,
    ['--import', 'tsx', join(root, 'test/helpers/cli-entry.ts'), ...args],
    {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    },
  );
  if (input !== undefined) proc.stdin?.end(input);
  let out = '';
  proc.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  proc.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const exit = new Promise<number | null>((r) => proc.on('exit', (code) => r(code)));
  return { proc, output: () => out, exit };
}

/** Resolves once the output contains `text`; rejects if the process ends first. */
export async function waitForOutput(
  cli: CliProcess,
  text: string,
  timeoutMs = 60_000,
): Promise<void> {
  const started = Date.now();
  while (!cli.output().includes(text)) {
    if (cli.proc.exitCode !== null) throw new Error(`exited before "${text}":\n${cli.output()}`);
    if (Date.now() - started > timeoutMs) throw new Error(`no "${text}" yet:\n${cli.output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
