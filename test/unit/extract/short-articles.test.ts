// Issue 14: no real article comes out empty, short articles keep only their text, lists and
// headed sections are kept whole. One test per rule; the gold pages en-blogger-harbour-ferry,
// ko-stardaily-column-stage, en-blog-allotment-bees, en-pressrelease-solvane-ghent,
// fr-courrier-thudinie-passerelle and en-deals-spring-sale show them on whole pages.
import { describe, expect, it } from 'vitest';
import { extractFromHtml, hasArticleBody } from '../../../src/extract/index.js';
import { measuredLength, wordCount } from '../../../src/extract/words.js';

const page = (head: string, body: string, lang = 'en'): string =>
  `<!DOCTYPE html><html lang="${lang}"><head>${head}</head><body>${body}</body></html>`;
const extract = (html: string, url = 'https://news.test/a/1') => extractFromHtml(html, url);

const LONG_P = (n: number): string =>
  `<p>Paragraph ${n} of the story tells what the council decided on Tuesday evening, who voted for it and what happens next for the people who live along the river.</p>`;

describe('never empty on an article', () => {
  it('keeps text split by <br><br> between photos (a blog post without <p>)', () => {
    const img = (n: number): string =>
      `<div class="separator"><a href="/img/${n}.jpg"><img src="/img/${n}.jpg"></a></div><br />`;
    const html = page(
      '<title>Ferry back in service</title>',
      `<div class="post hentry"><h3 class="post-title">Ferry back in service</h3>
      <div class="post-body entry-content">The night ferry is back in service from Monday, after eleven weeks of repairs to its ramp and one of its engines.<br /><br />
      ${img(1)}The council confirmed on Friday that the boat passed its inspection, and the timetable is the same as before the winter.<br /><br />
      ${img(2)}Season tickets bought before December stay valid, and the council will add eleven weeks to them.<br />
      </div></div>`,
    );
    const a = extract(html);
    expect(a.body).toContain('passed its inspection');
    expect(a.body).toContain('Season tickets');
    expect(a.noArticleReason).toBeNull();
  });

  it('keeps a short text under an article headline, with the evidence of the headline', () => {
    const body = `<article><h1>Bridge closed tonight</h1>
      <p>The Lange Brug will be closed to all traffic from 22.00 tonight until 05.00 on Wednesday for an inspection of its bearings.</p>
      <p>Buses 12 and 14 take the Noordbrug.</p></article>`;
    // Under 200 characters: without an article headline, not an article.
    const bare = extract(page('<title>Bridge</title>', body));
    expect(bare.body).toBeNull();
    expect(bare.noArticleReason).toMatch(/^too short: \d+ characters and no article headline/);
    for (const head of [
      '<title>Bridge closed tonight</title>',
      '<title>Bridge</title><meta property="og:type" content="article">',
      '<title>Bridge</title><script type="application/ld+json">{"@type":"NewsArticle","headline":"Bridge"}</script>',
    ]) {
      const a = extract(page(head, body));
      expect(a.body).toContain('Lange Brug');
      expect(a.body).toContain('Noordbrug');
    }
  });

  it('measures Korean, Japanese and Chinese text in characters that count for what they carry', () => {
    expect(measuredLength('abc')).toBe(3);
    expect(measuredLength('서울')).toBe(4);
    expect(measuredLength('東京')).toBe(6);
    expect(wordCount('The council met on Tuesday')).toBe(5);
    expect(wordCount('市議会は火曜日に会合を開いた')).toBe(7);
    // A short Korean column split by <br><br>, no <p>, no lang, no h1: an article.
    const lines = [
      '지난 주말 소극장에서 열린 뮤지컬의 스물두 번째 공연은 평소와 조금 달랐다.',
      '막이 오르기 직전, 주연 배우가 무대 앞으로 나와 객석 맨 앞줄의 빈자리를 가리켰다.',
      '첫 공연부터 한 번도 빠짐없이 찾아온 관객의 자리였다.',
      '작은 무대는 그렇게 관객 한 사람 한 사람을 기억한다.',
    ];
    const html = `<html><head><title>객석의 빈자리</title></head><body><div class="menu"><a href="/">홈</a></div>
      <div class="article_txt">${lines.join('<br><br>')}</div></body></html>`;
    const a = extract(html);
    expect(a.body?.split('\n\n')).toEqual(lines);
    expect(a.language).toBeNull();
    // 190 Hangul syllables are a short article, but an article: worth keeping without a browser.
    expect(hasArticleBody({ ...a, body: lines.join('\n\n').repeat(2) })).toBe(true);
  });

  it('says why a page has no body: teasers, error page, photo gallery', () => {
    const teaser = (n: number): string =>
      `<article class="card"><h2><a href="/news/${n}">Headline of story ${n}</a></h2><p>Two lines about that story, as a home page writes under each headline. A second sentence says a little more about it, with a place and a date.</p></article>`;
    const home = extract(
      page(
        '<title>Home</title>',
        `<main><section class="latest">${[1, 2, 3, 4, 5, 6].map(teaser).join('')}</section></main>`,
      ),
    );
    expect(home.body).toBeNull();
    expect(home.noArticleReason).toMatch(/^list of teasers: 6 /);

    const error = extract(
      page(
        '<title>Page not found</title>',
        `<h1>Page not found</h1><p>Oops! The page you are looking for can’t be found. It may have been moved, or the link you followed may be broken. Try searching for it, or head back to the homepage.</p>`,
      ),
    );
    expect(error.body).toBeNull();
    expect(error.noArticleReason).toMatch(/^error page: /);

    const photos = [1, 2, 3, 4, 5, 6, 7]
      .map((n) => `<figure><img src="/p/${n}.jpg"><figcaption>Runner ${n}</figcaption></figure>`)
      .join('');
    const gallery = extract(
      page(
        '<title>City run in pictures</title><meta property="og:type" content="article">',
        `<article><h1>City run in pictures</h1><p>More than 4,000 runners took part in the city run on Sunday: here are our photos.</p>${photos}</article>`,
      ),
    );
    expect(gallery.body).toBeNull();
    expect(gallery.noArticleReason).toMatch(/^(?:photo gallery|too short)/);
  });
});

