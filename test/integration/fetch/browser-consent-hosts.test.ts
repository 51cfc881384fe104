// Real Chromium: off-site requests are blocked, except the consent platform's own hosts named
// by the recipe, so that a banner served by the platform appears and can be accepted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserPool } from '../../../src/fetch/browser.js';
import { serve } from '../../helpers/server.js';

let cmp: Awaited<ReturnType<typeof serve>>;
let site: Awaited<ReturnType<typeof serve>>;
const pool = new BrowserPool({
  executablePath: null,
  pages: 1,
  navigationTimeoutMs: 10_000,
  userAgent: 'mediawatch-test',
  network: { allowPrivateHosts: ['127.0.0.1', 'localhost'] },
});

beforeAll(async () => {
  // The "consent platform": a script that shows a banner whose button renders the article.
  cmp = await serve((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/javascript' });
    res.end(`const b = document.createElement('button'); b.id = 'agree'; b.textContent = 'OK';
b.onclick = () => { document.querySelector('#body').innerHTML = '<p>The article text, shown after consent.</p>'; b.remove(); };
document.body.appendChild(b);`);
  });
  site = await serve((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(
      `<html><body><div id="body"></div><script src="${cmp.url.replace('127.0.0.1', 'localhost')}/sdk.js"></script></body></html>`,
    );
  });
});
afterAll(async () => {
  await pool.close();
  await cmp.close();
  await site.close();
});

describe('BrowserPool consent hosts', () => {
  const recipe = { click: '#agree', waitFor: '#body p' };

  it('blocks the platform when the recipe does not name its host', async () => {
    const r = await pool.render(`${site.url}/a`, { consent: recipe });
    expect(r.html).not.toContain('shown after consent');
  }, 30_000);

  it('lets the named platform host through, and the banner is accepted', async () => {
    const r = await pool.render(`${site.url}/b`, { consent: { ...recipe, hosts: ['localhost'] } });
    expect(r.html).toContain('The article text, shown after consent.');
  }, 30_000);
});
