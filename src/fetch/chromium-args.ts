// Chromium's command line, one set for every launch: the crawler's renderer (browser.ts), the
// PDF export (src/report/pdf.ts) and the tests that drive a real browser. Headless, no GPU, no
// sandbox (containers), no QUIC, nothing fetched in the background (updates, sync), /tmp instead
// of /dev/shm.
export const CHROMIUM_LAUNCH_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];
