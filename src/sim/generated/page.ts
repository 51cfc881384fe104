// Renders one generated article page of 100-200 KB: the shared article layout with the heavy
// chrome, plus a page-state blob sized by the PRNG, as big news sites ship.
import { createRng, mixSeed } from '../prng.js';
import { renderArticleParts, type ArticleView } from '../site/article-page.js';
import { inlineJson } from '../text.js';
import { BENCH_CHROME, heavyChrome } from './heavy-chrome.js';
import { generatedMeta, generatedText, type GeneratedMeta } from './prose.js';

/** Page sizes in bytes: inside 100 KiB .. 200 kB whichever way a test counts a kilobyte. */
export const MIN_PAGE_BYTES = 104_000;
export const MAX_PAGE_BYTES = 196_000;

const RELATED = 5;

export function renderGenerated(
  seed: number,
  meta: GeneratedMeta,
  total: number,
  origin: string,
): string {
  const text = generatedText(seed, meta);
  const chrome = heavyChrome(meta.lang);
  const related: ArticleView['related'] = [];
  for (let k = 1; k <= RELATED && k < total; k++) {
    const other = generatedMeta(seed, ((meta.n - 1 + k * 7) % total) + 1);
    related.push({ url: origin + other.path, title: other.title });
  }
  const view: ArticleView = {
    id: String(meta.n),
    lang: meta.lang,
    url: origin + meta.path,
    title: meta.title,
    lead: text.lead,
    paragraphs: text.paragraphs,
    published: meta.published,
    authors: [meta.author],
    sectionPath: meta.sectionPath,
    sectionName: meta.sectionName,
    tags: text.tags,
    image: {
      path: `/images/news/${meta.n}.jpg`,
      alt: meta.title,
      caption: meta.title,
      credit: '© BELGA PHOTO BENCH',
    },
    related,
  };
  const { before, after } = renderArticleParts(BENCH_CHROME, view, origin, {
    head: chrome.head,
    header: chrome.header,
    footer: chrome.footer,
  });

  // Fill up to a target size with a Next.js-like state blob of pre-escaped ASCII JSON. Sizes are
  // counted in UTF-16 units (cheap); the few accented letters only add bytes, inside the margin.
  const rng = createRng(mixSeed(seed, meta.n, 3));
  const target = rng.int(MIN_PAGE_BYTES + 4_000, MAX_PAGE_BYTES - 8_000);
  const prefix = `<script id="__NEXT_DATA__" type="application/json">{"props":{"pageProps":{"id":${meta.n},"teasers":[`;
  const suffix = `]}},"page":"/news/[id]/[slug]","query":${inlineJson({ id: String(meta.n) })},"buildId":"sim-${seed}"}</script>`;
  const items: string[] = [];
  let size = before.length + after.length + prefix.length + suffix.length;
  while (size < target) {
    const item = rng.pick(chrome.statePool);
    items.push(item);
    size += item.length + 1;
  }
  return before + prefix + items.join(',') + suffix + after;
}
