// The Vilvoorde event as the outlets covered it: one Belga dispatch in three languages, its
// pickups (RTL and La Libre in French, The Brussels Times in English) and La Libre's own piece.
// Every text is written for this project: fictional wording about the public facts.
import { arcId } from '../prng.js';
import type { StoryDef } from '../types.js';

const DISPATCH = 'belga-vilvoorde';
const CREDIT = '© BELGA PHOTO MARC DEVRIENDT';
const TAGS_FR = ['Iran', 'Vilvorde', 'Droits humains'];

const FR_DISPATCH = [
  "BRUXELLES (BELGA) - Plus de 160 bourgmestres belges, à la tête de 165 communes, ont signé une déclaration de soutien à la résistance iranienne, présentée vendredi à l'hôtel de ville de Vilvorde. Le texte appuie le plan en dix points de Maryam Rajavi, présidente élue du Conseil national de la Résistance iranienne (CNRI).",
  "La rencontre était organisée par l'association Culture, Art et Droits de l'Homme, présidée par Mehdi Nobari. Le bourgmestre de Vilvorde, Hans Bonte (Vooruit), accueillait les participants dans la salle du conseil de l'hôtel de ville.",
  "Les signataires viennent des trois régions du pays et de partis différents. Ils disent soutenir l'aspiration des Iraniens à une république démocratique et laïque, fondée sur la séparation de la religion et de l'État, l'égalité entre les femmes et les hommes et l'abolition de la peine de mort.",
  "La déclaration condamne aussi la hausse du nombre d'exécutions en Iran et demande aux autorités belges et européennes de conditionner leurs relations avec Téhéran au respect des droits humains.",
  "Selon les organisateurs, l'initiative s'inscrit dans une campagne menée dans plusieurs pays européens, où des élus locaux ont signé des textes comparables ces derniers mois.",
  "Le plan en dix points défendu par le CNRI prévoit notamment des élections libres, la liberté d'expression et de réunion, l'indépendance de la justice et un Iran dénucléarisé.",
];

const FR_TITLE = 'Plus de 160 bourgmestres belges apportent leur soutien à la résistance iranienne';
const FR_LEAD =
  'Plus de 160 bourgmestres belges ont signé vendredi à Vilvorde une déclaration de soutien au plan en dix points de Maryam Rajavi.';
const FR_CAPTION = "Des bourgmestres réunis vendredi à l'hôtel de ville de Vilvorde.";

/** The French wire copy without its dateline, as outlets paste it. */
const frUndated = (): string[] => {
  const [first = '', ...rest] = FR_DISPATCH;
  return [first.replace(/^BRUXELLES \(BELGA\) - /, ''), ...rest];
};

const belgaFr: StoryDef = {
  key: 'belga-fr-vilvoorde',
  outlet: 'belga',
  lang: 'fr',
  kind: 'coverage',
  id: '2231805',
  sectionPath: '/fr/actualites',
  sectionName: 'Actualités',
  title: FR_TITLE,
  lead: FR_LEAD,
  paragraphs: FR_DISPATCH,
  published: '2024-01-05T14:12:00+01:00',
  authors: ['Aurélien Dufrasne'],
  note: 'Belga FR dispatch, the original of every pickup',
  dispatchId: DISPATCH,
  imageAlt: 'Des bourgmestres dans la salle du conseil',
  caption: FR_CAPTION,
  credit: CREDIT,
  tags: TAGS_FR,
};

