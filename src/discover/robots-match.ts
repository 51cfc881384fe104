// Path matching of robots.txt rules (RFC 9309 §2.2.2, §2.2.3): a rule matches a prefix of the
// path; `*` matches any run of characters and a final `$` anchors the end. Both sides are
// percent-normalised first, so /caf%C3%A9, /café and /caf%c3%a9 are one path. Matched without
// regular expressions: a rule such as /*a*a*a*a*a*a*b cannot make matching slow.
import { normalizePercent } from '../url/percent.js';

export interface PathPattern {
  /** Normalised pattern without the final `$`. */
  body: string;
  anchored: boolean;
  /** Specificity: the octets of the rule as normalised (RFC 9309: the longest match wins). */
  length: number;
}

export function compilePattern(value: string): PathPattern {
  const normal = normalizePercent(value);
  const anchored = normal.endsWith('$');
  return { body: anchored ? normal.slice(0, -1) : normal, anchored, length: normal.length };
}

export function normalizePath(pathAndQuery: string): string {
  return normalizePercent(pathAndQuery);
}

/**
 * Glob match with `*`, greedy with one backtrack point (O(pattern × path) at worst). A pattern
 * that is not anchored matches as soon as it is used up: it is a prefix of the path.
 */
export function matches(p: PathPattern, path: string): boolean {
  const pat = p.body;
  let i = 0;
  let j = 0;
  let star = -1;
  let mark = 0;
  while (true) {
    if (i === pat.length && (!p.anchored || j === path.length)) return true;
    if (i < pat.length && pat[i] === '*') {
      star = i++;
      mark = j;
    } else if (i < pat.length && j < path.length && pat[i] === path[j]) {
      i++;
      j++;
    } else if (star >= 0 && mark < path.length) {
      i = star + 1;
      j = ++mark;
    } else {
      return false;
    }
  }
}
