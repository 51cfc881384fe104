// `mediawatch mention list`: an event's mentions with their article ids and the analyst's
// decisions, to pick one. `mediawatch mention set`: an analyst's decision about one mention (not
// relevant, tags, tone). Stored apart from the crawler's data (mention_overrides), so recrawls
// keep it. The event's stored coverage summary is refreshed at once; reports always compute
// their own.
import { Command, Option } from 'commander';
import { findEvent, type Config } from '../../../src/config/load.js';
import { MwError } from '../../../src/errors.js';
import type { OverridePatch, Store } from '../../../src/store/index.js';
import { reviewMentions } from '../../../src/coverage/review.js';
import { withStore } from '../../runtime.js';
import type { MentionOverride, Tone } from '../../../src/summarize/types.js';
import { loadFor } from '../context.js';

interface SetOptions {
  relevant?: boolean;
  tag: string[];
  untag: string[];
  tone?: Tone | 'none';
}

const collect = (v: string, prev: string[]): string[] => [...prev, v.trim()];

function describe(o: MentionOverride): string {
  return (
    `event ${o.eventId}, article ${o.articleId}: ${o.relevant ? 'relevant' : 'NOT RELEVANT (left out of reports and alerts)'}` +
    `; tags: ${o.tags.length ? o.tags.join(', ') : 'none'}; tone: ${o.tone ?? 'not set'}\n`
  );
}

/** The override as it stands (defaults when none), or null when there is no such mention. */
async function current(
  store: Store,
  eventId: string,
  articleId: number,
): Promise<MentionOverride | null> {
  const found = (await store.mentionOverrides(eventId)).find((o) => o.articleId === articleId);
  if (found) return found;
  const mention = (await store.mentions(eventId)).find((m) => m.articleId === articleId);
  return mention
    ? { eventId, articleId, relevant: true, tags: [], tone: null, updatedAt: mention.matchedAt }
    : null;
}

function setCommand(): Command {
  return new Command('set')
    .description(
      "record an analyst's decision about a mention; it survives recrawls. Without a change, prints the current one",
    )
    .argument('<event>', 'event id')
    .argument('<article-id>', 'article id (the article_id column of the CSV or Excel export)')
    .addOption(
      new Option(
        '--not-relevant',
        'leave it out of totals, exports and alerts (kept in the database)',
      ).conflicts('relevant'),
    )
    .addOption(new Option('--relevant', 'undo --not-relevant'))
    .addOption(
      new Option('--tag <tag>', 'add a tag (repeatable)').argParser(collect).default([], 'none'),
    )
    .addOption(
      new Option('--untag <tag>', 'remove a tag (repeatable)')
        .argParser(collect)
        .default([], 'none'),
    )
    .addOption(
      new Option('--tone <tone>', 'the analyst tone; none clears it').choices([
        'positive',
        'neutral',
        'negative',
        'none',
      ]),
    )
    .action(
      async (
        eventId: string,
        articleArg: string,
        opts: SetOptions & { notRelevant?: boolean },
        cmd: Command,
      ) => {
        const articleId = Number(articleArg);
        if (!Number.isSafeInteger(articleId) || articleId <= 0) {
          throw new MwError(
            'MW_ERR_BAD_ARGUMENT',
            `article id must be a positive integer, got "${articleArg}"`,
          );
        }
        const bad = [...opts.tag, ...opts.untag].find((t) => t.length === 0 || t.length > 64);
        if (bad !== undefined)
          throw new MwError('MW_ERR_BAD_ARGUMENT', 'a tag is 1 to 64 characters');
        const config = loadFor(cmd);
        const patch: OverridePatch = {};
        if (opts.notRelevant) patch.relevant = false;
        if (opts.relevant) patch.relevant = true;
        if (opts.tag.length) patch.addTags = opts.tag;
        if (opts.untag.length) patch.removeTags = opts.untag;
        if (opts.tone) patch.tone = opts.tone === 'none' ? null : opts.tone;

        await withStore(config, async (store) => {
          const event = findEvent(await withAppEvents(store, config), eventId);
          // The same path as the web app's review queue (src/coverage/review.ts): the
          // override, then the event's coverage summary when relevance changed.
          const override =
            Object.keys(patch).length === 0
              ? await current(store, event.id, articleId)
              : ((
                  await reviewMentions(store, config, {
                    eventId: event.id,
                    articleIds: [articleId],
                    patch,
                  })
                )[0]?.override ?? null);
          if (!override) {
            throw new MwError(
              'MW_ERR_UNKNOWN_MENTION',
              `event "${event.id}" has no mention of article ${articleId} (see the article_id column of: mediawatch report ${event.id} --format csv)`,
            );
          }
          process.stdout.write(describe(override));
        });
      },
    );
}

