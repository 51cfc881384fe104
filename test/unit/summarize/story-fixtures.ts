// A fictional event written for these tests: on Thursday 7 March 2024, 142 librarians from 57
// municipalities signed a reading charter at Vilvoorde city hall, presented by the association
// Lire Ensemble / Samen Lezen (chair: Nasrin Karimi, spelled Nasrine in French) and hosted by
// alderman Pieter Van Acker. One Belga dispatch in French, its pickups, its Dutch and English
// versions, two rewrites by outlets' own reporters and an unrelated dispatch of the same day.
import type { CoverageItem } from '../../../src/summarize/story-groups.js';

const FR_PARAGRAPHS = [
  "Pas moins de 142 bibliothécaires, venus de 57 communes, ont signé jeudi à l'hôtel de ville de Vilvorde une charte pour la lecture publique. Le texte demande que chaque commune consacre au moins 3,5 euros par habitant à sa bibliothèque d'ici 2027.",
  "La charte a été rédigée par l'association Lire Ensemble, présidée par Nasrine Karimi. L'échevin de la Culture de Vilvorde, Pieter Van Acker, a accueilli les signataires dans la salle des mariages.",
  '« Une commune sans bibliothèque ouverte le soir laisse tomber ses habitants les plus isolés », a déclaré Nasrine Karimi devant les élus présents.',
  'Les signataires réclament aussi un fonds régional de 12 millions d’euros pour rénover les bâtiments les plus anciens, dont certains datent des années soixante.',
  "Selon l'association, 31 communes ont déjà promis d'adapter leurs horaires avant l'été.",
];

const FR_DISPATCH = [`BRUXELLES (BELGA) - ${FR_PARAGRAPHS[0]}`, ...FR_PARAGRAPHS.slice(1)];

const NL_DISPATCH = [
  'BRUSSEL (BELGA) - Maar liefst 142 bibliothecarissen uit 57 gemeenten hebben donderdag in het stadhuis van Vilvoorde een charter voor de openbare lezing ondertekend. De tekst vraagt dat elke gemeente tegen 2027 minstens 3,5 euro per inwoner aan haar bibliotheek besteedt.',
  'Het charter werd opgesteld door de vereniging Samen Lezen, voorgezeten door Nasrin Karimi. Vilvoords schepen van Cultuur Pieter Van Acker ontving de ondertekenaars in de trouwzaal.',
  '„Een gemeente zonder bibliotheek die ’s avonds open is, laat haar meest geïsoleerde inwoners in de steek”, zei Nasrin Karimi tegen de aanwezige politici.',
  'De ondertekenaars vragen ook een gewestelijk fonds van 12 miljoen euro om de oudste gebouwen te renoveren, waarvan sommige uit de jaren zestig stammen.',
  'Volgens de vereniging hebben 31 gemeenten al beloofd hun openingsuren voor de zomer aan te passen.',
];

const EN_DISPATCH = [
  'No fewer than 142 librarians from 57 municipalities signed a charter for public reading at Vilvoorde city hall on Thursday. The text asks every municipality to spend at least 3.5 euros per inhabitant on its library by 2027.',
  "The charter was drafted by the association Reading Together, chaired by Nasrin Karimi. Vilvoorde's culture alderman Pieter Van Acker welcomed the signatories in the wedding hall.",
  '"A municipality without a library that is open in the evening lets down its most isolated residents," said Nasrin Karimi in front of the elected officials.',
  'The signatories are also calling for a regional fund of 12 million euros to renovate the oldest buildings, some of which date back to the sixties.',
  'According to the association, 31 municipalities have already promised to adapt their opening hours before the summer. (Belga)',
];

const base = {
  url: '',
  title: null,
  body: null,
  published: null,
  wireCredit: null,
  isWire: false,
} as const;

export const belgaFr: CoverageItem = {
  ...base,
  id: 101,
  outletId: 'belga',
  url: 'https://belga.example/fr/2231805',
  language: 'fr',
  title: '142 bibliothécaires signent une charte pour la lecture à Vilvorde',
  body: FR_DISPATCH.join('\n\n'),
  published: '2024-03-07T10:05:00+01:00',
  wireCredit: 'Belga',
  isWire: true,
};

/** Changed headline, no dateline, an added first line, credit on a last line. */
export const rtlPickup: CoverageItem = {
  ...base,
  id: 102,
  outletId: 'rtl',
  url: 'https://rtl.example/actu/belgique/charte-lecture/2024-03-07/article/1',
  language: 'fr',
  title: 'Bibliothèques : les communes invitées à ouvrir le soir',
  body: ['Mis à jour à 11h40.', ...FR_PARAGRAPHS, 'Belga'].join('\n\n'),
  published: '2024-03-07T10:41:00+01:00',
  wireCredit: 'Belga',
};

