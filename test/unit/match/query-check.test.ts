import { CommanderError } from 'commander';
import { describe, expect, it } from 'vitest';
import { queryCheckCommand } from '../../../app/cli/commands/query-check.js';

function check(args: string[]): { out: string; err: string; exitCode: number } {
  let out = '';
  let err = '';
  const cmd = queryCheckCommand()
    .exitOverride()
    .configureOutput({ writeOut: (s) => (out += s), writeErr: (s) => (err += s) });
  try {
    cmd.parse(args, { from: 'user' });
    return { out, err, exitCode: 0 };
  } catch (e) {
    if (!(e instanceof CommanderError)) throw e;
    return { out, err, exitCode: e.exitCode };
  }
}

describe('mediawatch query check', () => {
  it('prints the normalised query and the tree', () => {
    const r = check(['title:(Rajavi OR cs(NCRI)) mayor* NEAR/3 Vilvoorde -Paris']);
    expect(r.exitCode).toBe(0);
    expect(r.out).toBe(
      [
        'query: title:(Rajavi OR cs(NCRI)) AND mayor* NEAR/3 Vilvoorde AND NOT Paris',
        'tree:',
        '  AND',
        '    field title:',
        '      OR',
        '        term Rajavi',
        '        term NCRI (case-sensitive)',
        '    NEAR/3 (at most 3 words between, any order)',
        '      wildcard mayor*',
        '      term Vilvoorde',
        '    NOT',
        '      term Paris',
        '',
      ].join('\n'),
    );
  });
  it('expands --alias definitions', () => {
    const r = check(['@r AND Vilvoorde', '--alias', 'r=Rajavi OR Radjavi', '--alias', 'm=mayor*']);
    expect(r.exitCode).toBe(0);
    expect(r.out).toContain('query: (Rajavi OR Radjavi) AND Vilvoorde\n');
  });
  it('prints the error with a caret under the column and exits 1', () => {
    const r = check(['a AND (b OR c OR )']);
    expect(r.exitCode).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toBe(
      'MW_ERR_QUERY_SYNTAX: unexpected ")" at column 18; expected a term after "OR"\n' +
        '  a AND (b OR c OR )\n' +
        '                   ^\n',
    );
  });
  it('puts the caret in the alias text when the error is there', () => {
    const r = check(['x @r', '--alias', 'r=Rajavi OR (NCRI']);
    expect(r.exitCode).toBe(1);
    expect(r.err).toContain('in @r: unexpected end of query at column 16');
    expect(r.err).toContain('  Rajavi OR (NCRI\n                 ^\n');
  });
  it('names unknown fields and aliases', () => {
    expect(check(['titel:x']).err).toContain('MW_ERR_QUERY_UNKNOWN_FIELD: unknown field "titel:"');
    expect(check(['@nope']).err).toContain('MW_ERR_QUERY_UNKNOWN_ALIAS: unknown alias "@nope"');
  });
  it('refuses a malformed --alias', () => {
    const r = check(['x', '--alias', 'no-equals-sign']);
    expect(r.exitCode).toBe(1);
    expect(r.err).toContain('--alias needs name=query');
  });
  it('has --help', () => {
    const r = check(['--help']);
    expect(r.out).toContain('Usage: check [options] <query>');
    expect(r.out).toContain('--alias <name=query>');
    expect(r.out).toContain('docs/query-language.md');
  });
});
