// Where the browser suites find Chromium, and what they do without it. Under CI
// (process.env.CI set, as .ci/run does) a missing Chromium fails the suite with the install
// command: a browser suite that skips there would pass without testing anything. Locally the
// suite is skipped, with the reason in its name and on stderr.
import { existsSync } from 'node:fs';
import { describe } from 'vitest';

/** CHROMIUM_PATH, else Debian's /usr/bin/chromium. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = existsSync(chromiumPath);

const underCi = (process.env.CI ?? '') !== '' && !/^(false|0)$/i.test(process.env.CI ?? '');
const missing = `Chromium not found at ${chromiumPath}: install it with apt-get install -y chromium (or set CHROMIUM_PATH)`;

/**
 * `describe` for a suite that needs Chromium: runs when it is installed; under CI without it,
 * fails the test file with `missing`; locally without it, skips the suite visibly.
 */
export function describeWithChromium(name: string, suite: () => void): void {
  if (hasChromium) {
    describe(name, suite);
    return;
  }
  if (underCi) throw new Error(`${name}: ${missing}`);
  process.stderr.write(`skipping "${name}": ${missing}\n`);
  describe.skip(`${name} (skipped: ${missing})`, suite);
}