/** Same headline, the last two paragraphs cut. */
export const lalibrePickup: CoverageItem = {
  ...base,
  id: 103,
  outletId: 'lalibre',
  url: 'https://lalibre.example/dernieres-depeches/2024/03/07/charte-lecture/',
  language: 'fr',
  title: belgaFr.title,
  body: [...FR_PARAGRAPHS.slice(0, 3), `${FR_PARAGRAPHS[3] ?? ''} (Belga)`].join('\n\n'),
  published: '2024-03-07T10:20:00+01:00',
  wireCredit: 'Belga',
};

export const belgaNl: CoverageItem = {
  ...base,
  id: 104,
  outletId: 'belga',
  url: 'https://belga.example/nl/2231817',
  language: 'nl',
  title: '142 bibliothecarissen ondertekenen leescharter in Vilvoorde',
  body: NL_DISPATCH.join('\n\n'),
  published: '2024-03-07T11:02:00+01:00',
  wireCredit: 'Belga',
  isWire: true,
};

/** The English version, run by an outlet that is not a wire agency. */
export const brusselsTimesEn: CoverageItem = {
  ...base,
  id: 105,
  outletId: 'brusselstimes',
  url: 'https://brusselstimes.example/901234/librarians-charter',
  language: 'en',
  title: '142 librarians sign charter calling for evening opening hours',
  body: EN_DISPATCH.join('\n\n'),
  published: '2024-03-07T13:15:00+01:00',
  wireCredit: 'Belga',
};

/** La Libre's own reporter: same facts, other words, no wire credit. */
export const lalibreRewrite: CoverageItem = {
  ...base,
  id: 106,
  outletId: 'lalibre',
  url: 'https://lalibre.example/belgique/2024/03/07/bibliotheques-vilvorde/',
  language: 'fr',
  title: 'À Vilvorde, les bibliothécaires veulent des portes ouvertes après 18 heures',
  body: [
    "Dans la salle des mariages de Vilvorde, jeudi matin, l'ambiance tenait plus du congrès que de la cérémonie. Ils étaient 142, bibliothécaires de 57 communes, à apposer leur signature au bas d'une charte.",
    "L'initiative revient à Lire Ensemble. Sa présidente, Nasrine Karimi, plaide depuis des années pour des horaires élargis : elle cite volontiers les étudiants et les personnes âgées qui n'ont pas d'autre endroit calme où lire.",
    "Le document fixe un plancher de 3,5 euros par habitant et par an, à atteindre en 2027. Il évoque aussi 12 millions d'euros de travaux, une somme que la Région n'a pas encore inscrite à son budget.",
    "L'échevin Pieter Van Acker, qui recevait la délégation, se dit « prêt à montrer l'exemple » et promet une ouverture le mardi soir dès la rentrée.",
  ].join('\n\n'),
  published: '2024-03-07T16:30:00+01:00',
};

/** A Dutch-language reporter's own piece: same facts, no wire credit. */
export const vrtRewrite: CoverageItem = {
  ...base,
  id: 107,
  outletId: 'vrt',
  url: 'https://vrt.example/nws/2024/03/07/leescharter-vilvoorde/',
  language: 'nl',
  title: 'Bibliotheken moeten langer open, vragen 142 bibliothecarissen',
  body: [
    'Het was donderdag druk in de trouwzaal van Vilvoorde: 142 bibliothecarissen uit 57 gemeenten zetten er hun handtekening onder een leescharter.',
    'Nasrin Karimi van Samen Lezen wil dat bibliotheken ook na de werkuren open blijven. Ze wijst op jongeren en ouderen die thuis geen rustige plek hebben.',
    'Het charter mikt op 3,5 euro per inwoner tegen 2027 en op een renovatiefonds van 12 miljoen euro. Schepen Pieter Van Acker belooft dat Vilvoorde vanaf september op dinsdagavond opengaat.',
  ].join('\n\n'),
  published: '2024-03-07T14:45:00+01:00',
};

/** Another Belga dispatch of the same day that only shares the town. */
export const belgaUnrelated: CoverageItem = {
  ...base,
  id: 108,
  outletId: 'belga',
  url: 'https://belga.example/nl/2231899',
  language: 'nl',
  title: 'Nieuwe fietsbrug over het kanaal in Vilvoorde open',
  body: [
    'BRUSSEL (BELGA) - In Vilvoorde is donderdag een nieuwe fietsbrug over het kanaal Brussel-Schelde in gebruik genomen. De brug is 84 meter lang en kostte 6,2 miljoen euro.',
    'De Vlaamse Waterweg verwacht dat er dagelijks zo’n 2.400 fietsers over de brug zullen rijden. Minister Hilde Verstraeten knipte het lint door.',
  ].join('\n\n'),
  published: '2024-03-07T12:10:00+01:00',
  wireCredit: 'Belga',
  isWire: true,
};

export const ALL: readonly CoverageItem[] = [
  belgaFr,
  rtlPickup,
  lalibrePickup,
  belgaNl,
  brusselsTimesEn,
  lalibreRewrite,
  vrtRewrite,
  belgaUnrelated,
];

export { EN_DISPATCH, FR_DISPATCH, NL_DISPATCH };
