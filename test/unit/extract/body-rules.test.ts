// The body rules that raise recall on news pages (standfirst, blocks split across siblings,
// subheadings, lists, tables, short lines) and those that keep page furniture out (date lines,
// bylines, screen-reader text, pointers to other articles, labels left without their section).
// One fixture page per group of rules, written for these tests (test/fixtures/extract).
import { describe, expect, it } from 'vitest';
import { extractFromHtml } from '../../../src/extract/index.js';
import { extractFixture, fixtureBytes } from './fixture.js';

const STANDFIRST =
  'The town council expects two hundred pupils a week to visit the converted barge, which ' +
  'teaches river ecology from April to October.';

function fixtureText(name: string): string {
  return new TextDecoder().decode(fixtureBytes(name));
}

function paragraphs(body: string | null): string[] {
  return (body ?? '').split('\n\n');
}

describe('the standfirst', () => {
  it('opens the body when the page shows its description above the article', () => {
    const a = extractFixture('body-standfirst.html');
    const ps = paragraphs(a.body);
    expect(ps[0]).toBe(STANDFIRST);
    expect(ps[1]).toMatch(/^The barge, moored since 1987/);
    expect(ps).toHaveLength(5);
    expect(a.body).not.toContain('Ann Roe');
    expect(a.body).not.toContain('floating classroom');
  });

  it('opens the body when its class marks it, whatever the description says', () => {
    const html = fixtureText('body-standfirst.html')
      .replace('class="s4fw2"', 'class="article__chapo"')
      .replace(/content="The town council expects[^"]*"/, 'content="A barge for pupils…"');
    expect(paragraphs(extractFromHtml(html, 'https://news.test/a').body)[0]).toBe(STANDFIRST);
  });

  it('is the shown description, not the marked block around it and the byline', () => {
    const html = fixtureText('body-standfirst.html')
      .replace('<p class="s4fw2">', '<div class="article-intro"><div>Ann Roe, in Harwick</div><p>')
      .replace('October.\n          </p>', 'October.</p></div>');
    const ps = paragraphs(extractFromHtml(html, 'https://news.test/a').body);
    expect(ps[0]).toBe(STANDFIRST);
  });

  it('is not repeated when the body already holds it', () => {
    const html = fixtureText('body-standfirst.html').replace(
      '<div class="s8p01">',
      `<div class="s8p01"><p>${STANDFIRST}</p>`,
    );
    const body = extractFromHtml(html, 'https://news.test/a').body ?? '';
    expect(body.split(STANDFIRST)).toHaveLength(2);
  });
});

describe('an article split in sibling blocks', () => {
  const body = extractFixture('body-split-blocks.html').body ?? '';

  it('keeps a block built like the winner even when it holds no paragraph to score', () => {
    // Same first class token ("story-block"), another modifier, and a "no_caption" class.
    expect(body.startsWith('Les travaux de la passerelle ont pris six mois de retard')).toBe(true);
  });

  it('keeps the subheadings (one of them a link), lists and tables between the blocks', () => {
    expect(body).toContain('\n\nUn budget revu à la hausse\n\nLe coût des travaux passe');
    expect(body).toContain(
      'Ce qui change pour les usagers\n\n- un revêtement antidérapant sur toute la longueur ;',
    );
    const i = body.indexOf('Le coût des travaux');
    const j = body.indexOf('Ce qui change pour les usagers');
    const k = body.indexOf('Pendant les derniers travaux');
    expect(i).toBeLessThan(j);
    expect(j).toBeLessThan(k);
  });

  it('keeps a data table whose cells are links, and the block that holds it', () => {
    expect(body).toContain('Phase | Coût | Fin prévue\nDémontage | 95 000 € | octobre');
    expect(body).toContain('Tablier | 155 000 € | août');
  });

  it('keeps a definition list of text, pictograms and all', () => {
    expect(body).toContain("l'appui en béton qui tient chaque extrémité");
  });
});

describe('an article in several <section> chapters', () => {
  it('keeps the next chapter, its subheading included', () => {
    const body = extractFixture('body-chapters.html').body ?? '';
    expect(body.startsWith('In de oude brandweerkazerne van Oostmeer')).toBe(true);
    expect(body).toContain('\n\nWie kan een fiets lenen?\n\nElk gezin dat in Oostmeer woont');
    expect(body).toContain('herstellen hoort bij het project.');
  });
});

describe('short lines', () => {
  const body = extractFixture('body-short-lines.html').body ?? '';

  it('keeps one-line paragraphs of dialogue', () => {
    for (const line of ['“It is.”', '“Until when?”', '“Until April.”', 'He laughed.']) {
      expect(paragraphs(body)).toContain(line);
    }
  });

  it('leaves out player controls and buttons', () => {
    expect(body).not.toContain('Play Video');
    expect(body).not.toContain('Fullscreen');
  });
});