describe('short articles keep only their text', () => {
  const article = `<p>Two hives are back on the allotments for the first time since 2019, after the society agreed to let a beekeeper use the empty plot by the north gate.</p>
    <p>Plot holders voted 41 to 6 in favour. The hives will stay until October.</p>`;

  it('ends the article where a comment thread begins, even when its heading was left out', () => {
    const note = (n: number): string =>
      `<article class="note"><div class="note-author">Reader ${n}</div><time datetime="2024-05-14T19:0${n}:00Z">7:0${n} pm</time><p>Comment number ${n} says something about bees and beans, long enough to read as a paragraph of text on its own.</p><a href="#r${n}">Reply</a></article>`;
    for (const heading of [
      '<h2>5 replies on “Bees return”</h2>',
      '<div class="discussion-header"><h3>Leave a Reply</h3></div>',
      '<h4>5 comments:</h4>',
      '<h3>Reacties (5)</h3>',
    ]) {
      const html = page(
        '<title>Bees return</title><meta property="og:type" content="article">',
        `<main><article><h1>Bees return</h1><div class="entry">${article}</div></article>
        <div class="discussion">${heading}${[1, 2, 3, 4, 5].map(note).join('')}</div></main>`,
      );
      const a = extract(html);
      expect(a.body, heading).toContain('41 to 6');
      expect(a.body, heading).not.toContain('Comment number');
    }
  });

  it('keeps an opinion piece headed "Commentaire", and a "Reactions" section of the story', () => {
    const html = page(
      '<title>Budget</title>',
      `<article><h1>Budget</h1>${LONG_P(1)}<h2>Reactions</h2>${LONG_P(2)}<section><h2>Commentaire</h2>${LONG_P(3)}${LONG_P(4)}</section></article>`,
      'fr',
    );
    const body = extract(html).body ?? '';
    expect(body).toContain('Paragraph 2');
    expect(body).toContain('Paragraph 4');
  });

  it('keeps a story line that reads like a thread heading but is a sentence', () => {
    const html = page(
      '<title>The clerk</title>',
      `<article><h1>The clerk</h1>${LONG_P(1)}<p>"Bartleby," said I, gently calling to him behind the screen.</p><p>No reply.</p>${LONG_P(2)}${LONG_P(3)}</article>`,
    );
    expect(extract(html).body).toContain('Paragraph 3');
  });

  it("leaves out a press release's back matter: About, forward-looking statements, contacts, ###", () => {
    const release = `<p>GHENT--(PRESSWIRE)--Solvane NV today opened a battery recycling line at its Ghent site that will process up to 8,000 tonnes of batteries a year.</p>
      <p>The line recovers nickel, cobalt and lithium for reuse in new cells.</p>`;
    const tails = [
      '<p><b>About Solvane</b></p><p>Solvane NV is a materials company founded in 1962 with 2,300 employees in six countries.</p>',
      '<h3>À propos d’Ardelis</h3><p>Ardelis est une entreprise namuroise fondée en 2011, qui emploie 140 collaborateurs.</p>',
      '<p><strong>Over Brantwerk</strong></p><p>Brantwerk is een Gentse onderneming met 300 medewerkers, opgericht in 1987.</p>',
      '<p><b>Forward-looking statements</b></p><p>This release contains statements about the future.</p>',
      '<p>###</p><p>Solvane is listed on Euronext Brussels.</p>',
      '<p>Media contact: Jens Verhaeghe, +32 9 555 01 77, press@solvane.test</p>',
      '<p>Perscontact</p><p>Jens Verhaeghe<br>+32 9 555 01 77</p>',
    ];
    for (const tail of tails) {
      const html = page(
        '<title>Solvane opens recycling line</title>',
        `<div class="release"><h1>Solvane opens recycling line</h1>${release}${tail}</div>`,
      );
      const body = extract(html).body ?? '';
      expect(body, tail).toContain('nickel, cobalt');
      expect(body.split('\n\n'), tail).toHaveLength(2);
    }
  });

  it('keeps an "About …" subheading that heads the story rather than a company profile', () => {
    const html = page(
      '<title>Festival</title>',
      `<article><h1>Festival</h1>${LONG_P(1)}<h2>About 4,000 visitors</h2>${LONG_P(2)}<h2>Over de route</h2>${LONG_P(3)}</article>`,
    );
    const body = extract(html).body ?? '';
    expect(body).toContain('Paragraph 2');
    expect(body).toContain('Paragraph 3');
  });

  it('drops closing e-mail and copyright lines', () => {
    const html = `<html><head><title>무대</title><meta property="og:type" content="article"></head><body><div class="article_txt">
      지난 주말 소극장에서 열린 뮤지컬의 스물두 번째 공연은 평소와 조금 달랐다.<br><br>
      막이 오르기 직전, 주연 배우가 무대 앞으로 나와 객석 맨 앞줄의 빈자리를 가리켰다.<br><br>
      한소율 칼럼니스트 stage@stardaily.test<br>&lt;저작권자 &copy; 스타데일리, 무단전재 및 재배포 금지&gt;</div></body></html>`;
    const body = extract(html).body ?? '';
    expect(body).toContain('빈자리를');
    expect(body).not.toContain('stardaily');
    expect(body).not.toContain('저작권자');
  });

  it('drops the end marks and sign-offs of Chinese and Japanese news', () => {
    const zh = `<html><head><title>电梯</title><meta property="og:type" content="article"></head><body><div class="content">
      <p>\u3000\u3000青溪市住建局8日表示，今年将为全市一百二十个老旧小区加装电梯，首批工程已于本月开工。</p>
      <p>\u3000\u3000据介绍，加装电梯的费用由政府补贴和居民共同承担，预计年底前全部完工。（完）</p>
      <p>【编辑：李明】</p></div></body></html>`;
    const zhBody = extract(zh).body ?? '';
    expect(zhBody).toContain('预计年底前全部完工。');
    expect(zhBody).not.toMatch(/完）|编辑/);
    const ja = `<html><head><title>フェリー</title><meta property="og:type" content="article"></head><body><div class="honbun">
      <p>小鷺島と本土を結ぶフェリーの新しい船が、来月から運航を始めることが決まりました。</p>
      <p>運航会社によりますと、新しい船は定員が二百人で、車も二十台まで載せることができます。（高橋美咲）</p></div></body></html>`;
    const jaBody = extract(ja).body ?? '';
    expect(jaBody).toContain('できます。');
    expect(jaBody).not.toContain('高橋');
  });

  it('leaves out teasers written in the article’s own flow after it', () => {
    const teaser = (n: number): string =>
      `<img src="/t${n}.jpg"><h3><a href="/region/${n}">Another story from the region, number ${n}</a></h3><p>One sentence about that other story, long enough to be more than the article around it, written for teaser ${n}.</p>`;
    const html = page(
      '<title>Footbridge reopens</title>',
      `<div class="texte"><h1>Footbridge reopens</h1><p>Closed since November, the footbridge between the lower town and the towpath reopens on Saturday at 9.</p><p>Its wooden deck was replaced after the winter floods.</p>
      <h2>In the region</h2>${[1, 2, 3, 4].map(teaser).join('')}</div>`,
    );
    const a = extract(html);
    expect(a.body).toContain('wooden deck');
    expect(a.body).not.toContain('Another story');
    expect(a.body).not.toContain('In the region');
  });

  it('keeps the first attempt’s text when a later one only adds what classes left out', () => {
    // Under 500 characters the extractor tries again reading past class hints; a caption is
    // not a reason to take that longer text.
    const html = page(
      '<title>Footbridge</title><meta property="og:type" content="article">',
      `<div class="story"><h1>Footbridge</h1><p>Closed since November, the footbridge between the lower town and the towpath reopens on Saturday at 9.</p>
      <div class="photo"><img src="/f.jpg"><p class="caption">The new deck, photographed on Thursday from the towpath. Photo: Camille Dehon</p></div>
      <p>Its wooden deck was replaced after the winter floods, for 210,000 euros.</p></div>`,
    );
    const body = extract(html).body ?? '';
    expect(body).toContain('wooden deck');
    expect(body).not.toContain('photographed');
  });

  it('leaves out an affiliate disclosure', () => {
    const html = page(
      '<title>Deals</title>',
      `<article><h1>Deals</h1><p>When you buy through links on our site, we may earn an affiliate commission.</p>${LONG_P(1)}${LONG_P(2)}${LONG_P(3)}</article>`,
    );
    expect(extract(html).body).not.toContain('commission');
  });
});

