// Writes a config folder that points the configured outlets at the simulator: same outlet
// files, with baseUrl set to the simulator's origin for that outlet and a faster rate limit
// (it is our own server on loopback). Outlets the simulator does not model are left out. The
// simulator's loopback hosts, and only those, may resolve to a private address
// (settings network.allowPrivateHosts).
import {
  cpSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
  existsSync,
} from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';

export interface DemoConfigOptions {
  databaseUrl: string;
  redisPrefix: string;
  requestsPerSecond?: number;
}

export function writeSimConfig(
  fromDir: string,
  toDir: string,
  origins: Record<string, string>,
  opts: DemoConfigOptions,
): void {
  rmSync(toDir, { recursive: true, force: true });
  mkdirSync(join(toDir, 'outlets'), { recursive: true });
  for (const sub of ['events', 'aliases']) {
    if (existsSync(join(fromDir, sub)))
      cpSync(join(fromDir, sub), join(toDir, sub), { recursive: true });
  }
  const settingsFile = join(fromDir, 'mediawatch.yaml');
  const settings = (
    existsSync(settingsFile) ? parse(readFileSync(settingsFile, 'utf8')) : {}
  ) as Record<string, Record<string, unknown>>;
  settings.database = { ...settings.database, url: opts.databaseUrl };
  settings.redis = { ...settings.redis, prefix: opts.redisPrefix };
  settings.network = {
    ...settings.network,
    allowPrivateHosts: [...new Set(Object.values(origins).map((o) => new URL(o).hostname))],
  };
  writeFileSync(join(toDir, 'mediawatch.yaml'), stringify(settings));
  for (const file of readdirSync(join(fromDir, 'outlets'))) {
    if (!/\.ya?ml$/.test(file)) continue;
    const outlet = parse(readFileSync(join(fromDir, 'outlets', file), 'utf8')) as Record<
      string,
      unknown
    >;
    const origin = origins[String(outlet.id)];
    if (!origin) continue;
    outlet.baseUrl = origin;
    outlet.rateLimit = { requestsPerSecond: opts.requestsPerSecond ?? 20 };
    writeFileSync(join(toDir, 'outlets', file), stringify(outlet));
  }
}
