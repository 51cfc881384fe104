// The catalogue of codes (src/errors.ts) is the one list: docs/errors.md lists exactly its codes,
// each under the heading of what happens next, and no source file mentions a code outside it
// or builds one at run time (a code must be a literal someone can grep for).
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ERROR_CATALOGUE,
  MwError,
  errorCode,
  errorReason,
  isSkip,
  reasonLine,
  type ErrorCode,
} from '../../../src/errors.js';

const root = join(import.meta.dirname, '../../..');
const codes = Object.keys(ERROR_CATALOGUE) as ErrorCode[];
const known = new Set<string>(codes);
/** `MW_` names that are no codes: environment variables. */
const NOT_CODES = new Set(['MW_DATASETS']);

function filesUnder(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => relative(root, join(e.parentPath, e.name)));
}

/** Every `MW_…` mention of the text that is not a catalogue code, as "file:line: problem". */
function unknownCodes(file: string, text: string): string[] {
  const problems: string[] = [];
  for (const m of text.matchAll(/\bMW_[A-Z0-9_]*/g)) {
    const token = m[0];
    const line = text.slice(0, m.index).split('\n').length;
    const after = text.slice(m.index + token.length, m.index + token.length + 2);
    if (after === '${') {
      problems.push(`${file}:${line}: a code built at run time (${token}\${…})`);
    } else if (token.endsWith('_')) {
      // A prefix, as in `MW_SKIP_*`, /^MW_[A-Z_]+/ or "MW_ERR_…": it must start some code.
      if (!codes.some((c) => c.startsWith(token))) {
        problems.push(`${file}:${line}: ${token}… starts no code of the catalogue`);
      }
    } else if (!known.has(token) && !NOT_CODES.has(token)) {
      problems.push(`${file}:${line}: ${token} is not in the catalogue (src/errors.ts)`);
    }
  }
  return problems;
}

describe('the error catalogue', () => {
  it('is the codes of src/, jobs/ and app/: none is unknown or built at run time', () => {
    const sources = ['src', 'jobs', 'app'].flatMap(filesUnder);
    expect(sources.length).toBeGreaterThan(50);
    const problems = sources.flatMap((f) => unknownCodes(f, readFileSync(join(root, f), 'utf8')));
    expect(problems).toEqual([]);
  });

  it('catches an unknown code, a prefix of none and a code built at run time', () => {
    expect(unknownCodes('x.ts', "throw new MwError('MW_ERR_BOGUS', 'x');")).toHaveLength(1);
    expect(unknownCodes('x.ts', '/^MW_NOPE_(A|B)/')).toHaveLength(1);
    expect(unknownCodes('x.ts', '`MW_ERR_UNKNOWN_${kind}`')).toHaveLength(1);
    expect(unknownCodes('x.ts', "'MW_SKIP_TRAP: …' /^MW_SKIP_(BUDGET)/ MW_ERR_…")).toEqual([]);
  });

  it('is listed in docs/errors.md, every code under the heading of what happens next', () => {
    const doc = readFileSync(join(root, 'docs/errors.md'), 'utf8');
    const mentioned = new Set(
      [...doc.matchAll(/\bMW_[A-Z0-9_]*[A-Z0-9]\b/g)]
        .map((m) => m[0])
        .filter((t) => !NOT_CODES.has(t)),
    );
    expect([...mentioned].sort()).toEqual([...codes].sort());

    const rows: Array<[string, string]> = [];
    let heading = '';
    for (const line of doc.split('\n')) {
      const h = /^## `([a-z]+)`/.exec(line);
      if (h?.[1]) heading = h[1];
      const row = /^\| `(MW_[A-Z0-9_]+)` +\|/.exec(line);
      if (row?.[1]) rows.push([row[1], heading]);
    }
    expect(rows.map(([c]) => c).sort()).toEqual([...codes].sort());
    for (const [code, next] of rows) {
      expect({ code, next }).toEqual({ code, next: ERROR_CATALOGUE[code as ErrorCode].next });
    }
  });

  it('says, for every code, what it means and what to do', () => {
    for (const code of codes) {
      expect(code).toMatch(/^MW_(ERR_|SKIP_)?[A-Z0-9_]+[A-Z0-9]$/);
      const { meaning, action } = ERROR_CATALOGUE[code];
      expect(meaning.length, code).toBeGreaterThan(5);
      expect(action.length, code).toBeGreaterThan(3);
      expect(`${meaning}${action}`, code).not.toContain('\n');
    }
    // Every MW_SKIP_ code is a skip; so is a robots.txt disallow (its name predates the kind).
    expect(codes.filter(isSkip).sort()).toEqual(
      [...codes.filter((c) => c.startsWith('MW_SKIP_')), 'MW_ERR_ROBOTS_DISALLOWED'].sort(),
    );
  });
});

describe('MwError', () => {
  it('takes its retry policy from the catalogue unless told otherwise', () => {
    expect(new MwError('MW_ERR_HTTP_SERVER', 'HTTP 502').retry).toBe('backoff');
    expect(new MwError('MW_ERR_HTTP_RETRY_LATER', 'HTTP 429').retry).toBe('later');
    expect(new MwError('MW_ERR_NOT_XML', 'not XML').retry).toBe('never');
    expect(new MwError('MW_SKIP_NOT_HTML', 'a PDF').retry).toBe('never');
    expect(new MwError('MW_ERR_NETWORK', 'CERT_HAS_EXPIRED', { retry: 'never' }).retry).toBe(
      'never',
    );
  });

  it('reads as "CODE: message" in ledgers and logs', () => {
    expect(reasonLine('MW_SKIP_TRAP', 'URL longer than 2048 characters')).toBe(
      'MW_SKIP_TRAP: URL longer than 2048 characters',
    );
    expect(errorReason(new MwError('MW_ERR_PDF', 'printing failed'))).toBe(
      'MW_ERR_PDF: printing failed',
    );
    expect(errorReason(new Error('boom'))).toBe('MW_ERR_INTERNAL: boom');
    expect(errorCode('boom')).toBe('MW_ERR_INTERNAL');
  });
});
