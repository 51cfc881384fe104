// MW_ERR_CONFIG: every problem of the config folder, reported together.
import { MwError } from '../errors.js';

export interface ConfigProblem {
  file: string;
  path: string;
  line: number | null;
  message: string;
}

export class ConfigError extends MwError {
  readonly problems: ConfigProblem[];
  constructor(problems: ConfigProblem[]) {
    const lines = problems.map(
      (p) =>
        `  ${p.file}${p.line ? `:${p.line}` : ''}${p.path ? ` at ${p.path}` : ''}: ${p.message}`,
    );
    super(
      'MW_ERR_CONFIG',
      `invalid configuration (${problems.length} problem(s)):\n${lines.join('\n')}`,
    );
    this.problems = problems;
  }
}
