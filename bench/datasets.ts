// The data sets the benchmark reads (never copied into the repository): MW_DATASETS, else
// ../shared/datasets next to the repository, as scripts/eval-extract.ts reads them. A missing
// data set stops the benchmark with MW_ERR_DATASET_MISSING.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { packageRoot } from '../src/config/paths.js';
import { MwError } from '../src/errors.js';
import type { RealPage } from '../src/sim/index.js';

export function datasetsDir(): string {
  return process.env['MW_DATASETS'] ?? resolve(packageRoot(), '../shared/datasets');
}

/** The Readability test pages (Apache License 2.0, see the data set's LICENSE.md): every
 * `<name>/source.html`, in name order. */
export function readabilityPages(): RealPage[] {
  const dir = join(datasetsDir(), 'readability-test-pages');
  if (!existsSync(dir))
    throw new MwError(
      'MW_ERR_DATASET_MISSING',
      `${dir} not found: set MW_DATASETS, or use --pages-from generated`,
    );
  const pages = readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, 'source.html')))
    .map((d) => d.name)
    .sort()
    .map((name) => ({ name, html: readFileSync(join(dir, name, 'source.html')) }));
  if (pages.length === 0)
    throw new MwError('MW_ERR_DATASET_MISSING', `${dir} holds no <name>/source.html`);
  return pages;
}
