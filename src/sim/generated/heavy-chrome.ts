// The heavy parts of a generated page, built once per language: inline critical CSS, an SVG
// icon sprite, a mega menu, a mega footer and tag-manager scripts, as big outlet pages carry.
import { createRng, type Rng } from '../prng.js';
import { siteFooter, siteHeader, type Chrome } from '../site/chrome.js';
import { inlineJson, slugify } from '../text.js';
import type { SimLang } from '../types.js';
import { LEXICON } from './words.js';

export const BENCH_CHROME: Chrome = {
  outlet: 'bench',
  siteName: 'Benchmark Courier',
  titleSuffix: ' | Benchmark Courier',
  publisherLogo: '/images/bench-logo.svg',
  twitterSite: '@benchcourier',
  nav: ['Local', 'Economy', 'Mobility', 'Culture', 'Education', 'Environment'].map((l) => ({
    href: `/section/${slugify(l)}`,
    label: l,
  })),
  topLinks: [{ href: '/subscribe', label: 'Subscribe' }],
  footer: [{ title: 'Benchmark Courier', links: [{ href: '/about', label: 'About' }] }],
  copyright: '© 2024 Benchmark Courier',
  consent: 'notice',
  thirdPartyScripts: [
    'https://cdn.mediatag.example/gtm.js?id=GTM-BENCH',
    'https://ads.adserver.example/prebid.js',
  ],
  articleBodyInJsonLd: true,
  clientRenderedBody: false,
  leadInHeader: true,
  inlineReadAlso: false,
};

export interface HeavyChrome {
  head: string;
  header: string;
  footer: string;
  /** Pool of ASCII JSON teaser objects used to fill the page state blob. */
  statePool: string[];
}

function svgSprite(rng: Rng): string {
  const symbols: string[] = [];
  for (let i = 0; i < 40; i++) {
    let d = `M${rng.int(0, 24)} ${rng.int(0, 24)}`;
    for (let k = 0; k < 30; k++)
      d += ` L${(rng.next() * 24).toFixed(2)} ${(rng.next() * 24).toFixed(2)}`;
    symbols.push(`<symbol id="icon-${i}" viewBox="0 0 24 24"><path d="${d}Z"/></symbol>`);
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" style="display:none">${symbols.join('')}</svg>`;
}

function criticalCss(rng: Rng): string {
  const rules: string[] = [];
  for (let i = 0; i < 260; i++) {
    rules.push(
      `.c-${i.toString(36)}-${rng.int(100, 999)}{margin:${rng.int(0, 24)}px ${rng.int(0, 24)}px;padding:${rng.int(0, 16)}px;color:#${rng.int(0x100000, 0xffffff).toString(16)};font-size:${(0.7 + rng.next()).toFixed(3)}rem}`,
    );
  }
  return `<style id="critical-css">${rules.join('')}</style>`;
}

function megaMenu(lang: SimLang, rng: Rng): string {
  const lex = LEXICON[lang];
  const panels = lex.sections.map((section) => {
    const subs = lex.places.map(
      (p) => `<li><a href="/section/${slugify(section)}/${slugify(p)}">${section} ${p}</a></li>`,
    );
    const promos = [0, 1, 2].map(
      () =>
        `<a class="promo" href="/section/${slugify(section)}"><svg class="icon"><use href="#icon-${rng.int(0, 39)}"/></svg><span>${rng.pick(lex.objects)}</span></a>`,
    );
    return `<li class="mega-item"><a href="/section/${slugify(section)}">${section}</a><div class="mega-panel"><ul>${subs.join('')}</ul><div class="mega-promos">${promos.join('')}</div></div></li>`;
  });
  return `<nav class="mega-menu" aria-label="Sections"><ul>${panels.join('')}</ul></nav>`;
}

function megaFooter(lang: SimLang): string {
  const lex = LEXICON[lang];
  const cols = lex.sections.map((section) => {
    const links = lex.places.flatMap((p) =>
      lex.sections
        .slice(0, 2)
        .map(
          (s2) =>
            `<li><a href="/section/${slugify(section)}/${slugify(p)}?f=${slugify(s2)}">${p} · ${s2}</a></li>`,
        ),
    );
    return `<div class="footer-col"><h3>${section}</h3><ul>${links.join('')}</ul></div>`;
  });
  return `<div class="mega-footer">${cols.join('')}</div>`;
}

function tagScripts(rng: Rng): string {
  const config: Record<string, unknown> = {};
  for (let i = 0; i < 120; i++)
    config[`slot_${i}`] = {
      sizes: [
        [300, 250],
        [728, 90],
      ],
      floor: rng.int(1, 99) / 100,
      zone: `z${rng.int(1000, 9999)}`,
    };
  return `<script>window.__ADS_CONFIG__=${JSON.stringify(config)};</script>
<script>(function(w,d,s,l,i){w[l]=w[l]||[];w[l].push({'gtm.start':0,event:'gtm.js'});var f=d.getElementsByTagName(s)[0],j=d.createElement(s);j.async=true;j.src='https://cdn.mediatag.example/gtm.js?id='+i;f.parentNode.insertBefore(j,f);})(window,document,'script','dataLayer','GTM-BENCH');</script>
<script src="https://cdn.mediatag.example/consent.js" defer></script>
<script src="/static/site.js" defer></script>`;
}

function statePool(rng: Rng): string[] {
  const lex = LEXICON.en;
  const pool: string[] = [];
  for (let i = 0; i < 400; i++) {
    const title = `${rng.pick(lex.places)} ${rng.pick(lex.objects)}`.replace(/[^\x20-\x7e]/g, '');
    pool.push(
      inlineJson({
        id: `t${i}-${rng.int(100000, 999999)}`,
        type: 'story',
        headline: title,
        url: `/news/teaser/${slugify(title)}`,
        image: {
          src: `/images/teasers/${i}.jpg`,
          width: 400,
          height: 266,
          focal: [rng.int(0, 400), rng.int(0, 266)],
        },
        section: rng.pick(lex.sections),
        premium: rng.chance(0.2),
      }),
    );
  }
  return pool;
}

const cache = new Map<SimLang, HeavyChrome>();

export function heavyChrome(lang: SimLang): HeavyChrome {
  const hit = cache.get(lang);
  if (hit) return hit;
  const rng = createRng(0xc0ffee + lang.charCodeAt(0));
  const chrome: HeavyChrome = {
    head: `${criticalCss(rng)}\n${tagScripts(rng)}`,
    header: `${svgSprite(rng)}\n${siteHeader(BENCH_CHROME, lang, '')}\n${megaMenu(lang, rng)}`,
    footer: `${megaFooter(lang)}\n${siteFooter(BENCH_CHROME)}`,
    statePool: statePool(rng),
  };
  cache.set(lang, chrome);
  return chrome;
}
