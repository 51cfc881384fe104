// Where the config folder is: --config DIR, else MEDIAWATCH_CONFIG, else ./config of the
// installed package (so `npx mediawatch` works from any directory).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join, resolve } from 'node:path';

/** The package root: the nearest folder above this module holding package.json. */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) return process.cwd();
    dir = up;
  }
  return dir;
}

export function configDir(
  flag: string | undefined,
  env: Record<string, string | undefined> = process.env,
): string {
  if (flag) return resolve(flag);
  if (env.MEDIAWATCH_CONFIG) return resolve(env.MEDIAWATCH_CONFIG);
  return join(packageRoot(), 'config');
}