const belgaNl: StoryDef = {
  key: 'belga-nl-vilvoorde',
  outlet: 'belga',
  lang: 'nl',
  kind: 'coverage',
  id: '2231817',
  sectionPath: '/nl/nieuws',
  sectionName: 'Nieuws',
  title: 'Meer dan 160 Belgische burgemeesters steunen Iraans verzet',
  lead: 'In het stadhuis van Vilvoorde werd vrijdag een verklaring van meer dan 160 burgemeesters voorgesteld ter ondersteuning van het Iraanse verzet.',
  paragraphs: [
    'BRUSSEL (BELGA) - Meer dan 160 Belgische burgemeesters, samen goed voor 165 gemeenten, hebben een verklaring ondertekend ter ondersteuning van het Iraanse verzet. De tekst werd vrijdag voorgesteld in het stadhuis van Vilvoorde en steunt het tienpuntenplan van Maryam Rajavi, de verkozen voorzitster van de Nationale Verzetsraad van Iran (NCRI).',
    'De bijeenkomst werd georganiseerd door de vereniging Cultuur, Kunst en Mensenrechten van Mehdi Nobari. Burgemeester Hans Bonte (Vooruit) ontving de deelnemers in de raadzaal van het stadhuis.',
    'De ondertekenaars komen uit de drie gewesten en uit verschillende partijen. Ze zeggen het streven van de Iraniërs naar een democratische en seculiere republiek te steunen, met een scheiding van godsdienst en staat, gelijkheid tussen vrouwen en mannen en de afschaffing van de doodstraf.',
    'De verklaring veroordeelt ook het stijgende aantal executies in Iran en vraagt de Belgische en Europese overheden om hun betrekkingen met Teheran afhankelijk te maken van de naleving van de mensenrechten.',
    'Volgens de organisatoren past het initiatief in een campagne in verschillende Europese landen, waar lokale verkozenen de voorbije maanden gelijkaardige teksten ondertekenden.',
  ],
  published: '2024-01-05T15:03:00+01:00',
  authors: ['Lotte Verbiest'],
  note: 'Belga NL version of the same dispatch',
  dispatchId: DISPATCH,
  imageAlt: 'Burgemeesters in de raadzaal',
  caption: 'Burgemeesters vrijdag in het stadhuis van Vilvoorde.',
  credit: CREDIT,
  tags: ['Iran', 'Vilvoorde', 'Mensenrechten'],
};

const EN_DISPATCH = [
  'More than 160 Belgian mayors, who together lead 165 municipalities, have signed a declaration of support for the Iranian resistance, which was presented on Friday at Vilvoorde city hall. The text endorses the ten-point plan of Maryam Rajavi, president-elect of the National Council of Resistance of Iran (NCRI).',
  "The gathering was organised by the association Culture, Art and Human Rights, chaired by Mehdi Nobari. Vilvoorde mayor Hans Bonte (Vooruit) welcomed the participants in the city hall's council chamber.",
  "The signatories come from all three regions and from different parties. They say they support the Iranian people's aspiration to a democratic and secular republic, based on the separation of religion and state, equality between women and men and the abolition of the death penalty.",
  'The declaration also condemns the rising number of executions in Iran and calls on Belgian and European authorities to make their relations with Tehran conditional on respect for human rights.',
  'According to the organisers, the initiative is part of a campaign in several European countries, where local elected officials have signed similar texts in recent months. (Belga)',
];

const belgaEn: StoryDef = {
  key: 'belga-en-vilvoorde',
  outlet: 'belga',
  lang: 'en',
  kind: 'coverage',
  id: '2231862',
  sectionPath: '/en/news',
  sectionName: 'News',
  title: 'Over 160 Belgian mayors declare support for Iranian resistance',
  lead: 'A declaration signed by more than 160 Belgian mayors in support of the Iranian resistance was presented at Vilvoorde city hall on Friday.',
  paragraphs: EN_DISPATCH,
  published: '2024-01-05T16:30:00+01:00',
  authors: ['Hannah Callewaert'],
  note: 'Belga EN version of the same dispatch',
  dispatchId: DISPATCH,
  imageAlt: 'Mayors in the council chamber',
  caption: 'Mayors at Vilvoorde city hall on Friday.',
  credit: CREDIT,
  tags: ['Iran', 'Vilvoorde', 'Human rights'],
};

const rtlPickup: StoryDef = {
  key: 'rtl-vilvoorde',
  outlet: 'rtl',
  lang: 'fr',
  kind: 'coverage',
  id: '1102847',
  sectionPath: '/actu/belgique/societe',
  sectionName: 'Société',
  title: 'Plus de 160 bourgmestres belges soutiennent la résistance iranienne',
  lead: FR_LEAD,
  // RTL drops the dateline and the last background paragraph, and signs "Belga" on a last line.
  paragraphs: [...frUndated().slice(0, 5), 'Belga'],
  published: '2024-01-05T14:47:00+01:00',
  authors: ['Belga'],
  note: 'Belga FR dispatch picked up by RTL (body rendered by script after consent)',
  dispatchId: DISPATCH,
  imageAlt: 'Des bourgmestres à Vilvorde',
  caption: FR_CAPTION,
  credit: CREDIT,
  tags: ['Iran', 'Belgique'],
};

