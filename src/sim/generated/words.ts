// Word lists for generated local news in French, Dutch and English. Subjects are singular so
// that every subject agrees with every verb. No list names the Vilvoorde event or its actors.
import type { SimLang } from '../types.js';

export interface Lexicon {
  places: readonly string[];
  subjects: readonly string[];
  verbs: readonly string[];
  objects: readonly string[];
  complements: readonly string[];
  openers: readonly string[];
  clauses: readonly string[];
  quotes: readonly string[];
  speakers: readonly string[];
  /** Template for a quote sentence: {q} the quote, {s} the speaker. */
  quoteTemplate: string;
  /** Template for a figure sentence: {n} a number. */
  figures: readonly string[];
  sections: readonly string[];
}

const L = (list: string): readonly string[] => list.split('|');

export const LEXICON: Record<SimLang, Lexicon> = {
  en: {
    places: L(
      'Namur|Leuven|Ghent|Liège|Mons|Bruges|Antwerp|Hasselt|Charleroi|Arlon|Kortrijk|Mechelen|Tournai|Ostend|Wavre',
    ),
    subjects: L(
      'The city council|The regional government|The neighbourhood committee|The mobility minister|A team of researchers|The organising committee|The shopkeepers’ association|The rail operator|The transport union|The university hospital|The local football club|The parents’ association|The fire service|The energy regulator|The farmers’ federation',
    ),
    verbs: L(
      'announced|presented|criticised|approved|postponed|welcomed|called for|rejected|examined|defended|unveiled|questioned',
    ),
    objects: L(
      'a new mobility plan|the renovation of the station square|a pilot project with shared bicycles|the budget for next year|stricter parking rules|longer opening hours|a study on air quality|the construction of a new school|higher grants for home insulation|a campaign against littering|the closure of a post office|the programme of a summer festival|plans for social housing|changes to the bus network',
    ),
    complements: L(
      'on Monday|after months of debate|in the city centre|in front of a packed room|despite criticism from the opposition|for the third year running|at a press conference|in the coming weeks|ahead of the summer|in several provinces|according to a report published this week',
    ),
    openers: L(
      '|||Meanwhile, |At the same time, |In practice, |For now, |According to the spokesperson, ',
    ),
    clauses: L(
      '||which drew a mixed response|although the details are still being worked out|a move many residents had been waiting for|as the local press reported',
    ),
    quotes: L(
      'We have listened to the residents|This is a first step, not the end of the road|The figures speak for themselves|Nobody wants a repeat of last winter|We need clear answers quickly',
    ),
    speakers: L(
      'a spokesperson|an alderman|a local resident|the project leader|a teacher|a shop owner',
    ),
    quoteTemplate: '“{q},” said {s}.',
    figures: L(
      'About {n} people attended the information session.|The project is expected to cost {n} thousand euros.|Some {n} households are affected by the changes.',
    ),
    sections: L('Local|Economy|Mobility|Culture|Education|Environment'),
  },
  fr: {
    places: L(
      'Namur|Liège|Mons|Charleroi|Arlon|Tournai|Wavre|Louvain-la-Neuve|Verviers|Dinant|Nivelles|Bastogne|Huy|Ath|Marche-en-Famenne',
    ),
    subjects: L(
      'Le conseil communal|Le gouvernement wallon|Le comité de quartier|La ministre de la Mobilité|Une équipe de chercheurs|Le comité organisateur|L’association des commerçants|La SNCB|Le syndicat des cheminots|L’hôpital universitaire|Le club de football local|L’association des parents|La zone de secours|Le régulateur de l’énergie|La fédération des agriculteurs',
    ),
    verbs: L(
      'a annoncé|a présenté|a critiqué|a approuvé|a reporté|a salué|réclame|a rejeté|examine|défend|a dévoilé|remet en question',
    ),
    objects: L(
      'un nouveau plan de mobilité|la rénovation de la place de la gare|un projet pilote de vélos partagés|le budget de l’année prochaine|des règles plus strictes pour le stationnement|l’extension des heures d’ouverture|une étude sur la qualité de l’air|la construction d’une nouvelle école|des primes plus élevées pour l’isolation|une campagne contre les dépôts clandestins|la fermeture d’un bureau de poste|le programme d’un festival d’été|des projets de logements publics|des changements dans le réseau de bus',
    ),
    complements: L(
      'lundi|après des mois de débat|dans le centre-ville|devant une salle comble|malgré les critiques de l’opposition|pour la troisième année consécutive|lors d’une conférence de presse|dans les prochaines semaines|avant l’été|dans plusieurs provinces|selon un rapport publié cette semaine',
    ),
    openers: L(
      '|||Par ailleurs, |Dans le même temps, |En pratique, |Pour l’instant, |Selon le porte-parole, ',
    ),
    clauses: L(
      '||ce qui a suscité des réactions contrastées|même si les détails doivent encore être précisés|une décision attendue par de nombreux habitants|comme l’a rapporté la presse locale',
    ),
    quotes: L(
      'Nous avons écouté les habitants|C’est une première étape, pas une fin en soi|Les chiffres parlent d’eux-mêmes|Personne ne veut revivre l’hiver dernier|Il nous faut des réponses rapides',
    ),
    speakers: L(
      'un porte-parole|un échevin|une riveraine|le chef de projet|une enseignante|un commerçant',
    ),
    quoteTemplate: '« {q} », explique {s}.',
    figures: L(
      'Environ {n} personnes ont assisté à la séance d’information.|Le projet devrait coûter {n} mille euros.|Quelque {n} ménages sont concernés par les changements.',
    ),
    sections: L('Régions|Économie|Mobilité|Culture|Enseignement|Environnement'),
  },
  nl: {
    places: L(
      'Leuven|Gent|Brugge|Antwerpen|Hasselt|Kortrijk|Mechelen|Oostende|Aalst|Genk|Roeselare|Sint-Niklaas|Turnhout|Lier|Geel',
    ),
    subjects: L(
      'Het stadsbestuur|De Vlaamse regering|Het buurtcomité|De minister van Mobiliteit|Een team onderzoekers|Het organisatiecomité|De handelaarsvereniging|De NMBS|De spoorvakbond|Het universitair ziekenhuis|De plaatselijke voetbalclub|De ouderraad|De brandweerzone|De energieregulator|De boerenbond',
    ),
    verbs: L(
      'presenteert|bekritiseert|verdedigt|onderzoekt|onthult|steunt|vraagt|verwerpt|bespreekt|evalueert|verwelkomt|herziet',
    ),
    objects: L(
      'een nieuw mobiliteitsplan|de heraanleg van het stationsplein|een proefproject met deelfietsen|de begroting voor volgend jaar|strengere parkeerregels|langere openingsuren|een studie over de luchtkwaliteit|de bouw van een nieuwe school|hogere premies voor isolatie|een campagne tegen zwerfvuil|de sluiting van een postkantoor|het programma van een zomerfestival|plannen voor sociale woningen|wijzigingen aan het busnet',
    ),
    complements: L(
      'na maanden van discussie|in het stadscentrum|voor een volle zaal|ondanks kritiek van de oppositie|voor het derde jaar op rij|tijdens een persconferentie|in de komende weken|nog voor de zomer|in verschillende provincies|volgens een rapport van deze week',
    ),
    openers: L(''),
    clauses: L(
      '||wat op gemengde reacties stuit|al moeten de details nog worden uitgewerkt|iets waar veel bewoners op wachtten|zo meldt de lokale pers',
    ),
    quotes: L(
      'We hebben naar de bewoners geluisterd|Dit is een eerste stap, geen eindpunt|De cijfers spreken voor zich|Niemand wil een herhaling van vorige winter|We hebben snel duidelijke antwoorden nodig',
    ),
    speakers: L(
      'een woordvoerder|een schepen|een buurtbewoonster|de projectleider|een leerkracht|een handelaar',
    ),
    quoteTemplate: '‘{q}’, zegt {s}.',
    figures: L(
      'Ongeveer {n} mensen woonden de infoavond bij.|Het project zou {n} duizend euro kosten.|Zowat {n} gezinnen worden door de wijzigingen getroffen.',
    ),
    sections: L('Regio|Economie|Mobiliteit|Cultuur|Onderwijs|Milieu'),
  },
};
