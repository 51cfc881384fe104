// What follows the end of an article in its own container, told by its words: a reader comment
// thread (its heading), a press release's boilerplate (the "About <company>" profile, forward-
// looking statements, media contacts, "###"), and the closing lines of Korean, Japanese and
// Chinese news (a reporter's e-mail, the copyright notice, （完）, 【编辑：…】, （name）). News bodies are annotated without
// them. The thread is cut while rendering (its blocks are not counted either: a thread of
// <article> comments is not a list of teasers); the rest after rendering, from the end.

/** A comment thread's heading: "7 replies on “…”", "3 comments:", "Leave a Reply", "Reacties (4)". */
const THREAD_HEADING = new RegExp(
  [
    // "7 comments", "No comments:", "12 thoughts on “…”", "One response to …", "4 reacties"
    String.raw`^(?:\d+|no|one|two|three)\s+(?:comments?|replies|reply|responses?|reactions?|thoughts?|commentaires?|réactions?|reacties|reactie|kommentare?)\b`,
    // "Comments", "Reader comments:", "Commentaires"; a bare "Reactions" or "Reacties" is an
    // article's subheading as often as a thread's, and a bare "Commentaire" or "Kommentar"
    // labels an opinion piece
    String.raw`^(?:readers?['’]?\s+)?(?:comments|commentaires|kommentare)\s*:?$`,
    String.raw`^(?:comments?|commentaires?|kommentare?|replies|responses|reactions|réactions|reacties|discussion)\s*\(\d+\)\s*:?$`,
    String.raw`^(?:leave|post|add|write|submit)\s+(?:a|your)\s+(?:comment|reply|response)\b`,
    String.raw`^join\s+the\s+(?:discussion|conversation)\b`,
    String.raw`^(?:laisser|ajouter|écrire|poster|laissez)\s+un\s+commentaire\b`,
    String.raw`^(?:réagir|réagissez|reageer)\b.{0,30}$`,
    String.raw`^(?:laat|plaats|schrijf|geef)\s+(?:een|je|uw)\s+reactie\b`,
    String.raw`^댓글\s*\d*\s*(?:개)?$`,
    String.raw`^コメント\s*(?:\(\d+\)|\d+件?)?$`,
  ].join('|'),
  'i',
);
const THREAD_HEADING_MAX = 120;

