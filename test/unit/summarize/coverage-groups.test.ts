import { describe, expect, it } from 'vitest';
import { restrictSummary, summarizeCoverage } from '../../../src/summarize/coverage.js';
import type { Article, Mention } from '../../../src/summarize/types.js';
import type { CoverageItem } from '../../../src/summarize/story-groups.js';
import {
  ALL,
  belgaFr,
  belgaNl,
  brusselsTimesEn,
  lalibrePickup,
  rtlPickup,
} from './story-fixtures.js';

function mention(x: CoverageItem): Mention {
  const article: Article = {
    id: x.id,
    url: x.url,
    outletId: x.outletId,
    fetchedUrl: x.url,
    fetchMode: 'http',
    title: x.title,
    lead: null,
    body: x.body,
    published: x.published,
    modified: null,
    authors: [],
    section: null,
    language: x.language === 'fr' || x.language === 'nl' || x.language === 'en' ? x.language : null,
    image: null,
    siteName: null,
    access: 'free',
    wireCredit: x.wireCredit,
    fetchedAt: 'x',
  };
  return {
    eventId: 'charter',
    articleId: x.id,
    score: 1,
    hits: [],
    sentences: [],
    summary: '',
    matchedAt: 'x',
    article,
  };
}

describe('summarizeCoverage with groups, quotes and entities', () => {
  const mentions = ALL.map(mention);

  it('keeps the counts and adds the story groups', () => {
    const s = summarizeCoverage('charter', mentions);
    expect(s.total).toBe(ALL.length);
    expect(s.byLanguage).toEqual({ fr: 4, nl: 3, en: 1 });
    expect(s.firstToReport?.outletId).toBe('belga');
    expect(s.groups?.map((g) => g.originalId)).toEqual([101, 108, 107, 106]);
    expect(s.groups?.[0]?.members.map((m) => [m.id, m.relation])).toEqual([
      [belgaFr.id, 'original'],
      [lalibrePickup.id, 'pickup'],
      [rtlPickup.id, 'pickup'],
      [belgaNl.id, 'translation'],
      [brusselsTimesEn.id, 'pickup'],
    ]);
  });

  it('lists each quotation once with the articles that carry it, most carried first', () => {
    const quotes = summarizeCoverage('charter', mentions).quotes ?? [];
    expect(quotes[0]).toEqual({
      text: 'Une commune sans bibliothèque ouverte le soir laisse tomber ses habitants les plus isolés',
      speaker: 'Nasrine Karimi',
      language: 'fr',
      articleIds: [belgaFr.id, lalibrePickup.id, rtlPickup.id],
    });
    expect(quotes.map((q) => q.speaker)).toEqual([
      'Nasrine Karimi',
      'Nasrin Karimi',
      'Nasrin Karimi',
      'Pieter Van Acker',
    ]);
    expect(summarizeCoverage('charter', mentions, { maxQuotes: 1 }).quotes).toHaveLength(1);
  });

  it('counts the listed people and organisations by article', () => {
    const s = summarizeCoverage('charter', mentions, {
      entities: { karimi: ['Nasrin Karimi', 'Nasrine Karimi'], bridge: ['fietsbrug'] },
    });
    expect(s.entities).toEqual([
      { name: 'karimi', articles: 7, mentions: 12 },
      { name: 'bridge', articles: 1, mentions: 2 }, // headline and body
    ]);
  });

  it('takes the wire outlets from the options', () => {
    const s = summarizeCoverage('charter', mentions, { wireOutlets: [] });
    // Without a wire agency the earliest article is the original; the Dutch version still joins
    // through its credit, as an outlet's pickup rather than the agency's own translation.
    expect(s.groups?.[0]?.originalId).toBe(belgaFr.id);
    expect(s.groups?.[0]?.members.find((m) => m.id === belgaNl.id)?.relation).toBe('pickup');
  });

  it('adds nothing when there are no mentions or no quotations', () => {
    const empty = summarizeCoverage('charter', []);
    expect(empty).not.toHaveProperty('groups');
    expect(empty).not.toHaveProperty('quotes');
    const quiet = summarizeCoverage('charter', [
      mention({ ...belgaFr, body: 'Pas de citation ici.' }),
    ]);
    expect(quiet.groups).toEqual([
      {
        originalId: belgaFr.id,
        members: [{ id: belgaFr.id, relation: 'original', similarity: 1, via: null }],
      },
    ]);
    expect(quiet).not.toHaveProperty('quotes');
    expect(quiet).not.toHaveProperty('entities');
  });
});

describe('restrictSummary: a filtered view from the full summary, without grouping again', () => {
  const mentions = ALL.map(mention);
  const full = summarizeCoverage('charter', mentions);
  it('gives back the full summary for every mention', () => {
    expect(restrictSummary(full, mentions)).toEqual(full);
  });

  it('counts only the kept mentions, as summarizeCoverage would', () => {
    const kept = mentions.filter((m) => m.article.language === 'fr');
    const r = restrictSummary(full, kept);
    const fresh = summarizeCoverage('charter', kept);
    for (const k of [
      'total',
      'byOutlet',
      'byLanguage',
      'byDay',
      'firstToReport',
      'wireCredits',
    ] as const)
      expect(r[k], k).toEqual(fresh[k]);
    // Every kept article in exactly one group, no other article anywhere.
    const ids = (r.groups ?? []).flatMap((g) => g.members.map((m) => m.id)).sort();
    expect(ids).toEqual(kept.map((m) => m.articleId).sort());
    // Quotations only name kept articles.
    for (const q of r.quotes ?? []) for (const id of q.articleIds) expect(ids).toContain(id);
  });

  it('leads a group that lost its original with its earliest remaining member', () => {
    const withoutBelgaFr = mentions.filter((m) => m.articleId !== belgaFr.id);
    const r = restrictSummary(full, withoutBelgaFr);
    const g = r.groups?.find((x) => x.members.some((m) => m.id === lalibrePickup.id));
    expect(g?.originalId).toBe(lalibrePickup.id);
    expect(g?.members[0]).toMatchObject({ id: lalibrePickup.id, relation: 'original', via: null });
    expect(g?.members.map((m) => m.id)).toEqual([
      lalibrePickup.id,
      rtlPickup.id,
      belgaNl.id,
      brusselsTimesEn.id,
    ]);
  });

  it('puts a mention the full summary did not see in a group of its own', () => {
    const newer = mention({ ...belgaFr, id: 999, url: 'https://www.belga.be/new' });
    const r = restrictSummary(full, [mentions[0]!, newer]);
    expect(r.groups?.at(-1)).toEqual({
      originalId: 999,
      members: [{ id: 999, relation: 'original', similarity: 1, via: null }],
    });
    expect(r.total).toBe(2);
  });

  it('has no groups or quotations for no mentions', () => {
    const r = restrictSummary(full, []);
    expect(r.total).toBe(0);
    expect(r.groups).toBeUndefined();
    expect(r.quotes).toBeUndefined();
  });
});
