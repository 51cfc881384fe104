// The section an article is filed under: article:section and its variants, JSON-LD
// articleSection, else the breadcrumb trail (JSON-LD BreadcrumbList): its last named step
// before the article itself, home excluded.
import { firstOfType, ldList, ldString } from './json-ld.js';
import type { JsonLd, JsonObject } from './json-ld.js';
import type { PageMeta } from './page-meta.js';
import { firstMeta } from './page-meta.js';

const SECTION_META = ['article:section', 'og:article:section', 'parsely-section', 'section'];
const BREADCRUMB = new Set(['breadcrumblist']);

export function extractSection(meta: PageMeta, ld: JsonLd): string | null {
  return (
    firstMeta(meta, SECTION_META) ?? ldString(ld.article?.['articleSection']) ?? fromBreadcrumbs(ld)
  );
}

function fromBreadcrumbs(ld: JsonLd): string | null {
  const list = firstOfType(ld, BREADCRUMB);
  if (list === null) return null;
  const steps = ldList(list['itemListElement'])
    .filter((v): v is JsonObject => v !== null && typeof v === 'object' && !Array.isArray(v))
    .map((step) => ({
      position: Number(step['position'] ?? 0),
      name: ldString(step['name']) ?? ldString(step['item']),
      linked: step['item'] !== undefined,
    }))
    .sort((a, b) => a.position - b.position);
  // The last step is the article itself when it has no link of its own.
  const last = steps[steps.length - 1];
  if (last !== undefined && !last.linked) steps.pop();
  const section = steps.length > 1 ? steps[steps.length - 1] : undefined;
  return section?.name ?? null;
}