describe('furniture inside the article container', () => {
  const a = extractFixture('body-furniture.html');
  const body = a.body ?? '';

  it('keeps the text, a dateline inside the first sentence included', () => {
    expect(body.startsWith('HARWICK — The town council approved on Tuesday evening')).toBe(true);
    expect(body).toContain('The mayor said the work would start in September');
    expect(body).toContain('Opponents, who collected eight hundred signatures');
    expect(paragraphs(body).at(-1)).toMatch(/^A public meeting on the layout/);
  });

  it('drops the headline, the byline and the date line', () => {
    expect(body).not.toContain('Harwick council votes new cycle lanes');
    expect(body).not.toContain('Tom Bell');
    expect(body).not.toContain('March 12, 2024');
    expect(body).not.toContain('21:40');
  });

  it('drops text meant for screen readers only', () => {
    expect(body).not.toContain('Continue reading');
  });

  it('drops "Related:" pointers and the links after a bare "Read more:"', () => {
    expect(body).not.toContain('Related');
    expect(body).not.toContain('Read more');
    expect(body).not.toContain('Winter ferry timetable');
    expect(body).not.toContain('Harbour road to be resurfaced');
  });

  it('drops labels and headings whose section was left out', () => {
    expect(body).not.toContain('More from the harbour');
    expect(body).not.toContain('Reactions');
    expect(body).not.toContain('fish market gets');
  });
});

describe('a live blog', () => {
  const entry = (i: number): string =>
    `<div class="live-entry"><time datetime="2024-11-19T16:${10 + i}:00+01:00">16h${10 + i}</time>` +
    `<p>Mise à jour numéro ${i} du direct, avec assez de texte pour former un paragraphe lisible.</p>` +
    `<button class="live-entry__share" aria-label="Partager ce message"><svg><use href="#i"></use></svg></button></div>`;
  const html = `<html><body><main><article><h1>Grève : suivez notre direct</h1>
    <div class="live-entries">${[1, 2, 3, 4, 5, 6].map(entry).join('')}</div>
    <form class="newsletter"><input type="email"><button>OK</button></form></article></main></body></html>`;

  it('keeps every entry although each has a share button, and drops their time stamps', () => {
    const body = extractFromHtml(html, 'https://x.test/direct').body ?? '';
    expect(paragraphs(body)).toHaveLength(6);
    expect(body).toContain('Mise à jour numéro 6');
    expect(body).not.toMatch(/16h1\d/);
  });
});

describe('paragraphs written as text between <br><br> (older CMSs)', () => {
  const links = Array.from({ length: 12 }, (_, i) => `<a href="/s${i}">Section ${i}</a>`).join(
    ' | ',
  );
  const box = (i: number): string =>
    `<div class="box"><b>Agenda ${i}</b><br><a href="/agenda/${i}">Concert in the park, free entry</a></div>`;
  const html = `<html><body><table class="main"><tr><td colspan="3">${links}</td></tr><tr>
    <td class="leftcol">${[1, 2, 3, 4, 5].map(box).join('')}</td>
    <td class="centercol"><h1>Black ice warning for Tuesday</h1><table><tr><td>
    <div class="articletext">
    The weather institute has issued a yellow warning for black ice across the whole country tonight.<br><br>
    Temperatures are expected to fall below zero overnight, and wet roads could freeze quickly, especially in the hills.<br><br>
    Gritters will be out on the motorways from eight, and motorists are advised to allow extra time.<br><br>
    Temperatures should rise above freezing by Tuesday afternoon, with rain forecast for Wednesday.
    </div></td></tr></table></td>
    <td class="rightcol">${[6, 7, 8, 9, 10].map(box).join('')}</td></tr></table></body></html>`;

  it('takes the text block, not the layout table around it, and keeps each paragraph', () => {
    const body = extractFromHtml(html, 'https://x.test/a').body;
    expect(paragraphs(body)).toHaveLength(4);
    expect(body).toMatch(/^The weather institute/);
    expect(body).not.toContain('Agenda');
    expect(body).not.toContain('Section');
  });
});

describe('a table of figures in a <figure>, and a meta line named element__meta', () => {
  const text = (n: number): string =>
    `<p>Paragraphe ${n} de l'article, avec assez de mots pour compter comme un vrai paragraphe de texte.</p>`;
  const html = `<html><body><article><h1>Logement social : le plan de rénovation</h1>
    <div class="article-detail__meta"><span class="article-detail__author">Anne Leroy</span><span class="article-detail__update">Mis à jour le 28-06-2024 à 09h15</span></div>
    <div class="entry-content">${text(1)}${text(2)}
    <figure class="wp-block-table"><table><thead><tr><th>Province</th><th>Logements</th><th>Budget</th></tr></thead>
    <tbody><tr><th>Hainaut</th><td>4 900</td><td>480</td></tr><tr><th>Namur</th><td>1 500</td><td>150</td></tr></tbody></table></figure>
    ${text(3)}${text(4)}</div></article></body></html>`;
  const body = extractFromHtml(html, 'https://x.test/a').body ?? '';

  it('keeps the table', () => {
    expect(body).toContain('Hainaut | 4 900 | 480');
  });

  it('drops the byline and update line', () => {
    expect(body).not.toContain('Anne Leroy');
    expect(body).not.toContain('Mis à jour');
  });
});

