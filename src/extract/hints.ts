// Class/id and text hints, in French, Dutch, English and German, that the content scorer and
// the body renderer share. Compiled once at load. Substring tests on the joined "class id"
// string, as Readability does, extended with the vocabulary of European news sites.

/** Blocks that are never article text, whatever else their class says. */
export const BOILERPLATE_HINT = new RegExp(
  [
    'cookie',
    'consent',
    'gdpr',
    'didomi',
    'newsletter',
    'nieuwsbrief',
    'outbrain',
    'taboola',
    'related',
    'gerelateerd',
    'relatedposts',
    'more-?stories',
    'meer-?nieuws',
    'most-?read',
    'mostread',
    'meest-?gelezen',
    'plus-?lus',
    'sponsor',
    'adsbygoogle',
    'advert',
    'reclame',
    'breadcrumb',
    'comment(?!ary)',
    'reacties',
    'disqus',
    '(?<!no[-_]?)caption',
    'legende',
    'légende',
    'photo-?credit',
    '(?:^|[\\s_-])cta(?:$|[\\s_-])',
    'inscription',
    'skip-?link',
    'print-?only',
  ].join('|'),
);

/**
 * Paywall and subscription prompts. Left out only when they read as one (see isPromptBox):
 * sites also hang these classes on the article's own text (Bloomberg's `<p class="paywall">`,
 * BLOX's `subscriber-premium` body, Rossel's `r-article--paywalled`).
 */
export const PROMPT_HINT = /paywall|subscri|regwall/;

/**
 * Share bars and social widgets. Dropped only when short (Readability's 500 characters): some
 * CMSs hang share-widget ids on the article container itself.
 */
export const SHARE_HINT =
  /(?:^|[\s_-])(?:share|sharing|social|partage|partager|delen)(?:$|[\s_-]|bar|buttons?|tools?|links?|box|icons?)|sharebar|sharetools|socialbar/;
/**
 * "Lees ook / Lire aussi / Read more" boxes. Dropped when short or made of links: some sites
 * name the expander that holds the rest of the article "read-more".
 */
export const POINTER_HINT =
  /lees-?ook|lire-?aussi|a-?lire|read-?more|read-?also|read-?next|meer-?lezen/;
/** Below this, a share bar or pointer box is furniture (Readability's share threshold). */
export const SHORT_FURNITURE = 500;

/** Readability's unlikely candidates, plus navigation words; outweighed by a positive hint. */
export const UNLIKELY_HINT =
  /-ad-|ai2html|banner|combx|community|cover-wrap|extra|footer|header|legends|menu|remark|replies|rss|shoutbox|sidebar|skyscraper|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote|navigation|navbar|\bnav\b|masthead|toolbar|widget|teaser-?list|trending|popular|recommend|aanbevolen|tags?\b|keywords|author-?bio|byline|dateline|timestamp|article-?meta|meta-?data|\bmeta\b|modal|overlay/;

/** Hints that an element holds the article. */
export const POSITIVE_HINT =
  /article|body|content|entry|hentry|h-entry|main|page|post|text|blog|story|artikel|tekst|texte|contenu|corps|inhoud|bericht|chapo|intro|lead/;

/** Hints that lower an element's content score. */
export const NEGATIVE_HINT =
  /-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|footer|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|widget|teaser|aside|newsletter|cookie|abonn|premium|reclame|pub-|advert|byline|author|(?<!no[-_]?)caption|credit/;

/** Class tokens of advertising slots ("ad", "ads", "pub", "dfp-…", "gpt-ad…"). */
export const AD_TOKEN =
  /(?:^|\s)(?:ad|ads|adv|pub|advertisement|advertentie|publicite|dfp[-\w]*|gpt-ad[-\w]*|ad-slot[-\w]*|ad-container[-\w]*|ad-wrapper[-\w]*|adslot[-\w]*)(?:\s|$)/;

/** ARIA roles of page furniture. */
export const FURNITURE_ROLES = new Set([
  'menu',
  'menubar',
  'complementary',
  'navigation',
  'alert',
  'alertdialog',
  'dialog',
  'banner',
  'contentinfo',
  'search',
]);

/** A block that opens with "Lire aussi", "Lees ook", "Read more" and the like. */
export const READ_ALSO_TEXT =
  /^(?:[►▶»>•|-]\s*)?(?:(?:à|a)\s+lire\s+(?:aussi|également|egalement)|lire\s+(?:aussi|également|egalement|la\s+suite)|(?:à|a)\s+(?:voir|découvrir)\s+(?:aussi|également)|voir\s+aussi|(?:lees|bekijk|kijk)\s+(?:ook|meer|hier)|ook\s+interessant|sur\s+le\s+même\s+sujet|dans\s+la\s+même\s+rubrique|(?:les\s+)?plus\s+lus|meest\s+gelezen|meer\s+over\s+dit\s+onderwerp|meer\s+(?:over|lezen|nieuws)|read\s+(?:more|also|next)|also\s+read|continue\s+reading|related\s*:|more\s+on\s+this|recommended|lesen\s+sie\s+auch|mehr\s+zum\s+thema)(?:\b|(?<=:))\s*[:.-]?/i;

