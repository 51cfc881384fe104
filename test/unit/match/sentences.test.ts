import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../../src/match/index.js';

const split = (text: string): string[] =>
  splitSentences(text).map((r) => text.slice(r.start, r.end));

describe('splitSentences', () => {
  it('splits at . ! ? followed by a capital', () => {
    expect(split('Rajavi spoke. The mayors listened! Did they? Yes.')).toEqual([
      'Rajavi spoke.',
      'The mayors listened!',
      'Did they?',
      'Yes.',
    ]);
  });
  it('keeps English abbreviations and initials inside the sentence', () => {
    expect(split('Mr. Smith met Dr. Jones. J. Smith left, e.g. at noon. Then it rained.')).toEqual([
      'Mr. Smith met Dr. Jones.',
      'J. Smith left, e.g. at noon.',
      'Then it rained.',
    ]);
  });
  it('keeps French abbreviations inside the sentence', () => {
    expect(
      split('M. Bonte et Mme. Dupont, p.ex. à Vilvorde. Ensuite, Me. Durand a parlé.'),
    ).toEqual(['M. Bonte et Mme. Dupont, p.ex. à Vilvorde.', 'Ensuite, Me. Durand a parlé.']);
  });
  it('keeps Dutch abbreviations inside the sentence', () => {
    expect(split('Volgens dhr. Bonte en mevr. Peeters, o.a. in Vilvoorde. Dat bleek.')).toEqual([
      'Volgens dhr. Bonte en mevr. Peeters, o.a. in Vilvoorde.',
      'Dat bleek.',
    ]);
  });
  it('does not split numbers and does split after a number', () => {
    expect(split('Version 5.1 came out. Het waren er 160. Daarna 165.')).toEqual([
      'Version 5.1 came out.',
      'Het waren er 160.',
      'Daarna 165.',
    ]);
  });
  it('handles ellipses: a capital after it splits, a lower-case letter does not', () => {
    expect(split('Il hésitait… puis il a signé. Attendez... Voilà.')).toEqual([
      'Il hésitait… puis il a signé.',
      'Attendez...',
      'Voilà.',
    ]);
  });
  it('keeps closing quotes with their sentence: « », „ ”, “ ”, " "', () => {
    expect(split('Il a dit : « Nous soutenons la résistance. » Puis il est parti.')).toEqual([
      'Il a dit : « Nous soutenons la résistance. »',
      'Puis il est parti.',
    ]);
    expect(split('Hij zei: „We steunen het verzet.” Daarna vertrok hij.')).toEqual([
      'Hij zei: „We steunen het verzet.”',
      'Daarna vertrok hij.',
    ]);
    expect(split('He said: “We back them.” Then he left. "Fine." She agreed.')).toEqual([
      'He said: “We back them.”',
      'Then he left.',
      '"Fine."',
      'She agreed.',
    ]);
  });
  it('does not split a quoted sentence followed by a lower-case verb', () => {
    expect(split('« Nous soutenons la résistance ! » a déclaré le maire.')).toEqual([
      '« Nous soutenons la résistance ! » a déclaré le maire.',
    ]);
  });
  it('splits at line breaks and paragraphs and trims white space', () => {
    expect(split('  Titre sans point\nPremier paragraphe\n\n  Second. ')).toEqual([
      'Titre sans point',
      'Premier paragraphe',
      'Second.',
    ]);
  });
  it('returns offsets into the text', () => {
    const text = 'Ab cd. Ef gh.';
    expect(splitSentences(text)).toEqual([
      { start: 0, end: 6 },
      { start: 7, end: 13 },
    ]);
    expect(splitSentences('')).toEqual([]);
    expect(splitSentences(' \n ')).toEqual([]);
  });
});