describe('short blocks are judged on their own text, not on buttons or icon titles', () => {
  const para = (n: number): string =>
    `<p>Paragraphe ${n} de l'article, avec assez de mots pour compter comme un vrai paragraphe de texte.</p>`;
  const html = `<html><body><article><h1>Un titre</h1>
    <div class="info">Publié le 5 janvier 2024 à 14h03 <button>Partager sur Facebook</button><button>Copier le lien</button></div>
    ${para(1)}${para(2)}
    <p>Lire aussi : <a href="/b">Un autre article</a><svg><title>Icône flèche vers la droite du lien</title></svg></p>
    ${para(3)}${para(4)}</article></body></html>`;
  const body = extractFromHtml(html, 'https://x.test/a').body ?? '';

  it('drops a date line that carries share buttons, and a pointer with an icon title', () => {
    expect(paragraphs(body)).toHaveLength(4);
    expect(body).not.toContain('Publié le');
    expect(body).not.toContain('Lire aussi');
  });
});

describe('classes that name a paywall or furniture on the article itself', () => {
  const para = (n: number): string =>
    `Paragraph ${n} of the article, with enough words in it to read as a real paragraph of text.`;

  it('keeps free paragraphs marked "paywall" and drops the real prompt', () => {
    const html = `<html><body><article><h1>Pension funds buy ships</h1>
      ${[1, 2, 3, 4].map((n) => `<p class="Paragraph_text-x1 paywall">${para(n)}</p>`).join('')}
      <div class="paywall-prompt"><p>Subscribe now to keep reading.</p><a href="/s">Subscribe</a></div>
      </article></body></html>`;
    const a = extractFromHtml(html, 'https://x.test/a');
    expect(paragraphs(a.body)).toHaveLength(4);
    expect(a.body).not.toContain('Subscribe');
    // The class on free paragraphs is no paywall badge: without the prompt the page is free.
    const free = html.replace(/<div class="paywall-prompt">[\s\S]*?<\/div>/, '');
    expect(extractFromHtml(free, 'https://x.test/a').access).toBe('free');
  });

  it('keeps a body marked "subscriber-premium", without the subscribe card inside it', () => {
    const html = `<html><body><h1>Riverside pool reopens</h1>
      <div id="article-body" class="asset-content subscriber-premium">
      <p>${para(1)}</p><p>${para(2)}</p>
      <div class="subscription-required"><h3>Subscribe for unlimited access</h3><a href="/s">Sign up</a></div>
      <p>${para(3)}</p><p>${para(4)}</p></div></body></html>`;
    const a = extractFromHtml(html, 'https://x.test/a');
    expect(paragraphs(a.body)).toHaveLength(4);
    expect(a.body).not.toContain('unlimited');
  });

  it('keeps the container of the headline whatever its class says', () => {
    const html = `<html><body><div class="story sponsored-story"><h1>A partner's report</h1>
      ${[1, 2, 3, 4].map((n) => `<p>${para(n)}</p>`).join('')}</div></body></html>`;
    expect(paragraphs(extractFromHtml(html, 'https://x.test/a').body)).toHaveLength(4);
  });
});

describe('a body hidden by its own class', () => {
  const para = (n: number): string =>
    `<p>Paragraph ${n} of the article, with enough words in it to read as a real paragraph of text.</p>`;
  // The headline sits in a header of its own; the body's class names a widget it carries.
  const html = (
    cls: string,
  ): string => `<html><body><header><h1>Council backs new bridge</h1></header>
    <div class="${cls}">${[1, 2, 3, 4, 5, 6].map(para).join('')}</div></body></html>`;

  it('is read by a last attempt that ignores classes when every other found next to nothing', () => {
    expect(
      paragraphs(extractFromHtml(html('article-body comments-enabled'), 'https://x.test/a').body),
    ).toHaveLength(6);
  });

  it('but not on a paywalled page, whose hidden text stays hidden', () => {
    const locked = html('article-body comments-enabled').replace(
      '</div>',
      '</div><p class="notice">Dit artikel is exclusief voor abonnees.</p>',
    );
    expect(extractFromHtml(locked, 'https://x.test/a').body).toBeNull();
  });
});
