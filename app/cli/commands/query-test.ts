import { Command } from 'commander';
import {
  compileQuery,
  markSentence,
  matchDocument,
  uniqueSentences,
} from '../../../src/match/index.js';
import { articleDocument } from '../../../src/match/article-document.js';
import { withStore } from '../../runtime.js';
import { loadFor } from '../context.js';

export function queryTestCommand(): Command {
  return new Command('test')
    .description(
      "run an event's query, or a query text, over the stored articles and list what it would match (preview before saving)",
    )
    .argument(
      '<event-or-query>',
      'an event id (config/events or the web app), or a query in quotes',
    )
    .option('--since <date>', 'only articles published on or after this date (YYYY-MM-DD)')
    .action(async (target: string, opts: { since?: string }, cmd: Command) => {
      const loaded = loadFor(cmd);
      await withStore(loaded, async (store) => {
        // An event of config/events or one made in the web app.
        const { loadCatalog } = await import('../../../src/events/catalog.js');
        const config = (await loadCatalog(store, loaded)).config;
        const event = config.events.find((e) => e.id === target);
        const query = compileQuery(event ? event.query : target, {
          aliases: { ...config.aliases, ...event?.aliases },
        });
        const articles = await store.articles(opts.since ? { since: opts.since } : {});
        let n = 0;
        for (const a of articles) {
          const r = matchDocument(query, articleDocument(a));
          if (!r) continue;
          n++;
          process.stdout.write(
            `${r.score.toFixed(2)}  ${a.outletId}  ${a.language ?? '??'}  ${a.published?.slice(0, 10) ?? 'undated'}  ${a.title ?? '(untitled)'}\n      ${a.url}\n`,
          );
          for (const s of uniqueSentences(r.sentences).slice(0, 2))
            process.stdout.write(`      > ${markSentence(s, '[', ']')}\n`);
        }
        process.stdout.write(`${n} of ${articles.length} stored article(s) match\n`);
      });
    });
}
