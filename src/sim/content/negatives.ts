// Hard negatives: stories that share names or the theme of the Vilvoorde event but are not
// about it. Only the Vilvoorde council story names Vilvoorde or Hans Bonte; none carries the
// numbers of the event. Fictional texts written for this project.
import { arcId } from '../prng.js';
import type { StoryDef } from '../types.js';

const brusselsProtest: StoryDef = {
  key: 'brusselstimes-ncri-protest',
  outlet: 'brusselstimes',
  lang: 'en',
  kind: 'negative',
  id: '883907',
  sectionPath: '/brussels',
  sectionName: 'Brussels',
  title: 'NCRI supporters rally in Brussels against wave of executions in Iran',
  lead: 'Several hundred people gathered near the Mont des Arts on Monday to denounce executions in Iran and to hear a video message from Maryam Rajavi.',
  paragraphs: [
    'Several hundred supporters of the National Council of Resistance of Iran (NCRI) gathered in central Brussels on Monday afternoon to protest against the rising number of executions in Iran.',
    'Demonstrators held up portraits of people executed in recent months and chanted slogans against the Iranian government near the Mont des Arts. The mayor of Brussels allowed the rally on condition that it remained static, and police reported no incidents.',
    'In a video message shown on a large screen, NCRI leader Maryam Rajavi called on European governments to end what she described as a policy of appeasement towards Tehran.',
    'Organisers said the protest was one of several planned in European capitals this month. The Iranian authorities reject the accusations and regard the movement as a hostile organisation.',
    'The gathering ended in the late afternoon with a minute of silence for the victims.',
  ],
  published: '2024-01-08T16:20:00+01:00',
  authors: ['Oliver Hargreaves'],
  note: 'Hard negative: NCRI protest in Brussels with a Rajavi video message and a mayor, not the Vilvoorde event',
  imageAlt: 'Protesters with portraits',
  caption: 'Protesters near the Mont des Arts on Monday.',
  credit: '© BELGA PHOTO ERIC VANHOVE',
  tags: ['Iran', 'Protest', 'Brussels'],
};

const rajaviAuvers: StoryDef = {
  key: 'lalibre-rajavi-auvers',
  outlet: 'lalibre',
  lang: 'fr',
  kind: 'negative',
  id: arcId('lalibre-rajavi-auvers'),
  sectionPath: '/international/europe',
  sectionName: 'Europe',
  title: 'Maryam Rajavi réunit des maires et des parlementaires français à Auvers-sur-Oise',
  lead: 'La dirigeante du CNRI a reçu mardi des élus français avant une conférence à Paris consacrée aux droits humains en Iran.',
  paragraphs: [
    'Maryam Rajavi, présidente élue du Conseil national de la Résistance iranienne (CNRI), a reçu mardi à Auvers-sur-Oise, dans le Val-d’Oise, une délégation de maires et de parlementaires français.',
    'La rencontre, suivie d’une conférence dans un hôtel parisien, portait sur la situation des droits humains en Iran et sur la répression qui a suivi le mouvement de protestation de 2022.',
    'Plusieurs élus ont plaidé pour que Paris adopte une ligne plus ferme à l’égard de Téhéran. Quelques bourgmestres venus de Belgique assistaient également aux échanges, selon les organisateurs.',
    'Le CNRI, dont le siège se trouve à Auvers-sur-Oise, se présente comme une coalition d’opposants en exil. Les autorités iraniennes le considèrent comme une organisation terroriste.',
    'Les participants ont adopté une motion appelant l’Union européenne à suspendre tout accord avec Téhéran tant que les exécutions se poursuivent.',
  ],
  published: '2024-01-09T11:05:00+01:00',
  authors: ['Pauline Gérardy'],
  note: 'Hard negative: Rajavi meets French mayors and MPs in Auvers-sur-Oise, not the Vilvoorde event',
  imageAlt: 'Maryam Rajavi à la tribune',
  caption: 'Maryam Rajavi lors de la conférence, mardi.',
  credit: '© BELGA PHOTO ARCHIVES',
  tags: ['Iran', 'France', 'Diplomatie'],
};