/** Cookie, consent and newsletter prompts, in the three languages of the outlets. */
export const PROMPT_TEXT =
  /\b(?:cookies?|nieuwsbrief|newsletter)\b.*\b(?:accept|utilis|gebruik|use|consent|toestemming|inscri|abonn|schrijf|sign\s*up|subscribe|ontvang|recevoir|receive|akkoord)|\b(?:accept|accepteer|acceptez|akkoord)\b.*\bcookies?\b|\b(?:inscrivez-vous|schrijf\s+je\s+in|sign\s+up)\b/i;

/** A block that is only an advertising label. */
export const AD_LABEL_TEXT =
  /^(?:publicité|publicite|advertentie|advertisement|advertising|annonce|reclame|anzeige|sponsored|gesponsord|sponsorisé)$/i;

/** A photo credit or caption line: "© BELGA PHOTO …", "Foto: …", "Photo : …". */
export const CREDIT_TEXT =
  /^(?:©|\(c\)\s|copyright\b|(?:photo|foto|beeld|image|illustration|crédit(?:\s+photo)?|credit|bron\s+foto)\s*:|[\w .&-]{0,40}\bphoto\s*$)/i;

/** Said only to subscribers: enough on its own, wherever it stands on the page. */
export const SUBSCRIBER_ONLY =
  /réservé\s+aux\s+abonnés|(?:article|contenu)\s+(?:réservé|exclusif)|pour\s+lire\s+la\s+suite|lisez\s+la\s+suite\s+(?:de\s+cet\s+article\s+)?en\s+vous\s+abonnant|cet\s+article\s+est\s+réservé|(?:alleen|exclusief|enkel)\s+(?:voor|beschikbaar\s+voor)\s+abonnees|dit\s+(?:artikel|is\s+een\s+artikel)\s+(?:is\s+)?(?:exclusief\s+)?voor\s+abonnees|lees\s+verder\s+met|om\s+dit\s+artikel\s+(?:verder\s+)?te\s+lezen|subscribers?\s+only|(?:exclusive\s+)?for\s+subscribers|subscribe\s+to\s+(?:continue|read|unlock)|this\s+(?:article|content)\s+is\s+(?:for|reserved\s+for|only\s+available\s+to)\s+subscribers|nur\s+für\s+abonnenten/i;
/** Said by teasers but also by newsletter prompts: counts only inside a paywall-like block. */
export const SUBSCRIBE_PROMPT =
  /abonnez-vous|je\s+m'abonne|déjà\s+abonné|premium|word\s+abonnee|neem\s+een\s+abonnement|al\s+abonnee|plus-artikel|subscribe\s+now|already\s+a\s+subscriber/i;

/** Class/id of a byline or date line; dropped from the body when short. */
export const META_LINE_HINT =
  /byline|author|auteur|journalist|dateline|timestamp|published|pubdate|(?:^|[\s_-])(?:date|datum|time)(?:$|[\s_-])|signature|article-?info|article__info|article-?meta|article__meta|post-?meta|entry-?meta|[a-z]__meta(?:$|[\s_-])|credits?\b/;

/** A byline ("Par Julie Marchal") or date line ("Publié le 5 janvier 2024 à 14h03"). */
export const META_LINE_TEXT =
  /^(?:(?:(?:posted|written|reported|geschreven|écrit|rédigé|publié|gepost|geschrieben)\s+)?(?:par|door|by|von|texte?|tekst)\s*:?\s+\p{Lu}[^.!?]{0,80}$|(?:publié|publie|mis\s+à\s+jour|modifié|gepubliceerd|bijgewerkt|aangepast|laatste\s+update|published|updated|posted|last\s+updated|veröffentlicht|aktualisiert)\b.{0,150}\d)/iu;

/** Tags whose subtree is never body text. */
export const SKIP_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'canvas',
  'iframe',
  'object',
  'embed',
  'video',
  'audio',
  'button',
  'input',
  'select',
  'textarea',
  'nav',
  'aside',
  'footer',
  'figcaption',
  'dialog',
  'menu',
  'head',
  'link',
  'meta',
  'title',
]);

/** An affiliate disclosure: "We may earn a commission when you buy through links on our site." */
export const AFFILIATE_TEXT =
  /\b(?:(?:we|may)\s+(?:may\s+)?(?:earn|receive|get)\s+(?:an?\s+)?(?:small\s+)?(?:affiliate\s+)?commission|affiliate\s+(?:links?|commission|partnerships?)|liens?\s+(?:d['’]affiliation|affiliés?|sponsorisés)|affiliate\s*links?|affiliatelinks?|commissie\s+(?:ontvangen|verdienen))\b/i;
