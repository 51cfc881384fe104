import { describe, expect, it } from 'vitest';
import { markSentence } from '../../../src/match/index.js';
import { run } from './helpers.js';

describe('hit sentences', () => {
  const d = {
    title: 'Plus de 160 bourgmestres soutiennent la résistance iranienne',
    lead: 'M. Bonte a accueilli les maires. La réunion a eu lieu à Vilvorde.',
    body: "Le plan en dix points de Maryam Rajavi.\n\nUn autre paragraphe sans rien.\n\nVilvorde, l'hôtel de ville.",
  };
  it('gives each sentence with a hit, with marks relative to the sentence', () => {
    const r = run('(bourgmestre* OR maire*) AND (Vilvorde OR Rajavi)', d);
    expect(r).not.toBeNull();
    const shown = r?.sentences.map((s) => `${s.field}: ${markSentence(s)}`);
    expect(shown).toEqual([
      'title: Plus de 160 **bourgmestres** soutiennent la résistance iranienne',
      'lead: M. Bonte a accueilli les **maires**.',
      'lead: La réunion a eu lieu à **Vilvorde**.',
      'body: Le plan en dix points de Maryam **Rajavi**.',
      "body: **Vilvorde**, l'hôtel de ville.",
    ]);
    const s = r?.sentences[2];
    expect(s && d.lead.slice(s.start, s.end)).toBe('La réunion a eu lieu à Vilvorde.');
    expect(s?.marks).toEqual([[23, 31]]);
  });
  it('merges overlapping marks and takes other markers', () => {
    const r = run('"résistance iranienne" OR iranienne OR résistance*', { title: d.title });
    expect(r?.sentences).toHaveLength(1);
    const s = r?.sentences[0];
    expect(s?.marks).toEqual([[40, 60]]);
    expect(s && markSentence(s, '[', ']')).toBe(
      'Plus de 160 bourgmestres soutiennent la [résistance iranienne]',
    );
    expect(s && markSentence(s, '<b>', '</b>')).toContain('<b>résistance iranienne</b>');
  });
  it('joins the sentences a phrase hit runs over', () => {
    const r = run('"Vilvoorde mayors"', 'They met in Vilvoorde. Mayors came from far.');
    expect(r?.sentences.map((s) => s.text)).toEqual([
      'They met in Vilvoorde. Mayors came from far.',
    ]);
  });
  it('gives no sentences for url, outlet, lang or author hits', () => {
    const r = run('outlet:belga AND lang:fr', { outlet: 'belga', lang: 'fr' });
    expect(r?.hits.map((h) => h.field)).toEqual(['outlet', 'lang']);
    expect(r?.sentences).toEqual([]);
  });
});

describe('score', () => {
  it('weighs title 3, lead 2, body 1 and saturates as 1 - 2^(-w/10)', () => {
    expect(run('Rajavi', { body: 'Rajavi' })?.score).toBe(0.067);
    expect(run('Rajavi', { lead: 'Rajavi' })?.score).toBe(0.1294);
    expect(run('Rajavi', { title: 'Rajavi' })?.score).toBe(0.1877);
    const w10 = { title: 'Rajavi', lead: 'Rajavi', body: 'Rajavi '.repeat(5) };
    expect(run('Rajavi', w10)?.score).toBe(0.5);
    expect(run('Rajavi', { body: 'Rajavi '.repeat(20) })?.score).toBe(0.75);
  });
  it('grows with evidence and stays below 1', () => {
    const one = run('Rajavi OR NCRI', 'Rajavi')?.score ?? 0;
    const two = run('Rajavi OR NCRI', 'Rajavi NCRI')?.score ?? 0;
    const many = run('Rajavi', 'Rajavi '.repeat(1000))?.score ?? 0;
    expect(two).toBeGreaterThan(one);
    expect(many).toBeLessThanOrEqual(1);
  });
  it('gives filter fields no weight', () => {
    expect(run('url:belga', { url: 'https://belga.be/x' })?.score).toBe(0);
  });
});
