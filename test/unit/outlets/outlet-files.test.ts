// Every shipped outlet file: valid on its own, with a discovery entry point, a polite rate, an
// article pattern that matches article URLs public material shows (and not listing pages),
// and the consent recipe the design notes call for.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadConfig } from '../../../src/config/load.js';
import { outletSchema, type OutletConfig } from '../../../src/config/schema.js';
import { CONSENT_PLATFORMS, type ConsentPlatform } from '../../../src/config/consent-platforms.js';

const dir = join(import.meta.dirname, '../../../config/outlets');
const files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f));
const outlets: OutletConfig[] = files.map((f) => {
  const result = outletSchema.safeParse(parse(readFileSync(join(dir, f), 'utf8')));
  if (!result.success) throw new Error(`${f}: ${result.error.message}`);
  return result.data;
});
const byId = new Map(outlets.map((o) => [o.id, o]));

/** The outlets issue 5 asks for, by the host public material names. */
const REQUIRED: Record<string, string> = {
  brusselstimes: 'www.brusselstimes.com',
  rtl: 'www.rtl.be',
  lalibre: 'www.lalibre.be',
  dh: 'www.dhnet.be',
  lesoir: 'www.lesoir.be',
  rtbf: 'www.rtbf.be',
  bx1: 'bx1.be',
  vrtnws: 'www.vrt.be',
  hln: 'www.hln.be',
  nieuwsblad: 'www.nieuwsblad.be',
  standaard: 'www.standaard.be',
  belganewsagency: 'www.belganewsagency.eu',
};

/** Consent platforms the design notes name (docs/outlets.md). */
const CONSENT: Record<string, ConsentPlatform> = {
  rtl: 'didomi',
  rtbf: 'didomi',
  hln: 'privacy-gate',
  nieuwsblad: 'privacy-gate',
  standaard: 'privacy-gate',
};

/** Article paths seen in public material (docs/outlets.md), and listing pages that are not. */
const ARTICLES: Record<string, string[]> = {
  brusselstimes: [
    '/belgium/2327534/brussels-extends-city-centre-public-drinking-ban-by-four-years/',
    '/360094/over-e4-5-billion-lost-due-to-traffic-jams-in-belgium-last-year',
  ],
  rtl: [
    '/actu/belgique/justice/enfant-sequestre-marcinelle-le-proces-des-parents-commence-au-tribunal/2024-07-04/article/687230',
    '/actu/belgique/565978.aspx',
  ],
  lalibre: [
    '/dernieres-depeches/2026/05/12/le-retard-dans-leolien-offshore-coutera-des-centaines-de-millions-aux-menages-TAHEAHNJEJEB3LZPNF2CKPFQ5E/',
    '/dernieres-depeches/belga/un-gardien-de-prison-blesse-par-un-detenu-a-la-prison-de-gand-5ff45fa8d8ad5844d14d402d',
  ],
  dh: [
    '/dernieres-depeches/2026/10/01/gazole-nouveau-record-du-prix-moyen-a-la-pompe-dans-lue-analyse-afp-de-donnees-officielles-DWX2HN25IRGE5BAFEKWZKVOPAI/',
    '/dernieres-depeches/belga/le-code-consulaire-modifie-pour-ne-pas-priver-d-assistance-les-bi-nationaux-5ff4a176d8ad5844d150a062',
  ],
  lesoir: ['/525628/article/2023-07-14/reforme-fiscale-voici-ce-qui-est-sur-la-table-ce-samedi'],
  rtbf: ['/article/eolien-offshore-l-extension-de-la-capacite-belge-a-pris-du-retard-11727009'],
  bx1: ['/categories/news/anderlecht-une-voiture-prend-feu-chaussee-de-ninove/'],
  vrtnws: [
    '/vrtnws/nl/2020/12/11/europese-top-in-brussel-loopt-vast-op-discussie-over-bijkomende/',
  ],
  hln: ['/binnenland/liefst-50-procent-meer-langdurig-zieken-in-de-zorgsector~a3671e65/'],
  nieuwsblad: ['/cnt/dmf20240225_94177728'],
  // Same Mediahuis platform as Nieuwsblad (one URL scheme for both titles).
  standaard: ['/cnt/dmf20240225_94177728'],
  belganewsagency: ['/revolut-passes-1-million-customers-in-belgium'],
  belga: ['/nl/nieuws/123456/vilvoorde-gemeenteraad'],
};
const LISTINGS = ['/', '/belgique', '/binnenland/', '/actu/belgique', '/vrtnws/nl/', '/feed'];

describe('shipped outlet files', () => {
  it('load together as the repository config', () => {
    const config = loadConfig(join(dir, '..'), {});
    expect(config.outlets.map((o) => o.id).sort()).toEqual(outlets.map((o) => o.id).sort());
  });

  it('name each file after its outlet id', () => {
    for (const [i, f] of files.entries()) expect(f.replace(/\.ya?ml$/, '')).toBe(outlets[i]!.id);
  });

  it.each(Object.entries(REQUIRED))('include %s at %s', (id, host) => {
    expect(new URL(byId.get(id)?.baseUrl ?? 'http://missing.invalid').host).toBe(host);
  });

  it.each(outlets.map((o) => [o.id, o] as const))(
    '%s has an entry point, a polite rate and an article pattern',
    (_id, o) => {
      const d = o.discovery;
      expect(d.sitemaps.length + d.feeds.length + d.pages.length).toBeGreaterThan(0);
      // A page is an entry point only with a pattern that tells articles from other links.
      expect(d.articlePattern).toBeDefined();
      expect(o.rateLimit.requestsPerSecond).toBeLessThanOrEqual(1);
      expect(o.languages.length).toBeGreaterThan(0);
    },
  );

  it.each(Object.entries(ARTICLES))('%s: the pattern matches article URLs only', (id, paths) => {
    const pattern = new RegExp(byId.get(id)?.discovery.articlePattern ?? '(?!)');
    for (const p of paths) expect(pattern.test(p), p).toBe(true);
    for (const p of LISTINGS) expect(pattern.test(p), p).toBe(false);
  });

  it.each(Object.entries(CONSENT))('%s has a %s consent recipe', (id, platform) => {
    const consent = byId.get(id)?.consent;
    expect(consent?.platform).toBe(platform);
    const recipe = CONSENT_PLATFORMS[platform];
    if (recipe.click !== undefined) expect(consent?.click).toBe(recipe.click);
    expect(consent?.frame).toBe(recipe.frame);
  });

  it('never clicks through a privacy gate, nor sends gated outlets to the browser', () => {
    const gated = outlets.filter((o) => o.consent?.platform === 'privacy-gate');
    expect(gated.map((o) => o.id).sort()).toEqual(['hln', 'nieuwsblad', 'standaard']);
    for (const o of gated) {
      expect(o.consent?.click).toBeUndefined();
      expect(o.fetch).toBe('http');
    }
  });

  it('gives every recipe a platform with its selectors', () => {
    for (const o of outlets) {
      if (!o.consent || o.consent.platform === 'other') continue;
      const recipe = CONSENT_PLATFORMS[o.consent.platform];
      if (recipe.click) expect(o.consent.click, o.id).toBe(recipe.click);
      if (recipe.frame) expect(o.consent.frame, o.id).toBe(recipe.frame);
    }
  });
});
