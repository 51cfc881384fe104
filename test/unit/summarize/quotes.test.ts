import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../../src/summarize/quotes.js';
import { belgaFr, belgaNl, brusselsTimesEn, lalibreRewrite } from './story-fixtures.js';

const said = (text: string, lang: string | null) =>
  extractQuotes(text, lang).map((q) => [q.text, q.speaker]);

describe('extractQuotes', () => {
  it('reads French guillemets and the speaker after them', () => {
    expect(said(belgaFr.body ?? '', 'fr')).toEqual([
      [
        'Une commune sans bibliothèque ouverte le soir laisse tomber ses habitants les plus isolés',
        'Nasrine Karimi',
      ],
    ]);
  });

  it('reads Dutch low-high quotation marks and "zei X"', () => {
    expect(said(belgaNl.body ?? '', 'nl')).toEqual([
      [
        'Een gemeente zonder bibliotheek die ’s avonds open is, laat haar meest geïsoleerde inwoners in de steek',
        'Nasrin Karimi',
      ],
    ]);
  });

  it('reads English quotation marks and "said X"', () => {
    expect(said(brusselsTimesEn.body ?? '', 'en')).toEqual([
      [
        'A municipality without a library that is open in the evening lets down its most isolated residents',
        'Nasrin Karimi',
      ],
    ]);
  });

  it.each([
    [
      'fr',
      '« Nous ouvrirons le mardi soir dès la rentrée », a annoncé le bourgmestre de Vilvorde.',
      null,
    ],
    [
      'fr',
      '« Nous ouvrirons le mardi soir dès la rentrée », annonce Pieter Van Acker.',
      'Pieter Van Acker',
    ],
    [
      'fr',
      '« Nous ouvrirons le mardi soir dès la rentrée », a déclaré l’échevin de Vilvorde, Pieter Van Acker (Vooruit).',
      'Pieter Van Acker',
    ],
    [
      'fr',
      'Selon Nasrine Karimi, « les étudiants n’ont pas d’autre endroit calme ».',
      'Nasrine Karimi',
    ],
    [
      'fr',
      'Pieter Van Acker a déclaré : « Nous donnerons l’exemple dès septembre. »',
      'Pieter Van Acker',
    ],
    ['fr', '« Nous donnerons l’exemple dès septembre », a-t-il ajouté.', null],
    [
      'fr',
      '“Nous donnerons l’exemple dès septembre”, explique Pieter Van Acker.',
      'Pieter Van Acker',
    ],
    ['nl', '"We gaan vanaf september op dinsdagavond open", aldus Van Acker.', 'Van Acker'],
    ['nl', 'Karimi zei: "Jongeren hebben thuis vaak geen rustige plek."', 'Karimi'],
    ['nl', '„We gaan vanaf september open”, zegt hij.', null],
    ['nl', 'Volgens Samen Lezen: "Er hebben al 31 gemeenten toegezegd."', 'Samen Lezen'],
    ['en', '"We will open on Tuesday evenings from September," Van Acker said.', 'Van Acker'],
    ['en', 'Nasrin Karimi said: "Students have nowhere else quiet to read."', 'Nasrin Karimi'],
    ['en', '“We will open on Tuesday evenings,” said the alderman of Vilvoorde.', null],
    [
      'en',
      'According to Reading Together, "31 municipalities have already agreed to it."',
      'Reading Together',
    ],
  ])('%s: %s', (lang, text, speaker) => {
    const [q] = extractQuotes(text, lang);
    expect(q?.speaker).toBe(speaker);
    expect(text.slice(q?.start ?? 0, q?.end ?? 0)).toMatch(/^["«“„].*["»”“]$/u);
  });

  it('skips terms in quotation marks and unclosed marks, and tries every language without one', () => {
    const text =
      'Le plan « lecture pour tous » est soutenu.\n« Une phrase sans fin\n"Four words are here," zei Karimi.';
    expect(said(text, null)).toEqual([['Four words are here', 'Karimi']]);
  });

  it('reads a short quotation inside a sentence and the speaker before it', () => {
    expect(said(lalibreRewrite.body ?? '', 'fr')).toEqual([
      ["prêt à montrer l'exemple", 'Pieter Van Acker'],
    ]);
    expect(extractQuotes('', 'fr')).toEqual([]);
  });
});