/** Whether a heading or short block opens a comment thread. */
export function opensThread(text: string): boolean {
  // A sentence ("No reply.", "Two replies came.") is the story's, never a heading.
  if (text.length > THREAD_HEADING_MAX || SENTENCE_END.test(text)) return false;
  return THREAD_HEADING.test(text);
}
const SENTENCE_END = /[.!?…]["'”’»)]*\s*$/;

/** "About Solvane", "À propos de Solvane", "Over Brantwerk", "About us": a label. */
const ABOUT_LABEL = /^(?:about|à\s+propos\s+d|a\s+propos\s+d|over|über)\b[^.!?]{1,60}$/i;
/** What a company profile says of the company. */
const PROFILE_WORDS =
  /\b(?:founded|established|headquartered|employees|employs|listed\s+on|subsidiary|fondée?|créée?|siège|salariés|collaborateurs|emploie|cotée?|filiale|opgericht|hoofdkantoor|werknemers|medewerkers|genoteerd|dochteronderneming|gegründet|mitarbeiter)\b/i;
/** Labels and lines that end a press release or open its back matter. */
const BACK_MATTER =
  /^(?:#{3,}|-\s*(?:ends?|fin|einde)\s*-|\(?ends?\)?|forward[-\s]looking\s+statements?\b.{0,40}|cautionary\s+(?:note|statement)\b.{0,40}|safe\s+harbou?r\b.{0,40}|déclarations?\s+prospectives?|toekomstgerichte\s+verklaringen|(?:(?:media|press|presse|pers)\s*(?:contacts?|inquiries|enquiries|relations)?|contacts?(?:\s+(?:presse|médias?|media|pour\s+la\s+presse))?|perscontact(?:en)?|persinfo|for\s+(?:more|further)\s+information|pour\s+(?:plus\s+d['’]informations|tout\s+renseignement)|voor\s+meer\s+informatie|notes?\s+(?:to|for)\s+editors?|note\s+aux\s+rédactions?|noot\s+voor\s+de\s+redactie)\s*:?)$/i;
/** A paragraph that opens with a contact label and holds the contact. */
const CONTACT_PARAGRAPH =
  /^(?:(?:media|press|presse|pers)\s*contacts?|contacts?\s+(?:presse|médias?|media)|perscontact)\s*:/i;
/** A paragraph that is the forward-looking-statements notice itself. */
const FORWARD_LOOKING =
  /^(?:this|the)\s+(?:press\s+)?(?:release|announcement|communication)\s+(?:contains|includes|may\s+contain)\s+(?:certain\s+)?forward[-\s]looking/i;
const LABEL_MAX = 80;
/** Text the article must have before its back matter can be cut. */
const TEXT_BEFORE = 100;

/** A copyright line, in the outlets' languages and in Korean, Japanese and Chinese. */
const COPYRIGHT_LINE =
  /^[<[(〈【]?\s*(?:©|ⓒ|\(c\)\s|copyright\b|저작권자|all\s+rights\s+reserved|tous\s+droits\s+réservés|alle\s+rechten\s+voorbehouden|版权所有|著作権|無断転載|무단\s*전재)|(?:무단\s*전재|재배포\s*금지|all\s+rights\s+reserved|無断転載(?:を)?禁(?:じます|止)|版权所有)[\s\S]{0,10}$/i;
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/;
/**
 * What Chinese and Japanese news texts end with: the end mark （完）, the editor's sign-off
 * 【编辑：…】, the reporter's name in full-width brackets （高橋美咲）; repeated at the end of the
 * last line or alone on it.
 */
const END_MARK =
  /(?:\s*(?:[（(]完[)）]|【(?:编辑|责任编辑|責任編集|編集|编审|校对)[：:][^】]{1,30}】|（[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}・ \u3000]{2,14}）))+\s*$/u;
const EMAIL_LINE_MAX = 80;
const EMAIL_LINE_WORDS = 6;

/**
 * The paragraphs without a press release's back matter (from an "About <company>" label
 * followed by a company profile, a forward-looking-statements notice, a contact label or
 * "###" on) and without the closing contact and copyright lines of a news text.
 */
export function withoutBackMatter(paragraphs: string[]): string[] {
  let out = paragraphs;
  let before = 0;
  for (let i = 0; i < paragraphs.length; i++) {
    const p = paragraphs[i] ?? '';
    if (i > 0 && before >= TEXT_BEFORE && endsArticle(p, paragraphs[i + 1])) {
      out = paragraphs.slice(0, i);
      break;
    }
    before += p.length;
  }
  return withoutClosingLines(out);
}

function endsArticle(p: string, next: string | undefined): boolean {
  if (p.length <= LABEL_MAX && BACK_MATTER.test(p)) return true;
  if (CONTACT_PARAGRAPH.test(p) || FORWARD_LOOKING.test(p)) return true;
  return (
    next !== undefined && p.length <= LABEL_MAX && ABOUT_LABEL.test(p) && PROFILE_WORDS.test(next)
  );
}

/** Drops trailing lines that are a copyright notice or a contact e-mail, from the end. */
function withoutClosingLines(paragraphs: string[]): string[] {
  const out = [...paragraphs];
  while (out.length > 1) {
    const last = out[out.length - 1] ?? '';
    const lines = last.split('\n');
    for (;;) {
      const line = lines[lines.length - 1];
      if (line === undefined) break;
      const cut = line.replace(END_MARK, '');
      if (isClosingLine(cut)) lines.pop();
      else {
        lines[lines.length - 1] = cut;
        break;
      }
    }
    if (lines.length === 0) {
      out.pop();
      continue;
    }
    out[out.length - 1] = lines.join('\n');
    break;
  }
  return out;
}

function isClosingLine(line: string): boolean {
  const t = line.trim();
  if (t === '') return true;
  if (t.length <= 120 && COPYRIGHT_LINE.test(t)) return true;
  return t.length <= EMAIL_LINE_MAX && EMAIL.test(t) && t.split(/\s+/).length <= EMAIL_LINE_WORDS;
}

/** The rendered paragraphs with what the renderer knows of them, by index. */
export interface RenderedRun {
  paragraphs: string[];
  /** Paragraphs that are headings: index to rank. */
  headings: Map<number, number>;
  /** Headings that are links to the site's own pages. */
  siteHeadings: Set<number>;
  /** Paragraphs after which a block was dropped as furniture. */
  cuts: Set<number>;
}

/** Teasers in a row: this many linked headlines at least. */
const RUN_MIN = 3;
/** A teaser's blurb: one paragraph shorter than this. */
const BLURB_MAX = 400;
/** Article text that must come first: a page that opens with teasers is a list of them. */
const RUN_AFTER = 150;

/**
 * Without runs of teasers written in the article's own flow: three or more headlines that link
 * to the site's pages, each followed by at most one short paragraph (its blurb), after some
 * article text. Returns the run without them and how many linked headlines went.
 */
export function withoutTeaserRuns(r: RenderedRun): { run: RenderedRun; removed: number } {
  const n = r.paragraphs.length;
  const drop = new Array<boolean>(n).fill(false);
  let removed = 0;
  let before = 0;
  let i = 0;
  while (i < n) {
    if (!r.siteHeadings.has(i) || before < RUN_AFTER) {
      if (!drop[i]) before += (r.paragraphs[i] ?? '').length;
      i++;
      continue;
    }
    // A run: linked headline, optional blurb, linked headline …
    let j = i;
    let count = 0;
    while (j < n && r.siteHeadings.has(j)) {
      count++;
      j++;
      const blurb = r.paragraphs[j];
      if (
        j < n &&
        !r.headings.has(j) &&
        blurb !== undefined &&
        blurb.length < BLURB_MAX &&
        (j + 1 >= n || r.siteHeadings.has(j + 1))
      )
        j++;
    }
    if (count >= RUN_MIN) {
      for (let k = i; k < j; k++) drop[k] = true;
      removed += count;
    } else {
      for (let k = i; k < j; k++) before += (r.paragraphs[k] ?? '').length;
    }
    i = j;
  }
  if (removed === 0) return { run: r, removed };
  const index = new Map<number, number>();
  const paragraphs: string[] = [];
  for (let k = 0; k < n; k++) {
    if (drop[k]) continue;
    index.set(k, paragraphs.length);
    paragraphs.push(r.paragraphs[k] ?? '');
  }
  const remap = <T>(m: ReadonlyMap<number, T>): Map<number, T> => {
    const out = new Map<number, T>();
    for (const [k, v] of m) {
      const to = index.get(k);
      if (to !== undefined) out.set(to, v);
    }
    return out;
  };
  const cuts = new Set<number>();
  for (const k of r.cuts) {
    // A cut after a dropped paragraph moves to the last paragraph kept before it.
    let to: number | undefined;
    for (let m = k; m >= 0 && to === undefined; m--) to = index.get(m);
    if (to !== undefined) cuts.add(to);
  }
  const siteHeadings = new Set<number>();
  for (const k of r.siteHeadings) {
    const to = index.get(k);
    if (to !== undefined) siteHeadings.add(to);
  }
  return { run: { paragraphs, headings: remap(r.headings), siteHeadings, cuts }, removed };
}
