// The events catalogue (src/events/catalog.ts): config events and the app's events as one
// list, each with its source; an app event may not take a config event's id; a stored
// definition that no longer validates is listed with its problem and left out of the config.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/load.js';
import { buildCatalog, checkAppEvent } from '../../../src/events/catalog.js';
import type { AppEvent } from '../../../src/store/types.js';

const config = loadConfig(join(import.meta.dirname, '../../../config'), {});

function app(id: string, definition: unknown): AppEvent {
  const at = '2026-01-01T00:00:00.000Z';
  return {
    id,
    definition,
    createdBy: 'a@example.test',
    createdAt: at,
    updatedBy: 'b@example.test',
    updatedAt: at,
  };
}

const budget = {
  id: 'budget-2024',
  name: 'Budget',
  window: { from: '2024-01-01', to: '2024-01-31' },
  query: 'budget AND (Bruxelles OR Brussel)',
  languages: ['fr', 'nl'],
};

describe('buildCatalog', () => {
  it('lists config events then app events, each with its source, as one config', () => {
    const configIds = config.events.map((e) => e.id);
    expect(configIds).toContain('vilvoorde-2024');
    const c = buildCatalog(config, [app('budget-2024', budget)], 'r1');
    expect(c.entries.map((e) => [e.event.id, e.source])).toEqual([
      ...configIds.map((id) => [id, 'config']),
      ['budget-2024', 'app'],
    ]);
    expect(c.entries.at(-1)).toMatchObject({
      updatedBy: 'b@example.test',
      event: { languages: ['fr', 'nl'] },
    });
    expect(c.config.events.map((e) => e.id)).toEqual([...configIds, 'budget-2024']);
    expect(c.config.appEventIds).toEqual(['budget-2024']);
    expect(c.revision).toBe('r1');
    expect(c.invalid).toEqual([]);
    expect(Object.isFrozen(c.config.events)).toBe(true);
  });

  it('refuses an app event that takes a config event id, keeping the config one', () => {
    const c = buildCatalog(
      config,
      [app('vilvoorde-2024', { ...budget, id: 'vilvoorde-2024' })],
      'r',
    );
    expect(c.invalid).toEqual([
      { id: 'vilvoorde-2024', problem: 'a config/events file defines the same id' },
    ]);
    const vilvoorde = c.entries.filter((e) => e.event.id === 'vilvoorde-2024');
    expect(vilvoorde.map((e) => e.source)).toEqual(['config']);
    expect(vilvoorde[0]?.event.query).not.toBe(budget.query);
  });

  it('lists an invalid stored definition with its problem and leaves it out', () => {
    const c = buildCatalog(
      config,
      [
        app('bad-query', { ...budget, id: 'bad-query', query: 'budget AND (' }),
        app('bad-window', { ...budget, id: 'bad-window', window: { from: 'soon' } }),
        app('bad-language', { ...budget, id: 'bad-language', languages: ['es'] }),
        app('budget-2024', budget),
      ],
      'r',
    );
    expect(c.invalid.map((i) => i.id)).toEqual(['bad-query', 'bad-window', 'bad-language']);
    expect(c.invalid[0]?.problem).toMatch(/^query: .*column 13/);
    expect(c.invalid[1]?.problem).toMatch(/^window\.from: /);
    expect(c.invalid[2]?.problem).toMatch(/^languages\.0: /);
    expect(c.config.events.map((e) => e.id)).not.toContain('bad-query');
    expect(c.config.appEventIds).toEqual(['budget-2024']);
  });

  it('rebuilt from a config that holds app events, drops those deleted since', () => {
    const first = buildCatalog(config, [app('budget-2024', budget)], 'r1');
    const second = buildCatalog(first.config, [], 'r2');
    expect(second.config.events.map((e) => e.id)).toEqual(config.events.map((e) => e.id));
    expect(second.entries.every((e) => e.source === 'config')).toBe(true);
  });
});

describe('checkAppEvent', () => {
  it('resolves the global aliases in the query', () => {
    const withAlias = { ...budget, query: '@nowhere AND budget' };
    expect(checkAppEvent(withAlias, {})).toMatchObject({
      problem: expect.stringMatching(/^query: /),
    });
    expect(checkAppEvent(withAlias, { nowhere: 'Bruxelles' })).toMatchObject({
      event: { id: 'budget-2024' },
    });
  });
});
