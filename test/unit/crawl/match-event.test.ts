// How the crawl decides a mention for one article and one event (matchEvent, used by
// prepareArticle and the web app's preview): the window, the event's languages, the query.
import { describe, expect, it } from 'vitest';
import { eventSchema, type EventConfig } from '../../../src/config/schema.js';
import { eventWindow } from '../../../src/config/windows.js';
import { matchEvent, type MatchableArticle } from '../../../src/crawl/process-article.js';
import { compileQuery } from '../../../src/match/index.js';

function compiled(over: Partial<EventConfig> = {}) {
  const event = eventSchema.parse({
    id: 'budget',
    name: 'Budget',
    window: { from: '2024-03-01', to: '2024-03-31' },
    query: 'budget AND (Brussels OR Bruxelles OR Brussel)',
    ...over,
  });
  return { event, query: compileQuery(event.query), window: eventWindow(event) };
}

function article(over: Partial<MatchableArticle> = {}): MatchableArticle {
  return {
    title: 'Le budget de Bruxelles adopté',
    lead: null,
    body: 'Le parlement a voté le budget. Bruxelles devra économiser.',
    url: 'https://example.test/a',
    outletId: 'lesoir',
    language: 'fr',
    authors: [],
    published: '2024-03-10T10:00:00+01:00',
    ...over,
  };
}

describe('matchEvent', () => {
  it('matches an article in the window, with its hit sentences', () => {
    const r = matchEvent(compiled(), article());
    expect(r).not.toBeNull();
    expect(r).not.toBe('outside');
    if (!r || r === 'outside') return;
    expect(r.sentences.map((s) => s.text)).toContain('Le budget de Bruxelles adopté');
  });

  it('leaves an article outside the window to the event', () => {
    expect(matchEvent(compiled(), article({ published: '2024-05-01T10:00:00+02:00' }))).toBe(
      'outside',
    );
  });

  it('matches only articles in the event languages when it names some', () => {
    const frOnly = compiled({ languages: ['fr'] });
    const nlOnly = compiled({ languages: ['nl', 'en'] });
    expect(matchEvent(frOnly, article())).toMatchObject({ score: expect.any(Number) });
    expect(matchEvent(nlOnly, article())).toBeNull();
    // An article whose language is unknown is in none of them.
    expect(matchEvent(frOnly, article({ language: null }))).toBeNull();
    // Without languages every language matches, unknown included.
    expect(matchEvent(compiled(), article({ language: null }))).not.toBeNull();
  });

  it('refuses unknown, repeated or empty event languages', () => {
    const base = { id: 'x', name: 'X', window: { from: '2024-01-01' }, query: 'a' };
    expect(eventSchema.safeParse({ ...base, languages: ['es'] }).success).toBe(false);
    expect(eventSchema.safeParse({ ...base, languages: ['fr', 'fr'] }).success).toBe(false);
    expect(eventSchema.safeParse({ ...base, languages: [] }).success).toBe(false);
    expect(eventSchema.parse({ ...base, languages: ['de'] }).languages).toEqual(['de']);
  });
});
