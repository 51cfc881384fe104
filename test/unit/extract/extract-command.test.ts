import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { extractCommand, parseLanguages, runExtract } from '../../../app/cli/commands/extract.js';
import { fixtureBytes } from './fixture.js';

const dir = mkdtempSync(join(tmpdir(), 'mw-extract-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(paths: string[], opts = {}, stdin: Uint8Array = new Uint8Array()) {
  const lines: string[] = [];
  const ok = await runExtract(paths, opts, {
    write: (l) => lines.push(l),
    readStdin: () => Promise.resolve(stdin),
  });
  return { ok, rows: lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

describe('mediawatch extract', () => {
  const good = join(dir, 'page.html');
  writeFileSync(good, fixtureBytes('date-dutch.html'));

  it('prints one JSON line per input in order, and an error line for an unreadable file', async () => {
    const missing = join(dir, 'missing.html');
    const { ok, rows } = await run([good, missing, good]);
    expect(ok).toBe(false);
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatchObject({
      path: good,
      url: pathToFileURL(good).href,
      title: 'Mechelen krijgt nieuwe fietsstraat langs de Dijle',
      language: 'nl',
      access: 'free',
    });
    expect(rows[1]).toEqual({
      path: missing,
      error: expect.stringMatching(/^MW_ERR_READ_FAILED: /),
    });
    expect(rows[2]?.['title']).toBe(rows[0]?.['title']);
  });

  it('reads stdin for "-" and uses --url and --languages', async () => {
    const { ok, rows } = await run(
      ['-'],
      { url: 'https://krant.test/a', languages: ['fr', 'nl'] },
      fixtureBytes('windows-1252.html.bytes'),
    );
    expect(ok).toBe(true);
    expect(rows[0]).toMatchObject({ path: '-', url: 'https://krant.test/a', language: 'fr' });
    expect(String(rows[0]?.['body'])).toContain('l’église');
  });

  it('decompresses a gzip file, and names a broken one without stopping the run', async () => {
    const gz = join(dir, 'page.html.gz');
    writeFileSync(gz, gzipSync(fixtureBytes('date-dutch.html')));
    const broken = join(dir, 'broken.html.gz');
    writeFileSync(broken, gzipSync(fixtureBytes('date-dutch.html')).subarray(0, 40));
    const { ok, rows } = await run([gz, broken, good]);
    expect(ok).toBe(false);
    expect(rows[0]?.['title']).toBe('Mechelen krijgt nieuwe fietsstraat langs de Dijle');
    expect(rows[1]).toEqual({ path: broken, error: expect.stringMatching(/^MW_ERR_BAD_GZIP: /) });
    expect(rows[2]?.['title']).toBe(rows[0]?.['title']);
  });

  it('validates --languages and documents itself', () => {
    expect(parseLanguages('fr, nl,fr')).toEqual(['fr', 'nl']);
    expect(() => parseLanguages('fr,xx')).toThrow(/xx/);
    const help = extractCommand().helpInformation();
    expect(help).toMatch(/--url <url>/);
    expect(help).toMatch(/--languages <list>/);
    expect(help).toMatch(/--json/);
  });
});
