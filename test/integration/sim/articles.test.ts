// Article pages and the content the integration tests rely on: the coverage matches the
// Vilvoorde event query, the hard negatives do not, RTL needs its script to show a body.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { startSimulator, type SimArticle, type Simulator } from '../../../src/sim/index.js';
import {
  ANCHOR,
  bodyParagraphs,
  fold,
  get,
  groups,
  jsonLdArticle,
  matchesEvent,
  titleOf,
} from './helpers.js';

let sim: Simulator;
const pages = new Map<string, string>();
const statuses = new Map<string, number>();
const texts = new Map<string, string>();
const articles = (): SimArticle[] => sim.manifest;
const ofKind = (kind: SimArticle['kind']): SimArticle[] =>
  articles().filter((a) => a.kind === kind);

/** Title, lead and body as a reader sees them (RTL: from the API its page script calls). */
async function readerText(a: SimArticle, html: string): Promise<string> {
  const lead = /<meta name="description" content="([^"]*)"/.exec(html)?.[1] ?? '';
  let body = bodyParagraphs(html);
  if (a.outlet === 'rtl') {
    const id = /data-article-id="(\d+)"/.exec(html)?.[1] ?? 'none';
    const api = (await (await fetch(`${sim.origins.rtl}/api/article/${id}.json`)).json()) as {
      paragraphs: string[];
    };
    body = api.paragraphs;
  }
  return [a.title, lead, ...body].join('\n');
}

beforeAll(async () => {
  sim = await startSimulator();
  for (const a of articles()) {
    const r = await get(a.url);
    pages.set(a.url, r.text);
    statuses.set(a.url, r.status);
    texts.set(a.url, await readerText(a, r.text));
  }
});
afterAll(async () => {
  await sim.close();
});

