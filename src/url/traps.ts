// URLs that look like crawler traps: too long, or a path segment repeated (a relative link that
// resolves one level deeper on every page: /agenda/archive/archive/archive/). Pure.

export interface TrapLimits {
  /** Longest URL followed, in characters. */
  maxUrlLength: number;
  /** A path segment seen more often than this marks a trap (/2024/01/01/ is fine at 2). */
  maxSegmentRepeats: number;
}

export type TrapKind = 'url-length' | 'repeated-segments';

export function urlTrap(url: string, limits: TrapLimits): TrapKind | null {
  if (url.length > limits.maxUrlLength) return 'url-length';
  let pathname: string;
  try {
    pathname = new URL(url).pathname;
  } catch {
    return null;
  }
  const counts = new Map<string, number>();
  for (const segment of pathname.split('/')) {
    if (segment === '') continue;
    const n = (counts.get(segment.toLowerCase()) ?? 0) + 1;
    if (n > limits.maxSegmentRepeats) return 'repeated-segments';
    counts.set(segment.toLowerCase(), n);
  }
  return null;
}
