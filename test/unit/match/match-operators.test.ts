// Boolean logic, phrases, NEAR/ONEAR distances, fields, aliases, and which hits are reported.
import { describe, expect, it } from 'vitest';
import { compileQuery, matchDocument } from '../../../src/match/index.js';
import { indexDocument } from '../../../src/match/document-index.js';
import { doc, hitTexts, matches, run } from './helpers.js';

describe('phrases', () => {
  it('match words in order, ignoring punctuation between them', () => {
    expect(matches('"Hans Bonte"', 'burgemeester Hans Bonte (Vooruit)')).toBe(true);
    expect(matches('"Hans Bonte"', 'Hans, Bonte')).toBe(true);
    expect(matches('"Hans Bonte"', 'Bonte Hans')).toBe(false);
    expect(matches('"Hans Bonte"', 'Hans De Bonte')).toBe(false);
    expect(
      matches('"Conseil national de la Résistance"', "le Conseil national de la résistance d'Iran"),
    ).toBe(true);
    expect(matches('"résistance iranienne"', 'la résistance « iranienne »')).toBe(true);
  });
  it('skip elided words, in the query and in the text', () => {
    expect(matches('"soutien opposition"', "le soutien à l'opposition")).toBe(false);
    expect(matches('"soutien de opposition"', "le soutien de l'opposition")).toBe(true);
    expect(matches('"soutien de l\'opposition"', 'le soutien de l’opposition')).toBe(true);
  });
  it('do not cross a paragraph break', () => {
    expect(matches('"Hans Bonte"', 'Hans\n\nBonte')).toBe(false);
    expect(matches('"Hans Bonte"', 'Hans\nBonte')).toBe(true);
  });
  it('report the whole phrase as one hit', () => {
    expect(hitTexts('"Iraans verzet"', 'Steun voor het Iraans verzet.')).toEqual([
      'body:Iraans verzet',
    ]);
  });
});

describe('NEAR and ONEAR', () => {
  const text = 'Meer dan 160 Belgische burgemeesters steunen het verzet';
  it('count the words between the operands', () => {
    // 160 [Belgische] burgemeesters: one word between.
    expect(matches('160 NEAR/1 burgemeester*', text)).toBe(true);
    expect(matches('160 NEAR/0 burgemeester*', text)).toBe(false);
    expect(matches('160 NEAR/0 Belgische', text)).toBe(true);
    expect(matches('Meer NEAR/5 verzet', text)).toBe(false);
    expect(matches('Meer NEAR/6 verzet', text)).toBe(true);
  });
  it('take any order with NEAR and the written order with ONEAR', () => {
    expect(matches('burgemeester* NEAR/1 160', text)).toBe(true);
    expect(matches('burgemeester* ONEAR/1 160', text)).toBe(false);
    expect(matches('160 ONEAR/1 burgemeester*', text)).toBe(true);
  });
  it('work over phrases and OR-groups in French and English', () => {
    expect(matches('"plus de" NEAR/0 (160 OR 165)', 'plus de 160 bourgmestres')).toBe(true);
    expect(
      matches('(160 OR 165) ONEAR/2 (mayors OR municipalities)', 'the 165 Belgian municipalities'),
    ).toBe(true);
    expect(matches('"ten point" ONEAR/0 plan', "Rajavi's ten-point plan")).toBe(true);
    expect(matches('(160 OR 165) NEAR/3 mayor*', 'the mayor said 165 of them')).toBe(true);
    expect(
      matches('(160 OR 165) NEAR/3 mayor*', 'the mayor of Brussels said that 165 of them'),
    ).toBe(false);
  });
  it('count a compound as its parts and an elision as no word', () => {
    expect(matches('Rajavi NEAR/2 plan', "Rajavi's ten-point plan")).toBe(true);
    expect(matches('Rajavi NEAR/1 plan', "Rajavi's ten-point plan")).toBe(false);
    expect(matches('soutien NEAR/1 opposition', "le soutien de l'opposition")).toBe(true);
  });
  it('need two occurrences to pair a word with itself', () => {
    expect(matches('mayor NEAR/3 mayor', 'the mayor spoke')).toBe(false);
    expect(matches('mayor NEAR/3 mayor', 'the mayor met another mayor')).toBe(true);
  });
  it('chain: the third operand is measured from the first pair', () => {
    expect(matches('a NEAR/0 b NEAR/1 c', 'a b x c')).toBe(true);
    expect(matches('a NEAR/0 b NEAR/1 c', 'a b x y c')).toBe(false);
  });
  it('never pair words of different fields or across paragraphs', () => {
    expect(matches('Rajavi NEAR/5 Vilvoorde', { title: 'Rajavi', lead: 'Vilvoorde' })).toBe(false);
    expect(matches('Rajavi NEAR/5 Vilvoorde', 'Rajavi.\n\nVilvoorde')).toBe(false);
    expect(matches('Rajavi NEAR/5 Vilvoorde', 'Rajavi. Vilvoorde')).toBe(true);
  });
  it('report only the occurrences that were near each other', () => {
    const body = 'Le maire de Paris. Plus tard, 160 bourgmestres et un maire.';
    expect(hitTexts('160 NEAR/3 (maire OR bourgmestres)', body)).toEqual([
      'body:160',
      'body:bourgmestres',
      'body:maire',
    ]);
  });
});

