// Consent recipes in a real Chromium (BrowserPool.render) against a loopback server: a
// Sourcepoint-style banner inside an iframe is accepted through the recipe's `frame`; once
// consent is given, a page without a banner renders at once; a privacy-gate recipe, which
// names no button, clicks nothing. Without Chromium: fails under CI, skipped locally
// (test/helpers/chromium.ts).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { BrowserPool } from '../../../src/fetch/browser.js';
import { chromiumPath, describeWithChromium } from '../../helpers/chromium.js';
import { serve } from '../../helpers/server.js';

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

// Another article of the outlet, rendered at once when consent is given; a banner shows up
// 4.5 s after load all the same. A render that waited for the banner (up to 5 s) instead of
// taking the rendered body would find it and click it, which leaves a mark on the page.
const OTHER = `<!doctype html><html lang="en"><head><title>Other article</title></head><body>
<h1>Other article</h1><div class="article-body"></div>
<script>
function render() {
  var body = document.querySelector('.article-body');
  var p = document.createElement('p');
  p.textContent = 'Rendered after consent.';
  body.appendChild(p);
}
if (/consent=1/.test(document.cookie)) render();
setTimeout(function () {
  var f = document.createElement('iframe');
  f.id = 'sp_message_iframe_5678';
  f.src = '/sp-late';
  document.body.appendChild(f);
}, 4500);
</script></body></html>`;

const LATE_MESSAGE = `<!doctype html><html><body><p>We value your privacy.</p>
<button class="sp_choice_type_11" onclick="parent.document.body.insertAdjacentHTML('beforeend','<p class=clicked>clicked</p>')">Accept</button>
</body></html>`;

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
    const body = {
      '/article': ARTICLE,
      '/other': OTHER,
      '/sp-message': MESSAGE,
      '/sp-late': LATE_MESSAGE,
      '/gate': GATE,
    }[req.url ?? ''];
    res.writeHead(body ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
    res.end(body ?? 'not found');
  });
  pool = new BrowserPool({
    executablePath: chromiumPath,
    pages: 1,
    navigationTimeoutMs: 15_000,
    userAgent: 'mediawatch-test',
    network: { allowPrivateHosts: ['127.0.0.1', 'localhost'] },
  });
});
afterAll(async () => {
  await pool?.close();
  await server?.close();
});

describeWithChromium('consent recipes in a browser', () => {
  it('accepts a banner inside an iframe, then renders pages without a banner at once', async () => {
    const recipe = { frame: FRAME, click: ACCEPT, waitFor: '.article-body p' };
    const first = await pool.render(`${server.url}/article`, { consent: recipe });
    expect(first.status).toBe(200);
    expect(first.html).toContain('Rendered after consent.');
    expect(first.html).not.toContain('<iframe');

    // Same browser context: the consent cookie is set, no banner shows; that is no error.
    const second = await pool.render(`${server.url}/other`, { consent: recipe });
    expect(second.html).toContain('Rendered after consent.');
    // The body selector won the race: the render did not sit out the wait for a banner, so the
    // late banner was neither there nor clicked.
    expect(second.html).not.toContain('<iframe');
    expect(second.html).not.toContain('class="clicked"');
  });

  it('clicks nothing on a privacy-gate recipe without a button', async () => {
    const gate = await pool.render(`${server.url}/gate`, { consent: {} });
    expect(gate.html).toContain('id="accept"');
    expect(gate.html).not.toContain('class="clicked"');
  });
});