describe('lists and headed sections are kept', () => {
  const card = (n: number): string =>
    `<div class="product-card"><h3><a href="https://shop${n}.example/p/${n}" rel="sponsored">Product ${n}: was €${100 + n}, now €${50 + n} at Shop ${n}</a></h3>
    <figure><img src="/d/${n}.jpg"><figcaption>Image credit: Shop ${n}</figcaption></figure>
    <div class="product-card__text"><p>Product ${n} is the one our reviewer kept after testing eleven of them, and this is the lowest price we have seen since it came out in March this year.</p></div>
    <ul><li>Feature one of product ${n}</li><li>Feature two of product ${n}</li></ul>
    <a class="button" href="https://shop${n}.example/p/${n}" rel="sponsored">View deal</a></div>`;
  const html = page(
    '<title>The best deals</title><meta property="og:type" content="article">',
    `<article><h1>The best deals</h1><div class="article-content">
    <div class="block-text"><p>Spring sales have started early this year, and several shops have cut prices on things we have tested and liked, checked against each product's price history.</p></div>
    <div class="section-heading"><h2>Kitchen</h2></div>${[1, 2, 3].map(card).join('')}
    <div class="section-heading"><h2>Garden</h2></div>${[4, 5, 6].map(card).join('')}
    </div></article>`,
  );

  it('keeps product blocks whose links lead to shops, with their headings and lists', () => {
    const a = extract(html, 'https://deals.test/spring');
    expect(a.noArticleReason).toBeNull();
    for (const n of [1, 2, 3, 4, 5, 6]) {
      expect(a.body).toContain(`Product ${n}: was`);
      expect(a.body).toContain(`Product ${n} is the one`);
      expect(a.body).toContain(`- Feature two of product ${n}`);
    }
    expect(a.body).toContain('Garden');
  });

  it('leaves out the buy buttons standing alone between blocks', () => {
    expect(extract(html, 'https://deals.test/spring').body).not.toContain('View deal');
  });
});
