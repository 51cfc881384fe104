// Writes a config folder for a test from plain objects (YAML on disk, as users write it).
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
  writeFileSync(join(dir, 'mediawatch.yaml'), stringify(parts.settings));
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