/** The config with the web app's events beside config/events (an app event's id works too). */
async function withAppEvents(store: Store, config: Config): Promise<Config> {
  const { loadCatalog } = await import('../../../src/events/catalog.js');
  return (await loadCatalog(store, config)).config;
}

export interface MentionRow {
  articleId: number;
  published: string | null;
  outlet: string;
  language: string | null;
  relevant: boolean;
  tags: string[];
  tone: Tone | null;
  title: string | null;
  url: string;
}

/** The event's mentions by publication time (undated last), each with its override. */
export async function mentionRows(store: Store, eventId: string): Promise<MentionRow[]> {
  const [mentions, overrides] = await Promise.all([
    store.mentions(eventId),
    store.mentionOverrides(eventId),
  ]);
  const byArticle = new Map(overrides.map((o) => [o.articleId, o]));
  return mentions
    .map((m) => {
      const o = byArticle.get(m.articleId);
      return {
        articleId: m.articleId,
        published: m.article.published,
        outlet: m.article.outletId,
        language: m.article.language,
        relevant: o?.relevant ?? true,
        tags: o?.tags ?? [],
        tone: o?.tone ?? null,
        title: m.article.title,
        url: m.article.url,
      };
    })
    .sort(
      (a, b) =>
        (a.published ?? '\uffff').localeCompare(b.published ?? '\uffff') ||
        a.articleId - b.articleId,
    );
}

function formatRow(r: MentionRow): string {
  const decision = [
    r.relevant ? '' : 'NOT RELEVANT',
    r.tags.length ? `tags: ${r.tags.join(', ')}` : '',
    r.tone ? `tone: ${r.tone}` : '',
  ].filter(Boolean);
  return (
    `${String(r.articleId).padStart(6)}  ${(r.published ?? 'undated').slice(0, 16).replace('T', ' ').padEnd(16)}  ` +
    `${r.outlet.padEnd(14)} ${(r.language ?? '--').padEnd(2)}  ${r.title ?? r.url}` +
    (decision.length ? `  [${decision.join('; ')}]` : '') +
    '\n'
  );
}

function listCommand(): Command {
  return new Command('list')
    .description("list an event's mentions: article id, date, outlet, language, title, decisions")
    .argument('<event>', 'event id')
    .option('--json', 'one JSON array instead of a table')
    .action(async (eventId: string, opts: { json?: boolean }, cmd: Command) => {
      const config = loadFor(cmd);
      await withStore(config, async (store) => {
        const event = findEvent(await withAppEvents(store, config), eventId);
        const rows = await mentionRows(store, event.id);
        if (opts.json) {
          process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
          return;
        }
        if (rows.length === 0) {
          process.stdout.write(`event "${event.id}" has no mentions yet (run a crawl first)\n`);
          return;
        }
        process.stdout.write(
          `${'id'.padStart(6)}  ${'published'.padEnd(16)}  outlet         lg  title\n`,
        );
        for (const r of rows) process.stdout.write(formatRow(r));
      });
    });
}

export function mentionCommand(): Command {
  return new Command('mention')
    .description("an analyst's decisions about an event's mentions (kept across recrawls)")
    .addCommand(listCommand())
    .addCommand(setCommand());
}