const vilvoordeCouncil: StoryDef = {
  key: 'belga-nl-vilvoorde-begroting',
  outlet: 'belga',
  lang: 'nl',
  kind: 'negative',
  id: '2231744',
  sectionPath: '/nl/nieuws',
  sectionName: 'Nieuws',
  title: 'Vilvoorde keurt begroting goed met nieuw zwembad als blikvanger',
  lead: 'De gemeenteraad van Vilvoorde heeft de begroting voor dit jaar goedgekeurd. Het nieuwe stedelijke zwembad is de grootste investering.',
  paragraphs: [
    'VILVOORDE (BELGA) - De gemeenteraad van Vilvoorde heeft donderdagavond de begroting voor 2024 goedgekeurd. Blikvanger is de bouw van een nieuw stedelijk zwembad langs de Zenne, dat het verouderde bad in het centrum moet vervangen.',
    'Volgens burgemeester Hans Bonte (Vooruit) moet het nieuwe bad tegen 2027 de deuren openen. De bouwkost wordt geraamd op ruim 30 miljoen euro, deels gedragen door subsidies van de Vlaamse overheid.',
    'De oppositie stemde tegen. Zij vindt dat de stad te veel leent en vraagt meer aandacht voor het onderhoud van wegen en voetpaden in de deelgemeenten.',
    'Daarnaast trekt de stad extra middelen uit voor kinderopvang en voor de heraanleg van het stationsplein, waarvan de werken in het voorjaar beginnen.',
  ],
  published: '2024-01-05T11:40:00+01:00',
  authors: ['Lotte Verbiest'],
  note: 'Hard negative: Vilvoorde council budget with mayor Hans Bonte, nothing about Iran',
  imageAlt: 'Het stadhuis van Vilvoorde',
  caption: 'Het stadhuis van Vilvoorde.',
  credit: '© BELGA PHOTO JEROEN MAES',
  tags: ['Vilvoorde', 'Lokale politiek'],
};

const mayors2013: StoryDef = {
  key: 'brusselstimes-260-mayors-2013',
  outlet: 'brusselstimes',
  lang: 'en',
  kind: 'negative',
  id: '104718',
  sectionPath: '/belgium',
  sectionName: 'Belgium',
  title: 'More than 260 Belgian mayors back the Iranian opposition',
  lead: 'Mayors from across the country have signed a statement supporting the opposition movement led by Maryam Rajavi.',
  paragraphs: [
    'More than 260 mayors from across Belgium have signed a joint statement supporting the Iranian opposition movement led by Maryam Rajavi, organisers announced on Thursday.',
    'The statement, presented in Brussels, backs the National Council of Resistance of Iran (NCRI) and its call for free elections, and urges protection for Iranian dissidents living in Camp Liberty in Iraq.',
    'The signatories include mayors from Flanders, Wallonia and the Brussels region, from both large cities and small towns.',
    'According to the organisers, local elected officials in France and Italy have signed similar declarations.',
  ],
  published: '2013-06-20T12:00:00+02:00',
  authors: ['Brussels Times Staff'],
  note: 'Hard negative: the 2013 story about 260 mayors (Rajavi, NCRI, mayors) outside the event window',
  imageAlt: 'A town hall in Belgium',
  caption: 'A Belgian town hall.',
  credit: '© BELGA PHOTO ARCHIVES',
  tags: ['Iran', 'Politics'],
};

const diasporaDemo: StoryDef = {
  key: 'rtl-diaspora-demo',
  outlet: 'rtl',
  lang: 'fr',
  kind: 'negative',
  id: '1104310',
  sectionPath: '/actu/belgique/societe',
  sectionName: 'Société',
  title:
    'Manifestation de la diaspora iranienne à Bruxelles, des drapeaux du CNRI place du Luxembourg',
  lead: 'Plusieurs centaines de personnes se sont rassemblées mercredi devant le Parlement européen pour dénoncer la répression en Iran.',
  paragraphs: [
    'Plusieurs centaines de personnes issues de la diaspora iranienne se sont rassemblées mercredi après-midi place du Luxembourg, à Bruxelles, devant le Parlement européen.',
    'Les manifestants brandissaient des drapeaux du Conseil national de la Résistance iranienne (CNRI) et des portraits de prisonniers politiques. Ils demandaient à l’Union européenne d’inscrire les Gardiens de la révolution sur sa liste des organisations terroristes.',
    '« Nous voulons que l’Europe cesse de fermer les yeux », expliquait une manifestante venue de Liège avec sa famille.',
    'Le rassemblement s’est déroulé dans le calme, sous la surveillance de la police. Quelques députés européens sont venus saluer les participants en fin de journée.',
  ],
  published: '2024-01-10T17:30:00+01:00',
  authors: ['Nadia Ferrante'],
  note: 'Hard negative: Iranian diaspora demonstration in Brussels with CNRI flags, no mayors',
  imageAlt: 'Des manifestants avec des drapeaux',
  caption: 'Des manifestants place du Luxembourg, mercredi.',
  credit: '© BELGA PHOTO ERIC VANHOVE',
  tags: ['Iran', 'Manifestation'],
};

export const NEGATIVES: StoryDef[] = [
  brusselsProtest,
  rajaviAuvers,
  vilvoordeCouncil,
  mayors2013,
  diasporaDemo,
];
