// `mediawatch extract [--url URL] [--json] [--languages fr,nl] PATH...`: runs the article
// extractor (the crawler's code path: decodeHtmlBytes, parseHtml, extractArticle) on saved
// HTML files or stdin and prints one JSON object per input, one per line, in input order. A
// file that cannot be read prints {"path", "error"} and the run goes on; exit 1 if any failed.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Command, InvalidArgumentError } from 'commander';
import { MwError, errorReason } from '../../../src/errors.js';
import { gunzipLimited, isGzip } from '../../../src/bytes/gzip.js';
import type { Lang } from '../../../src/extract/types.js';

const LANGS: readonly Lang[] = ['fr', 'nl', 'en', 'de'];
const STDIN = '-';
/** A saved page that is gzip-compressed (page.html.gz) is decompressed up to this size. */
const MAX_GUNZIPPED = 64 * 1024 * 1024;

export interface ExtractRunOptions {
  url?: string;
  languages?: Lang[];
}

export interface ExtractIo {
  write: (line: string) => void;
  readStdin: () => Promise<Uint8Array>;
}

/** Parses "fr,nl" for --languages; rejects languages mediawatch does not read. */
export function parseLanguages(value: string): Lang[] {
  const out: Lang[] = [];
  for (const part of value.split(',')) {
    const code = part.trim().toLowerCase();
    if (code === '') continue;
    const lang = LANGS.find((l) => l === code);
    if (lang === undefined) {
      throw new InvalidArgumentError(`"${code}" is not one of ${LANGS.join(', ')}`);
    }
    if (!out.includes(lang)) out.push(lang);
  }
  return out;
}

/** Extracts every input in order; returns true when all could be read. */
export async function runExtract(
  paths: readonly string[],
  opts: ExtractRunOptions,
  io: ExtractIo,
): Promise<boolean> {
  const { parseHtml } = await import('../../../src/html/parse.js');
  const { decodeHtmlBytes, extractArticle } = await import('../../../src/extract/index.js');
  let ok = true;
  for (const p of paths) {
    try {
      const raw = await readInput(p, io);
      const bytes = isGzip(raw) ? gunzipLimited(raw, p, MAX_GUNZIPPED) : raw;
      const { html } = decodeHtmlBytes(bytes, null);
      const url = opts.url ?? defaultUrl(p);
      const languages = opts.languages;
      const article = extractArticle(parseHtml(html), url, languages ? { languages } : {});
      io.write(`${JSON.stringify({ path: p, ...article })}\n`);
    } catch (err) {
      ok = false;
      io.write(`${JSON.stringify({ path: p, error: errorReason(err) })}\n`);
    }
  }
  return ok;
}

async function readInput(p: string, io: ExtractIo): Promise<Uint8Array> {
  try {
    return p === STDIN ? await io.readStdin() : await readFile(p);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new MwError('MW_ERR_READ_FAILED', `cannot read ${p === STDIN ? 'stdin' : p}: ${reason}`, {
      cause: err,
    });
  }
}

function defaultUrl(p: string): string {
  return p === STDIN ? 'file:///dev/stdin' : pathToFileURL(path.resolve(p)).href;
}

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) {
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  }
  return Buffer.concat(chunks);
}

export function extractCommand(): Command {
  return new Command('extract')
    .description('extract the article from saved HTML pages: one JSON line per input')
    .argument('<paths...>', 'HTML files to read; "-" reads stdin')
    .option('--url <url>', 'URL the page was fetched from (default: file:// + absolute path)')
    .option('--json', 'JSON lines output (the only format; accepted so scripts can say so)')
    .option(
      '--languages <list>',
      "the outlet's languages, comma-separated (fr,nl,en,de): detection chooses among them",
      parseLanguages,
    )
    .addHelpText(
      'after',
      '\nEach line holds "path" and the ExtractedArticle fields: url, canonicalUrl, title,\n' +
        'lead, body ("\\n\\n" between paragraphs, null when the page holds no article),\n' +
        'published, modified (ISO 8601 with offset), authors, section, language, image,\n' +
        'siteName, access (free | paywalled | gated) and wireCredit.\n' +
        'Gzip files (page.html.gz) are decompressed. Bytes are decoded by BOM, then\n' +
        '<meta charset>, else UTF-8 (windows-1252 when invalid).\n' +
        'An input that cannot be read prints {"path", "error": "MW_ERR_READ_FAILED: …"}; the\n' +
        'others are still extracted, and the exit code is 1.\n' +
        '\nExamples:\n' +
        '  mediawatch extract page.html\n' +
        '  mediawatch extract --languages fr,nl saved/*.html saved/*.html.gz\n' +
        '  curl -s https://example.org/a | mediawatch extract --url https://example.org/a -\n' +
        '\nHow extraction works and how it is measured: docs/extraction.md',
    )
    .action(async (paths: string[], opts: { url?: string; languages?: Lang[] }) => {
      const run: ExtractRunOptions = {};
      if (opts.url !== undefined) run.url = opts.url;
      if (opts.languages !== undefined && opts.languages.length > 0) run.languages = opts.languages;
      const ok = await runExtract(paths, run, {
        write: (line) => {
          process.stdout.write(line);
        },
        readStdin,
      });
      if (!ok) process.exitCode = 1;
    });
}
