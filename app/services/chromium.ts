// Makes sure Chromium is there for outlets that need the browser. As root on Debian, installs
// Debian's package; otherwise stops with the exact install command.
import { spawnSync } from 'node:child_process';
import { CHROMIUM_INSTALL_HINT, resolveChromium } from '../../src/fetch/browser.js';
import { MwError } from '../../src/errors.js';

export function ensureChromium(configured: string | null, say: (line: string) => void): string {
  try {
    return resolveChromium(configured);
  } catch (err) {
    const root = typeof process.getuid === 'function' && process.getuid() === 0;
    const apt = spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0;
    if (!root || !apt) throw err;
    say(`Chromium is missing; installing Debian's package (${CHROMIUM_INSTALL_HINT}) …`);
    const ok =
      spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit' }).status === 0 &&
      spawnSync('apt-get', ['install', '-y', '-qq', 'chromium'], {
        stdio: 'inherit',
        env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      }).status === 0;
    if (!ok)
      throw new MwError(
        'MW_ERR_NO_CHROMIUM',
        `installing Chromium failed; run: ${CHROMIUM_INSTALL_HINT}`,
      );
    return resolveChromium(configured);
  }
}
