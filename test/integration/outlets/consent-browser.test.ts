// Consent recipes in a real Chromium (BrowserPool.render) against a loopback server: a
// Sourcepoint-style banner inside an iframe is accepted through the recipe's `frame`; once
// consent is given, a page without a banner renders at once; a privacy-gate recipe, which
// names no button, clicks nothing. Skipped when no Chromium is installed.
import { existsSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserPool } from '../../../src/fetch/browser.js';
import { serve } from '../../helpers/server.js';

const executable = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const hasChromium = existsSync(executable);

const FRAME = 'iframe[id^="sp_message_iframe"]';
const ACCEPT = 'button.sp_choice_type_11';

// The article page: a body filled in by script once consent is given, either by the button in
// the message iframe (which sets a cookie and calls the parent) or by the cookie already set.
const ARTICLE = `<!doctype html><html lang="en"><head><title>Test article</title></head><body>
<h1>Test article</h1><div class="article-body"></div>
<script>
function render() {
  var body = document.querySelector('.article-body');
  if (body.children.length) return;
  var p = document.createElement('p');
  p.textContent = 'Rendered after consent.';
  body.appendChild(p);
  var f = document.querySelector('iframe'); if (f) f.remove();
}
window.sourcepointAccepted = render;
if (/consent=1/.test(document.cookie)) render();
else {
  var f = document.createElement('iframe');
  f.id = 'sp_message_iframe_1234';
  f.src = '/sp-message';
  document.body.appendChild(f);
}
</script></body></html>`;

const MESSAGE = `<!doctype html><html><body><p>We value your privacy.</p>
<button class="sp_choice_type_11" onclick="document.cookie='consent=1; path=/'; parent.sourcepointAccepted();">Accept</button>
</body></html>`;

// A page whose accept button, when clicked, leaves a mark: a gate must not be clicked.
const GATE = `<!doctype html><html><head><title>Privacy gate</title></head><body>
<div id="gate"><button id="accept" onclick="document.body.insertAdjacentHTML('beforeend','<p class=clicked>clicked</p>')">Accept</button></div>
</body></html>`;

let server: { url: string; close(): Promise<void> };
let pool: BrowserPool;

beforeAll(async () => {
  server = await serve((req: IncomingMessage, res: ServerResponse) => {
    const body = { '/article': ARTICLE, '/other': ARTICLE, '/sp-message': MESSAGE, '/gate': GATE }[
      req.url ?? ''
    ];
    res.writeHead(body ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
    res.end(body ?? 'not found');
  });
  pool = new BrowserPool({
    executablePath: executable,
    pages: 1,
    navigationTimeoutMs: 15_000,
    userAgent: 'mediawatch-test',
  });
});
afterAll(async () => {
  await pool?.close();
  await server?.close();
});

describe.skipIf(!hasChromium)('consent recipes in a browser', () => {
  it('accepts a banner inside an iframe, then renders pages without a banner at once', async () => {
    const recipe = { frame: FRAME, click: ACCEPT, waitFor: '.article-body p' };
    const first = await pool.render(`${server.url}/article`, { consent: recipe });
    expect(first.status).toBe(200);
    expect(first.html).toContain('Rendered after consent.');
    expect(first.html).not.toContain('<iframe');

    // Same browser context: the consent cookie is set, no banner shows; that is no error.
    const started = Date.now();
    const second = await pool.render(`${server.url}/other`, { consent: recipe });
    expect(second.html).toContain('Rendered after consent.');
    // The body selector won the race; the 5 s wait for a banner was not sat out.
    expect(Date.now() - started).toBeLessThan(4_000);
  });

  it('clicks nothing on a privacy-gate recipe without a button', async () => {
    const gate = await pool.render(`${server.url}/gate`, { consent: {} });
    expect(gate.html).toContain('id="accept"');
    expect(gate.html).not.toContain('class="clicked"');
  });
});
