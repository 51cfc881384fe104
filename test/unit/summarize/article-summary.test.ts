import { describe, expect, it } from 'vitest';
import { MAX_SENTENCES, summarizeMention } from '../../../src/summarize/article-summary.js';
import { isNavigationLike } from '../../../src/summarize/fragments.js';
import type { HitSentence } from '../../../src/match/types.js';
import { belgaFr, NL_DISPATCH } from './story-fixtures.js';

/** A hit sentence located in `body`, with `terms` marked. */
function hit(body: string, text: string, terms: string[], field: HitSentence['field'] = 'body') {
  const start = body.indexOf(text);
  const marks: Array<[number, number]> = terms.map((t) => {
    const at = text.indexOf(t);
    return [at, at + t.length];
  });
  return { field, text, start, end: start + text.length, marks } satisfies HitSentence;
}

const body = belgaFr.body ?? '';
const s1 =
  "Pas moins de 142 bibliothécaires, venus de 57 communes, ont signé jeudi à l'hôtel de ville de Vilvorde une charte pour la lecture publique.";
const s2 = "La charte a été rédigée par l'association Lire Ensemble, présidée par Nasrine Karimi.";
const s3 =
  'Les signataires réclament aussi un fonds régional de 12 millions d’euros pour rénover les bâtiments les plus anciens, dont certains datent des années soixante.';
const s4 = "Selon l'association, 31 communes ont déjà promis d'adapter leurs horaires avant l'été.";

describe('summarizeMention', () => {
  it('starts with the lead without its dateline, then the sentences richest in hits, in reading order', () => {
    const summary = summarizeMention({ title: belgaFr.title, lead: null, body }, [
      hit(body, `BRUXELLES (BELGA) - ${s1}`, ['142', 'Vilvorde']),
      hit(body, s4, ['communes']),
      hit(body, s3, ['12 millions', 'fonds', 'bâtiments']),
      hit(body, s2, ['charte', 'Karimi']),
    ]);
    expect(summary).toBe(`${s1} ${s2} ${s3}`);
    expect(summary).not.toContain('BELGA');
  });

  it('keeps at most three sentences and never repeats one', () => {
    const sentences = [s1, s2, s3, s4].map((s) => hit(body, s, []));
    const summary = summarizeMention({ title: null, lead: s1, body }, [...sentences, ...sentences]);
    expect(MAX_SENTENCES).toBe(3);
    expect(summary).toBe(`${s1} ${s2} ${s3}`);
  });

  it('leaves out page furniture and headline hits', () => {
    const nav = 'Lire aussi : Les bibliothèques de Vilvorde ouvrent le dimanche';
    const crumbs = 'Accueil › Belgique › Société';
    const text = `${s1}\n\n${nav}\n\n${crumbs}\n\n${s2}`;
    const summary = summarizeMention({ title: 'Charte à Vilvorde', lead: null, body: text }, [
      hit(text, nav, ['Vilvorde', 'bibliothèques']),
      hit(text, crumbs, ['Belgique']),
      hit('Charte à Vilvorde', 'Charte à Vilvorde', ['Vilvorde'], 'title'),
      hit(text, s2, ['charte']),
    ]);
    expect(summary).toBe(`${s1} ${s2}`);
  });

  it('skips a navigation first paragraph when looking for the lead', () => {
    const text = `Home › Nieuws › Binnenland\n\n${NL_DISPATCH.join('\n\n')}`;
    const summary = summarizeMention({ title: 'T', lead: null, body: text }, []);
    expect(summary.startsWith('Maar liefst 142 bibliothecarissen uit 57 gemeenten')).toBe(true);
  });

  it('adds a shorter later sentence when a longer one does not fit', () => {
    const summary = summarizeMention(
      { title: null, lead: s1, body },
      [hit(body, s3, ['fonds']), hit(body, s4, ['communes', 'horaires'])],
      s1.length + s4.length + 1,
    );
    expect(summary).toBe(`${s1} ${s4}`);
  });

  it('falls back to the headline', () => {
    expect(summarizeMention({ title: ' Une  charte ', lead: null, body: null }, [])).toBe(
      'Une charte',
    );
  });
});

describe('isNavigationLike', () => {
  it.each([
    'Lees ook: Nieuwe fietsbrug in Vilvoorde',
    'Read more',
    'Home | News | Belgium',
    'Photo : Belga',
    '© Belga',
    'www.example.be/abonnement',
    'Politique belge',
  ])('takes %j for furniture', (text) => {
    expect(isNavigationLike(text)).toBe(true);
  });

  it.each([s1, 'A second fact.', 'Ze zijn met 142.'])('takes %j for prose', (text) => {
    expect(isNavigationLike(text)).toBe(false);
  });
});