describe('fields', () => {
  const d = {
    title: 'Burgemeesters steunen verzet',
    lead: 'Meer dan 160 burgemeesters',
    body: 'In Vilvoorde, vrijdag.',
    url: 'https://www.brusselstimes.com/belgium/123/mayors-back-iranian-resistance',
    outlet: 'brusselstimes',
    lang: 'nl',
    authors: ['Jan Peeters', 'Belga'],
  };
  it('search title, lead and body by default, and only the named field otherwise', () => {
    expect(matches('Vilvoorde', d)).toBe(true);
    expect(matches('title:Vilvoorde', d)).toBe(false);
    expect(matches('body:Vilvoorde', d)).toBe(true);
    expect(matches('lead:160 title:verzet', d)).toBe(true);
    expect(matches('lead:verzet', d)).toBe(false);
    expect(matches('brusselstimes', d)).toBe(false);
  });
  it('search url, outlet, lang and author', () => {
    expect(matches('url:brusselstimes', d)).toBe(true);
    expect(matches('url:"brusselstimes.com"', d)).toBe(true);
    expect(matches('url:https://www.brusselstimes.com/belgium', d)).toBe(true);
    expect(matches('url:iranian-resistance', d)).toBe(true);
    expect(matches('outlet:brusselstimes', d)).toBe(true);
    expect(matches('lang:(fr OR nl)', d)).toBe(true);
    expect(matches('lang:en', d)).toBe(false);
    expect(matches('author:Peeters', d)).toBe(true);
    expect(matches('author:"Peeters Belga"', d)).toBe(false);
  });
  it('apply to groups and NEAR', () => {
    expect(matches('title:(Rajavi OR verzet)', d)).toBe(true);
    expect(matches('lead:(160 NEAR/0 burgemeesters)', d)).toBe(true);
    expect(matches('title:steunen NEAR/3 verzet', d)).toBe(true);
    expect(matches('title:160 NEAR/3 burgemeesters', d)).toBe(false);
  });
  it('report author hits as offsets into the authors joined by a blank line', () => {
    expect(hitTexts('author:Belga', d)).toEqual(['author:Belga']);
    const r = run('author:Belga', d);
    expect(r?.hits[0]?.start).toBe('Jan Peeters\n\n'.length);
  });
});

describe('boolean logic and hits', () => {
  it('AND needs all, OR one, NOT none', () => {
    expect(matches('Rajavi AND Vilvoorde', 'Rajavi in Paris')).toBe(false);
    expect(matches('Rajavi OR Vilvoorde', 'Rajavi in Paris')).toBe(true);
    expect(matches('Rajavi -Paris', 'Rajavi in Paris')).toBe(false);
    expect(matches('Rajavi NOT Vilvoorde', 'Rajavi in Paris')).toBe(true);
    expect(matches('NOT Vilvoorde', 'Rajavi in Paris')).toBe(true);
  });
  it('never reports hits of NOT branches', () => {
    const r = run('Rajavi NOT (Vilvoorde NEAR/1 Paris)', 'Rajavi in Paris, far from Vilvoorde');
    expect(r?.hits.map((h) => h.term)).toEqual(['Rajavi']);
    expect(run('NOT Vilvoorde', 'Rajavi')).toEqual({ score: 0, hits: [], sentences: [] });
  });
  it('reports only the hits of branches that matched', () => {
    const body = 'Rajavi spoke to the mayor of Paris.';
    expect(hitTexts('(Rajavi AND Vilvoorde) OR mayor', body)).toEqual(['body:mayor']);
    expect(hitTexts('(Rajavi AND Paris) OR Vilvoorde', body)).toEqual([
      'body:Rajavi',
      'body:Paris',
    ]);
  });
  it('reports every occurrence of a matched term, in field order', () => {
    const d = { title: 'NCRI', lead: 'the NCRI', body: 'NCRI and NCRI' };
    expect(hitTexts('NCRI', d)).toEqual(['title:NCRI', 'lead:NCRI', 'body:NCRI', 'body:NCRI']);
  });
});

describe('aliases when matching', () => {
  it('match through an alias', () => {
    const aliases = { resistance: 'Rajavi OR cs(NCRI)', mayors: 'mayor* OR burgemeester*' };
    expect(run('@resistance AND @mayors', 'NCRI en burgemeesters', { aliases })).not.toBeNull();
    expect(run('@resistance AND @mayors', 'ncri en burgemeesters', { aliases })).toBeNull();
  });
});

describe('tokenising once per document', () => {
  it('shares the tokenised fields across queries and keeps them while the text is the same', () => {
    const d = doc({ title: 'Vilvoorde', body: 'Rajavi and the mayors' });
    const queries = Array.from({ length: 50 }, (_, i) => compileQuery(`mayor* OR w${i}`));
    for (const q of queries) expect(matchDocument(q, d)).not.toBeNull();
    const idx = indexDocument(d);
    expect(indexDocument(d)).toBe(idx);
    const body = idx.field(2);
    for (const q of queries) matchDocument(q, d);
    expect(idx.field(2)).toBe(body);
    expect(indexDocument(doc({ body: 'Rajavi and the mayors' }))).not.toBe(idx);
  });
  it('tokenises a field again when its text changed', () => {
    const d = doc({ body: 'Rajavi' });
    const q = compileQuery('Vilvoorde');
    expect(matchDocument(q, d)).toBeNull();
    d.body = 'Vilvoorde';
    expect(matchDocument(q, d)).not.toBeNull();
  });
});