describe('manifest', () => {
  it('lists the coverage: one Belga dispatch in three languages, its pickups and La Libre’s own piece', () => {
    const coverage = ofKind('coverage')
      .map((a) => `${a.outlet}:${a.lang}:${a.dispatchId ?? '-'}`)
      .sort();
    expect(coverage).toEqual([
      'belga:en:belga-vilvoorde',
      'belga:fr:belga-vilvoorde',
      'belga:nl:belga-vilvoorde',
      'brusselstimes:en:belga-vilvoorde',
      'lalibre:fr:-',
      'lalibre:fr:belga-vilvoorde',
      'rtl:fr:belga-vilvoorde',
    ]);
    const depeche = ofKind('coverage').find((a) => a.outlet === 'lalibre' && a.dispatchId);
    expect(new URL(depeche?.url ?? 'http://x/').pathname).toMatch(/^\/dernieres-depeches\//);
  });

  it('lists five hard negatives and two or three unrelated stories per outlet', () => {
    expect(
      ofKind('negative')
        .map((a) => `${a.outlet}:${a.lang}:${a.published.slice(0, 10)}`)
        .sort(),
    ).toEqual([
      'belga:nl:2024-01-05',
      'brusselstimes:en:2013-06-20',
      'brusselstimes:en:2024-01-08',
      'lalibre:fr:2024-01-09',
      'rtl:fr:2024-01-10',
    ]);
    for (const outlet of ['brusselstimes', 'rtl', 'lalibre', 'belga']) {
      const n = ofKind('unrelated').filter((a) => a.outlet === outlet).length;
      expect(n).toBeGreaterThanOrEqual(2);
      expect(n).toBeLessThanOrEqual(3);
    }
    // Everything of 2024 lies inside the event window (2024-01-03..12), so a crawl stores it all.
    for (const a of articles().filter((x) => !x.published.startsWith('2013'))) {
      expect(a.published, a.url).toMatch(/^2024-01-(0[3-9]|1[0-2])T/);
    }
  });

  it('dates coverage on the afternoon of 5 January 2024 with an offset', () => {
    for (const a of ofKind('coverage')) {
      expect(a.published).toMatch(/^2024-01-0[56]T\d\d:\d\d:\d\d\+01:00$/);
      if (a.published.startsWith('2024-01-05'))
        expect(Number(a.published.slice(11, 13))).toBeGreaterThanOrEqual(12);
    }
  });

  it('gives every article a unique URL matching its outlet’s article pattern in config/outlets', () => {
    expect(new Set(articles().map((a) => a.url)).size).toBe(articles().length);
    for (const a of articles()) {
      const config = parse(
        readFileSync(new URL(`../../../config/outlets/${a.outlet}.yaml`, import.meta.url), 'utf8'),
      ) as {
        discovery: { articlePattern: string };
      };
      expect(new URL(a.url).pathname).toMatch(new RegExp(config.discovery.articlePattern));
      expect(a.note.length).toBeGreaterThan(10);
    }
  });
});

describe('article pages', () => {
  it('answer 200 with the title in <title> followed by the site name', () => {
    for (const a of articles()) {
      const html = pages.get(a.url) ?? '';
      expect(statuses.get(a.url), a.url).toBe(200);
      expect(titleOf(html).startsWith(a.title), a.url).toBe(true);
      expect(titleOf(html).length).toBeGreaterThan(a.title.length + 5);
    }
  });

  it('carry the markup of real news pages', () => {
    for (const a of articles()) {
      const html = pages.get(a.url) ?? '';
      expect(html).toContain(`<html lang="${a.lang}">`);
      expect(html).toContain(`<link rel="canonical" href="${a.url}">`);
      expect(html).toContain(`<meta property="og:url" content="${a.url}">`);
      expect(html).toContain(`<meta property="article:published_time" content="${a.published}">`);
      for (const tag of ['og:title', 'og:type', 'og:image'])
        expect(html).toContain(`property="${tag}"`);
      expect(html).toMatch(/<meta name="description" content="[^"]{20,}">/);
      for (const cls of [
        'breadcrumbs',
        'share-bar',
        'newsletter-prompt',
        'main-nav',
        'site-footer',
      ]) {
        expect(html, `${cls} in ${a.url}`).toContain(`class="${cls}"`);
      }
      expect(html).toMatch(/cookie/i);
      expect(html).toMatch(/<span class="credit">© BELGA PHOTO [A-Z ]+<\/span>/);
      const ld = jsonLdArticle(html);
      expect(ld?.headline).toBe(a.title);
      expect(ld?.datePublished).toBe(a.published);
      expect(ld?.author).toEqual(
        expect.arrayContaining([expect.objectContaining({ '@type': 'Person' })]),
      );
      expect(ld?.publisher).toMatchObject({ '@type': 'Organization' });
      if (a.outlet === 'rtl') expect(ld).not.toHaveProperty('articleBody');
      else expect(String(ld?.articleBody)).toContain(bodyParagraphs(html)[1] ?? 'missing');
    }
  });

  it('link related stories in a read-more block', () => {
    const labels: Record<string, string> = { fr: 'Lire aussi', nl: 'Lees ook', en: 'Read more' };
    for (const a of articles())
      expect(pages.get(a.url), a.url).toContain(`<h2>${labels[a.lang]}</h2>`);
  });

  it('keep wire credits on Belga copy', () => {
    const body = (outlet: string, lang: string): string[] =>
      bodyParagraphs(
        pages.get(
          ofKind('coverage').find((a) => a.outlet === outlet && a.lang === lang)?.url ?? '',
        ) ?? '',
      );
    expect(body('belga', 'fr')[0]).toMatch(/^BRUXELLES \(BELGA\) - /);
    expect(body('belga', 'nl')[0]).toMatch(/^BRUSSEL \(BELGA\) - /);
    expect(body('belga', 'en').at(-1)).toMatch(/\(Belga\)$/);
    const depeche =
      ofKind('coverage').find((a) => a.outlet === 'lalibre' && a.dispatchId)?.url ?? '';
    expect(bodyParagraphs(pages.get(depeche) ?? '').at(-1)).toMatch(/\(Belga\)$/);
  });
});

describe('RTL rendering', () => {
  it('ships no body text in the HTML, only in the API the page script calls after consent', async () => {
    for (const a of articles().filter((x) => x.outlet === 'rtl')) {
      const html = pages.get(a.url) ?? '';
      expect(html).toMatch(/<div class="article-body" data-article-id="\d+"><\/div>/);
      expect(html).toContain(
        '<button id="didomi-notice-agree-button" type="button">Accepter &amp; Fermer</button>',
      );
      expect(html).toContain('didomi_token');
      const id = /data-article-id="(\d+)"/.exec(html)?.[1] ?? '';
      const api = await fetch(`${sim.origins.rtl}/api/article/${id}.json`);
      expect(api.headers.get('content-type')).toMatch(/^application\/json/);
      const data = (await api.json()) as { paragraphs: string[] };
      expect(data.paragraphs.length).toBeGreaterThan(2);
      for (const p of data.paragraphs.filter((x) => x.length > 40))
        expect(html).not.toContain(p.slice(0, 60));
    }
  });
});

describe('event content', () => {
  it('makes every coverage article match the event query, with 160 or 165 as digits', () => {
    for (const a of ofKind('coverage')) {
      const text = texts.get(a.url) ?? '';
      expect(groups(text), a.url).toEqual({ resistance: true, mayors: true, anchor: true });
      expect(text).toMatch(/\b16[05]\b/);
    }
  });

  it('keeps hard negatives and unrelated stories from matching the event query', () => {
    for (const a of [...ofKind('negative'), ...ofKind('unrelated')]) {
      expect(matchesEvent(texts.get(a.url) ?? ''), a.url).toBe(false);
      expect(matchesEvent(pages.get(a.url) ?? ''), `${a.url} (whole page)`).toBe(false);
    }
  });

  it('shares names with the event in each hard negative but no anchor except in the Vilvoorde council story', () => {
    for (const a of ofKind('negative')) {
      const g = groups(texts.get(a.url) ?? '');
      const page = fold(pages.get(a.url) ?? '');
      if (a.outlet === 'belga') {
        expect(g).toEqual({ resistance: false, mayors: true, anchor: true });
        expect(page).toContain('hans bonte');
      } else {
        expect(g.resistance, a.url).toBe(true);
        expect(ANCHOR.test(page), a.url).toBe(false);
      }
    }
    const rtlNegative = ofKind('negative').find((a) => a.outlet === 'rtl')?.url ?? '';
    expect(groups(texts.get(rtlNegative) ?? '').mayors).toBe(false);
    const old = ofKind('negative').find((a) => a.published.startsWith('2013'))?.url ?? '';
    expect(texts.get(old)).toMatch(/\b260\b/);
  });
});