const lalibreDepeche: StoryDef = {
  key: 'lalibre-depeche-vilvoorde',
  outlet: 'lalibre',
  lang: 'fr',
  kind: 'coverage',
  id: arcId('lalibre-depeche-vilvoorde'),
  sectionPath: '/dernieres-depeches',
  sectionName: 'Dernières dépêches',
  title: FR_TITLE,
  lead: FR_LEAD,
  paragraphs: frUndated().map((p, i, all) => (i === all.length - 1 ? `${p} (Belga)` : p)),
  published: '2024-01-05T14:20:00+01:00',
  authors: ['Belga'],
  note: 'Belga FR dispatch picked up by La Libre under dernieres-depeches',
  dispatchId: DISPATCH,
  imageAlt: 'Des bourgmestres à Vilvorde',
  caption: FR_CAPTION,
  credit: CREDIT,
  tags: TAGS_FR,
};

const brusselsTimes: StoryDef = {
  key: 'brusselstimes-vilvoorde',
  outlet: 'brusselstimes',
  lang: 'en',
  kind: 'coverage',
  id: '882143',
  sectionPath: '/belgium',
  sectionName: 'Belgium',
  title: "More than 160 Belgian mayors back Iranian resistance's ten-point plan",
  lead: 'Mayors from 165 Belgian municipalities gathered in Vilvoorde on Friday to sign a declaration backing the Iranian resistance.',
  paragraphs: EN_DISPATCH,
  published: '2024-01-05T17:05:00+01:00',
  modified: '2024-01-05T17:40:00+01:00',
  authors: ['Belga'],
  note: 'English version of the Belga dispatch run by The Brussels Times',
  dispatchId: DISPATCH,
  imageAlt: 'Mayors in Vilvoorde',
  caption: 'Mayors gathered at Vilvoorde city hall on Friday.',
  credit: CREDIT,
  tags: ['Iran', 'Vilvoorde', 'Politics'],
};

const lalibreOwn: StoryDef = {
  key: 'lalibre-vilvoorde',
  outlet: 'lalibre',
  lang: 'fr',
  kind: 'coverage',
  id: arcId('lalibre-vilvoorde'),
  sectionPath: '/belgique/societe',
  sectionName: 'Société',
  title: 'À Vilvorde, des bourgmestres de tout le pays signent une déclaration sur l’Iran',
  lead: 'Réunis dans la salle du conseil de Vilvorde, des élus locaux de Flandre, de Wallonie et de Bruxelles ont pris position en faveur de l’opposition iranienne.',
  paragraphs: [
    'Ils étaient venus de Flandre, de Wallonie et de Bruxelles. Vendredi, la salle du conseil de l’hôtel de ville de Vilvorde a accueilli une réunion peu ordinaire : des bourgmestres de toutes les couleurs politiques, rassemblés autour d’un texte consacré à l’Iran.',
    'Au total, 165 communes sont représentées parmi les signataires, soit plus de 160 bourgmestres en fonction. Leur déclaration exprime un soutien à la résistance iranienne et au plan en dix points présenté par Maryam Rajavi, qui dirige le Conseil national de la Résistance iranienne (CNRI).',
    '« Nos communes n’ont pas de politique étrangère, mais nos habitants suivent de près ce qui se passe là-bas », glisse un bourgmestre du Brabant wallon, qui préfère ne pas être cité.',
    'L’initiative est portée par l’association Culture, Art et Droits de l’Homme, présidée par Mehdi Nobari. Elle entend montrer que des élus de terrain se préoccupent des droits humains en Iran, et en particulier des exécutions, dont le nombre a nettement augmenté ces derniers mois.',
    'Hôte de la rencontre, le bourgmestre de Vilvorde, Hans Bonte, avait mis la salle du conseil à la disposition des organisateurs.',
    'Le texte plaide pour une république démocratique et laïque, l’égalité entre les femmes et les hommes et l’abolition de la peine de mort. Il demande aussi à la Belgique et à l’Union européenne de placer les droits humains au cœur de leurs relations avec Téhéran.',
    'Le régime iranien conteste toute légitimité au CNRI, qu’il présente comme un mouvement hostile sans ancrage dans le pays. Les signataires disent défendre avant tout le droit des Iraniens à choisir librement leurs dirigeants.',
  ],
  published: '2024-01-05T18:30:00+01:00',
  authors: ['Camille Devillers'],
  note: 'La Libre’s own article by its reporter, different wording from the dispatch',
  imageAlt: 'La salle du conseil de Vilvorde',
  caption: 'La salle du conseil de l’hôtel de ville de Vilvorde, vendredi.',
  credit: '© BELGA PHOTO SOFIE LAMBRECHTS',
  tags: ['Iran', 'Politique belge', 'Vilvorde'],
};

export const COVERAGE: StoryDef[] = [
  belgaFr,
  belgaNl,
  belgaEn,
  rtlPickup,
  lalibreDepeche,
  brusselsTimes,
  lalibreOwn,
];
