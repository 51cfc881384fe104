// Schema migrations, applied in order and recorded in schema_migrations. Never edit a shipped
// migration: add a new one.
export const migrations: Array<{ version: number; name: string; sql: string }> = [
  {
    version: 1,
    name: 'backbone',
    sql: `
CREATE TABLE outlets (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  base_url TEXT NOT NULL,
  languages TEXT NOT NULL,            -- JSON array
  updated_at TEXT NOT NULL
);
CREATE TABLE articles (
  id INTEGER PRIMARY KEY,
  url TEXT NOT NULL UNIQUE,           -- canonical URL
  outlet_id TEXT NOT NULL REFERENCES outlets(id),
  fetched_url TEXT NOT NULL,
  fetch_mode TEXT NOT NULL CHECK (fetch_mode IN ('http', 'browser')),
  title TEXT,
  lead TEXT,
  body TEXT,
  published TEXT,
  modified TEXT,
  authors TEXT NOT NULL DEFAULT '[]', -- JSON array
  section TEXT,
  language TEXT,
  image TEXT,
  site_name TEXT,
  access TEXT NOT NULL CHECK (access IN ('free', 'paywalled', 'gated')),
  wire_credit TEXT,
  content_hash TEXT NOT NULL,
  fetched_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX articles_outlet ON articles(outlet_id, published);
CREATE TABLE mentions (
  event_id TEXT NOT NULL,
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  score REAL NOT NULL,
  hits TEXT NOT NULL,                 -- JSON TermHit[]
  sentences TEXT NOT NULL,            -- JSON HitSentence[]
  summary TEXT NOT NULL,
  matched_at TEXT NOT NULL,
  PRIMARY KEY (event_id, article_id)
);
-- The crawl ledger: every discovered URL ends as stored, skipped or failed, with a reason.
CREATE TABLE ledger (
  url TEXT PRIMARY KEY,               -- canonical form of the discovered URL
  outlet_id TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending', 'stored', 'skipped', 'failed')),
  reason TEXT,
  source TEXT NOT NULL,               -- where it was discovered: sitemap:/…, feed:/…, page:/…
  run_id TEXT,
  article_id INTEGER REFERENCES articles(id) ON DELETE SET NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  discovered_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX ledger_run ON ledger(run_id, status);
CREATE TABLE crawl_runs (
  id TEXT PRIMARY KEY,
  started_at TEXT NOT NULL,
  finished_at TEXT,
  outlets TEXT NOT NULL,              -- JSON array of outlet ids
  events TEXT NOT NULL,               -- JSON array of event ids
  discovered INTEGER NOT NULL DEFAULT 0,
  known INTEGER NOT NULL DEFAULT 0,   -- discovered again but already in the ledger
  discovery_errors TEXT NOT NULL DEFAULT '[]'
);
CREATE TABLE coverage (
  event_id TEXT PRIMARY KEY,
  summary TEXT NOT NULL,              -- JSON CoverageSummary
  updated_at TEXT NOT NULL
);
`,
  },
  {
    version: 2,
    name: 'incremental recrawl',
    sql: `
ALTER TABLE articles ADD COLUMN etag TEXT;
ALTER TABLE articles ADD COLUMN last_modified TEXT;
ALTER TABLE articles ADD COLUMN previous_hash TEXT;     -- content hash of the version before
ALTER TABLE articles ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE ledger ADD COLUMN revisit_at TEXT;          -- when a stored URL is due again
CREATE INDEX ledger_revisit ON ledger(revisit_at) WHERE revisit_at IS NOT NULL;
`,
  },
  {
    version: 3,
    name: 'analyst overrides and alerts',
    sql: `
-- What analysts decided about a mention. The crawler never writes here, so a recrawl (which
-- rewrites mentions) keeps every decision. A not-relevant mention stays in mentions.
CREATE TABLE mention_overrides (
  event_id TEXT NOT NULL,
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  relevant INTEGER NOT NULL DEFAULT 1 CHECK (relevant IN (0, 1)),
  tags TEXT NOT NULL DEFAULT '[]',    -- JSON array, sorted
  tone TEXT CHECK (tone IN ('positive', 'neutral', 'negative')),
  updated_at TEXT NOT NULL,
  PRIMARY KEY (event_id, article_id)
);
-- One row per mention and alert channel once a sender claimed it: each mention is alerted
-- once per channel. 'sending' rows older than a few minutes were left by a crashed sender.
CREATE TABLE alert_deliveries (
  event_id TEXT NOT NULL,
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  channel TEXT NOT NULL CHECK (channel IN ('webhook', 'email')),
  status TEXT NOT NULL CHECK (status IN ('sending', 'sent', 'failed')),
  claim TEXT,                         -- id of the sender holding a 'sending' row
  attempts INTEGER NOT NULL DEFAULT 0,
  last_error TEXT,
  retry_at TEXT,                      -- a 'failed' row is sent again from then on
  sent_at TEXT,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (event_id, article_id, channel)
);
CREATE INDEX alert_deliveries_status ON alert_deliveries(event_id, channel, status);
`,
  },
];
