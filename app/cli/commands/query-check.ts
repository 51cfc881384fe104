// `mediawatch query check "<query>" [--alias name=query ...]`: parses a query without the
// config or the store and prints its normalised text and tree, or the error with a caret under
// the column it names (exit 1).
import { Command } from 'commander';
import { formatQuery, formatTree, parseQuery, QueryError } from '../../../src/match/index.js';

function collectAlias(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** Lines that show `text` with a caret under 1-based `column`. */
export function caretLines(text: string, column: number): string {
  // Tabs and line breaks would move the caret; show them as spaces.
  const shown = text.replace(/[\t\r\n]/g, ' ');
  return `  ${shown}\n  ${' '.repeat(Math.max(0, column - 1))}^\n`;
}

export function queryCheckCommand(): Command {
  return new Command('check')
    .description('parse a query and print its normalised form and tree, or the error and where')
    .argument('<query>', 'the query text, in quotes')
    .option(
      '--alias <name=query>',
      'define @name for this check (repeatable)',
      collectAlias,
      [] as string[],
    )
    .addHelpText(
      'after',
      '\nExamples:\n' +
        '  mediawatch query check \'(Rajavi OR cs(NCRI)) AND mayor* AND (Vilvoorde OR "Hans Bonte")\'\n' +
        "  mediawatch query check '@resistance AND Vilvoorde' --alias 'resistance=Rajavi OR NCRI'\n" +
        '\nSyntax: docs/query-language.md',
    )
    .action((query: string, opts: { alias: string[] }, cmd: Command) => {
      const out = cmd.configureOutput();
      const write = (s: string): void => {
        if (out.writeOut) out.writeOut(s);
        else process.stdout.write(s);
      };
      const aliases: Record<string, string> = {};
      for (const def of opts.alias) {
        const eq = def.indexOf('=');
        const name = eq > 0 ? def.slice(0, eq).trim().replace(/^@/, '') : '';
        if (name === '') {
          cmd.error(`--alias needs name=query, got "${def}"`, {
            exitCode: 1,
            code: 'MW_ERR_QUERY_SYNTAX',
          });
        }
        aliases[name] = def.slice(eq + 1);
      }
      try {
        const tree = parseQuery(query, { aliases });
        write(`query: ${formatQuery(tree)}\n`);
        write(`tree:\n${indent(formatTree(tree))}\n`);
      } catch (err) {
        if (!(err instanceof QueryError)) throw err;
        const source = err.alias === undefined ? query : (aliases[err.alias] ?? query);
        const where = err.alias === undefined ? '' : `  (in @${err.alias})\n`;
        cmd.error(
          `${err.code}: ${err.message}\n${where}${caretLines(source, err.column)}`.trimEnd(),
          {
            exitCode: 1,
            code: err.code,
          },
        );
      }
    });
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((l) => `  ${l}`)
    .join('\n');
}
