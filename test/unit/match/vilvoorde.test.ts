// The default event, read from docs/query-language.md, against short texts written for this
// test (never real articles): three that must match, in EN, FR and NL, and hard negatives that
// share two of the three concept groups.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { compileQuery, matchDocument, markSentence } from '../../../src/match/index.js';
import type { MatchDocument } from '../../../src/match/types.js';
import { doc } from './helpers.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));

function docsQuery(): string {
  const md = readFileSync(`${root}docs/query-language.md`, 'utf8');
  const block = /<!-- vilvoorde-query[^>]*-->\s*```text\n([\s\S]*?)```/.exec(md);
  if (!block?.[1]) throw new Error('no vilvoorde-query block in docs/query-language.md');
  return block[1];
}

const positives: Record<string, MatchDocument> = {
  'EN, Brussels Times style': doc({
    lang: 'en',
    title: 'More than 160 Belgian mayors back Iranian resistance',
    lead: "Mayors gathered at Vilvoorde city hall on Friday to support Maryam Rajavi's ten-point plan.",
    body: 'The meeting was organised by the association Culture, Art and Human Rights, chaired by Mehdi Nobari.',
  }),
  'FR, RTL style': doc({
    lang: 'fr',
    title: 'Plus de 160 bourgmestres belges soutiennent la résistance iranienne',
    lead: "Réunis vendredi à l'hôtel de ville de Vilvorde, les élus ont signé une déclaration.",
    body: 'Les maires de 165 communes appuient le plan en dix points de Maryam Radjavi, présidente élue du CNRI.',
  }),
  'NL, Belga style': doc({
    lang: 'nl',
    title: 'Belgische burgemeesters steunen Iraans verzet',
    lead: 'In het stadhuis van Vilvoorde ondertekenden meer dan 160 burgemeesters een verklaring.',
    body: 'Gastheer was burgemeester Hans Bonte. De Nationale Verzetsraad van Iran sprak van een sterk signaal.',
  }),
  'EN, only a number anchors it': doc({
    lang: 'en',
    title: 'Declaration backs NCRI',
    body: 'Mayors of 165 municipalities signed a declaration supporting the NCRI and its ten-point plan.',
  }),
};

const negatives: Record<string, MatchDocument> = {
  'NCRI protest in Brussels, the mayor of Brussels allowed the rally': doc({
    title: 'NCRI supporters rally in Brussels',
    body: 'Thousands of supporters of the Iranian resistance marched on Saturday. The mayor of Brussels allowed the rally despite objections from the Iranian embassy.',
  }),
  'Rajavi visits Paris and meets French maires': doc({
    lang: 'fr',
    title: 'Maryam Rajavi reçue à Paris',
    body: "La dirigeante de la résistance iranienne a rencontré des maires français à l'hôtel de ville de Paris.",
  }),
  'Vilvoorde local politics, burgemeester Hans Bonte, no Iran': doc({
    lang: 'nl',
    title: 'Vilvoorde investeert in nieuwe sporthal',
    body: 'Burgemeester Hans Bonte stelde vrijdag de plannen voor. De gemeenteraad keurde ook 160 nieuwe parkeerplaatsen goed.',
  }),
  'the 2013 story of 260 mayors backing the Iranian opposition': doc({
    title: '260 mayors back the Iranian opposition',
    body: 'In 2013, 260 mayors from several countries signed a statement supporting Maryam Rajavi and the NCRI.',
  }),
  'NCRI rally with 160 protesters and a mayor, not near each other': doc({
    title: 'NCRI rally in Brussels',
    body: 'Some 160 protesters gathered near the station. Later, the mayor of Brussels said the rally had been allowed.',
  }),
  'lower-case mek (Dutch word) with mayors in Vilvoorde': doc({
    lang: 'nl',
    body: 'De burgemeester van Vilvoorde zag een mek in de Zenne.',
  }),
};

describe('the Vilvoorde query in docs/query-language.md', () => {
  const query = compileQuery(docsQuery());

  it.each(Object.entries(positives))('matches %s', (_name, d) => {
    const r = matchDocument(query, d);
    expect(r).not.toBeNull();
    expect(r?.score).toBeGreaterThan(0);
    expect(r?.sentences.length).toBeGreaterThan(0);
  });

  it.each(Object.entries(negatives))('rejects %s', (_name, d) => {
    expect(matchDocument(query, d)).toBeNull();
  });

  it('marks the words of each concept group in the hit sentences', () => {
    const r = matchDocument(query, positives['NL, Belga style'] as MatchDocument);
    expect(r?.sentences.map((s) => `${s.field}: ${markSentence(s)}`)).toEqual([
      'title: Belgische **burgemeesters** steunen **Iraans verzet**',
      'lead: In het **stadhuis** van **Vilvoorde** ondertekenden meer dan **160** **burgemeesters** een verklaring.',
      'body: Gastheer was **burgemeester** **Hans Bonte**.',
      'body: De **Nationale Verzetsraad** van Iran sprak van een sterk signaal.',
    ]);
  });
});

describe('the query of config/events/vilvoorde-2024.yaml', () => {
  const yaml = parseYaml(readFileSync(`${root}config/events/vilvoorde-2024.yaml`, 'utf8')) as {
    query: string;
  };
  const query = compileQuery(yaml.query);

  it.each(Object.entries(positives).slice(0, 3))('matches %s', (_name, d) => {
    expect(matchDocument(query, d)).not.toBeNull();
  });

  it.each(Object.entries(negatives).slice(0, 4))('rejects %s', (_name, d) => {
    expect(matchDocument(query, d)).toBeNull();
  });
});
