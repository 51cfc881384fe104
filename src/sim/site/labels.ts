// Interface wording of the simulated sites, per language.
import type { SimLang } from '../types.js';

export interface Labels {
  home: string;
  readMore: string;
  share: string;
  copyLink: string;
  by: string;
  published: string;
  updated: string;
  newsletterTitle: string;
  newsletterText: string;
  newsletterButton: string;
  emailPlaceholder: string;
  cookieText: string;
  cookieAccept: string;
  cookieSettings: string;
  search: string;
  menu: string;
  tags: string;
  latest: string;
  notFoundTitle: string;
  notFoundText: string;
  photo: string;
  comments: string;
}

export const LABELS: Record<SimLang, Labels> = {
  en: {
    home: 'Home',
    readMore: 'Read more',
    share: 'Share this article',
    copyLink: 'Copy link',
    by: 'By',
    published: 'Published',
    updated: 'Updated',
    newsletterTitle: 'Get the day’s news in your inbox',
    newsletterText:
      'Sign up for our free daily newsletter and receive the most important stories every morning.',
    newsletterButton: 'Subscribe',
    emailPlaceholder: 'Your e-mail address',
    cookieText:
      'We use cookies and similar technologies to measure our audience, personalise content and show relevant advertising. You can change your choice at any time in the privacy settings.',
    cookieAccept: 'Accept all',
    cookieSettings: 'Manage preferences',
    search: 'Search',
    menu: 'Menu',
    tags: 'Topics',
    latest: 'Latest news',
    notFoundTitle: 'Page not found',
    notFoundText: 'The page you are looking for does not exist or has been moved.',
    photo: 'Photo',
    comments: 'Comments',
  },
  fr: {
    home: 'Accueil',
    readMore: 'Lire aussi',
    share: 'Partager cet article',
    copyLink: 'Copier le lien',
    by: 'Par',
    published: 'Publié le',
    updated: 'Mis à jour le',
    newsletterTitle: 'Recevez l’essentiel de l’actualité',
    newsletterText:
      'Inscrivez-vous à notre newsletter gratuite et recevez chaque matin une sélection de nos articles.',
    newsletterButton: 'Je m’inscris',
    emailPlaceholder: 'Votre adresse e-mail',
    cookieText:
      'Nous utilisons des cookies et des technologies similaires pour mesurer notre audience, personnaliser le contenu et vous proposer des publicités adaptées. Vous pouvez modifier vos choix à tout moment.',
    cookieAccept: 'Tout accepter',
    cookieSettings: 'Paramétrer mes choix',
    search: 'Rechercher',
    menu: 'Menu',
    tags: 'Sujets',
    latest: 'Dernières infos',
    notFoundTitle: 'Page introuvable',
    notFoundText: 'La page que vous cherchez n’existe pas ou a été déplacée.',
    photo: 'Photo',
    comments: 'Commentaires',
  },
  nl: {
    home: 'Home',
    readMore: 'Lees ook',
    share: 'Deel dit artikel',
    copyLink: 'Link kopiëren',
    by: 'Door',
    published: 'Gepubliceerd op',
    updated: 'Bijgewerkt op',
    newsletterTitle: 'Het belangrijkste nieuws in je mailbox',
    newsletterText:
      'Schrijf je in op onze gratis nieuwsbrief en ontvang elke ochtend de belangrijkste verhalen.',
    newsletterButton: 'Inschrijven',
    emailPlaceholder: 'Je e-mailadres',
    cookieText:
      'Wij gebruiken cookies en vergelijkbare technieken om ons bereik te meten, inhoud te personaliseren en relevante advertenties te tonen. Je kunt je keuze op elk moment wijzigen.',
    cookieAccept: 'Alles accepteren',
    cookieSettings: 'Voorkeuren beheren',
    search: 'Zoeken',
    menu: 'Menu',
    tags: 'Onderwerpen',
    latest: 'Laatste nieuws',
    notFoundTitle: 'Pagina niet gevonden',
    notFoundText: 'De pagina die je zoekt bestaat niet of werd verplaatst.',
    photo: 'Foto',
    comments: 'Reacties',
  },
};
