// Writes a config folder for a test from plain objects (YAML on disk, as users write it).
// Unless the settings say otherwise, the outlets' own loopback hosts (and only those) may
// resolve to a private address (settings network.allowPrivateHosts).
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';

export function writeConfigDir(
  dir: string,
  parts: {
    settings: Record<string, unknown>;
    outlets: Array<Record<string, unknown>>;
    events?: 'repo' | Array<Record<string, unknown>>;
  },
): string {
  mkdirSync(join(dir, 'outlets'), { recursive: true });
  mkdirSync(join(dir, 'events'), { recursive: true });
  const loopback = parts.outlets
    .map((o) => new URL(String(o.baseUrl)).hostname)
    .filter((h) => h === 'localhost' || h === '[::1]' || h.startsWith('127.'));
  const settings =
    'network' in parts.settings
      ? parts.settings
      : { ...parts.settings, network: { allowPrivateHosts: [...new Set(loopback)] } };
  writeFileSync(join(dir, 'mediawatch.yaml'), stringify(settings));
  for (const o of parts.outlets)
    writeFileSync(join(dir, 'outlets', `${String(o.id)}.yaml`), stringify(o));
  if (parts.events === 'repo' || parts.events === undefined) {
    cpSync(join(import.meta.dirname, '../../config/events'), join(dir, 'events'), {
      recursive: true,
    });
  } else
    for (const e of parts.events)
      writeFileSync(join(dir, 'events', `${String(e.id)}.yaml`), stringify(e));
  return dir;
}
