// Crawler traps for discovery tests, served under /agenda on an outlet. Nothing else links
// there, so crawls of the outlet's normal pages never see them; a test points discovery at
// /agenda with a section pattern such as "^/agenda".
//   /agenda                           links every trap below, two articles and AMP variants
//   /agenda/calendar?month=YYYY-MM    a month view linking the next and previous month, forever
//   /agenda/today;jsessionid=…        links itself with a new session id on every answer
//   /agenda/list?sid=…                the same with a ?sid= query parameter
//   /agenda/archive/                  links "archive/": one level deeper on every page
//   /agenda/tags/{t}                  links /agenda/tags/{t}-{t}: a URL twice as long each time
import { createHash } from 'node:crypto';
import { content } from '../respond.js';
import type { Chrome } from './chrome.js';
import { renderListing } from './listing-page.js';
import type { Router, SimLang, SimResponse, Story } from '../types.js';

const AGENDA_DATE = '2024-01-02T09:00:00+01:00';

function shiftMonth(month: string, by: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + by, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** A router for /agenda and its traps; `fallback` answers every other path. */
export function withAgendaTraps(
  fallback: Router,
  c: Chrome,
  lang: SimLang,
  origin: string,
  stories: Story[],
): Router {
  let answers = 0;
  // A new session id on every answer, like a server that puts the session in the URL.
  const sid = (): string =>
    createHash('sha1').update(`session-${++answers}`).digest('hex').slice(0, 24);
  const page = (path: string, heading: string, links: Array<[string, string]>): SimResponse =>
    content(
      renderListing(c, {
        lang,
        path,
        url: origin + path,
        title: heading,
        heading,
        description: heading,
        blocks: [
          {
            heading: 'Agenda',
            teasers: stories.slice(0, 2).map((s) => ({
              href: s.path,
              title: s.title,
              lead: s.lead,
              published: s.published,
              sectionName: s.sectionName,
            })),
          },
        ],
        asideLinks: links.map(([href, label]) => ({ href, label })),
      }),
      { lastModified: AGENDA_DATE, cacheControl: 'no-cache' },
    );
  const sessionLinks = (): Array<[string, string]> => [
    [`/agenda/today;jsessionid=${sid()}`, 'Today'],
    [`/agenda/list?sid=${sid()}`, 'All events'],
  ];

  return (pathname, query) => {
    const path = pathname.replace(/;.*$/, '');
    if (path === '/agenda') {
      const amp = stories[0];
      return page('/agenda', 'Agenda', [
        ['/agenda/calendar?month=2024-01', 'Calendar'],
        ...sessionLinks(),
        ['/agenda/archive/', 'Archive'],
        ['/agenda/tags/events', 'Tags'],
        ...(amp
          ? ([
              [`${amp.path}?amp=1`, 'AMP'],
              [`${amp.path}/amp`, 'AMP page'],
            ] as Array<[string, string]>)
          : []),
      ]);
    }
    if (path === '/agenda/calendar') {
      const raw = query.get('month') ?? '';
      const month = /^\d{4}-(0[1-9]|1[0-2])$/.test(raw) ? raw : '2024-01';
      return page(`/agenda/calendar?month=${month}`, `Agenda ${month}`, [
        [`/agenda/calendar?month=${shiftMonth(month, -1)}`, 'Previous month'],
        [`/agenda/calendar?month=${shiftMonth(month, 1)}`, 'Next month'],
        ...sessionLinks(),
      ]);
    }
    if (path === '/agenda/today' || path === '/agenda/list')
      return page(path, 'Today', sessionLinks());
    if (/^\/agenda\/archive(?:\/archive)*\/$/.test(path))
      return page(path, 'Archive', [['archive/', 'Older']]);
    const tag = /^\/agenda\/tags\/([a-z-]+)$/.exec(path)?.[1];
    if (tag) return page(path, 'Tags', [[`/agenda/tags/${tag}-${tag}`, 'More tags']]);
    return fallback(pathname, query);
  };
}
