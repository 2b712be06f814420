import type { Db } from './connection';
import { inTransaction } from './transaction';

/** Ordered schema steps; each runs once, recorded in `schema_migrations`. Never edit a shipped step. */
export const MIGRATIONS: readonly { id: number; name: string; sql: string }[] = [
  {
    id: 1,
    name: 'schema_migrations bookkeeping',
    sql: `CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)`,
  },
  {
    id: 2,
    name: 'account guards (lockout, trusted devices, device codes) and the per-user case folder',
    sql: `
      CREATE TABLE sign_in_failure (user_id TEXT NOT NULL, at INTEGER NOT NULL);
      CREATE INDEX sign_in_failure_user ON sign_in_failure (user_id, at);
      CREATE TABLE account_lock (user_id TEXT PRIMARY KEY, locked_until INTEGER NOT NULL);
      CREATE TABLE trusted_device (
        user_id TEXT NOT NULL, device_hash TEXT NOT NULL, label TEXT NOT NULL,
        created_at INTEGER NOT NULL, expires_at INTEGER NOT NULL,
        PRIMARY KEY (user_id, device_hash)
      );
      CREATE TABLE device_challenge (
        id TEXT PRIMARY KEY, user_id TEXT NOT NULL, device_hash TEXT, label TEXT NOT NULL,
        code_hash TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0,
        created_at INTEGER NOT NULL, expires_at INTEGER NOT NULL
      );
      CREATE INDEX device_challenge_user ON device_challenge (user_id);
      CREATE TABLE user_case (
        user_id TEXT NOT NULL, case_key TEXT NOT NULL, court_id TEXT NOT NULL, case_number TEXT NOT NULL,
        caption TEXT, saved INTEGER NOT NULL, tracked INTEGER NOT NULL, note TEXT NOT NULL DEFAULT '',
        tags TEXT NOT NULL DEFAULT '[]', created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL,
        PRIMARY KEY (user_id, case_key)
      ) WITHOUT ROWID;
    `,
  },
  {
    id: 3,
    name: 'sync: per-user version, versioned cases with tombstones, client mutation ids, read marks, settings',
    sql: `
      ALTER TABLE user_case ADD COLUMN source TEXT;
      ALTER TABLE user_case ADD COLUMN deleted INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE user_case ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
      CREATE INDEX user_case_version ON user_case (user_id, version);
      CREATE TABLE sync_user (user_id TEXT PRIMARY KEY, version INTEGER NOT NULL);
      CREATE TABLE sync_client (
        user_id TEXT NOT NULL, client_id TEXT NOT NULL, last_mutation_id INTEGER NOT NULL, updated_at INTEGER NOT NULL,
        PRIMARY KEY (user_id, client_id)
      ) WITHOUT ROWID;
      CREATE TABLE alert_read (
        user_id TEXT NOT NULL, alert_id TEXT NOT NULL, read_at INTEGER NOT NULL, version INTEGER NOT NULL,
        PRIMARY KEY (user_id, alert_id)
      ) WITHOUT ROWID;
      CREATE INDEX alert_read_version ON alert_read (user_id, version);
      CREATE TABLE user_settings (user_id TEXT PRIMARY KEY, settings TEXT NOT NULL, version INTEGER NOT NULL);
    `,
  },
  {
    id: 4,
    name: 'watching and alerts: watched cases, their entries, alerts, deliveries and attempts, notification preferences',
    sql: `
      CREATE TABLE watched_case (
        case_key TEXT PRIMARY KEY, source TEXT NOT NULL,
        baseline_at INTEGER, quarantine TEXT,
        last_checked_at INTEGER, last_error TEXT, failures INTEGER NOT NULL DEFAULT 0,
        next_check_at INTEGER NOT NULL DEFAULT 0
      ) WITHOUT ROWID;
      CREATE INDEX watched_case_due ON watched_case (next_check_at);
      CREATE TABLE watched_entry (
        case_key TEXT NOT NULL, fingerprint TEXT NOT NULL, position INTEGER NOT NULL, entry TEXT NOT NULL, first_seen_at INTEGER NOT NULL,
        PRIMARY KEY (case_key, fingerprint)
      ) WITHOUT ROWID;
      CREATE TABLE alert (
        id TEXT PRIMARY KEY, user_id TEXT NOT NULL, case_key TEXT NOT NULL, fingerprint TEXT NOT NULL,
        kind TEXT NOT NULL, entry TEXT NOT NULL, previous TEXT, origin TEXT NOT NULL, created_at INTEGER NOT NULL,
        UNIQUE (user_id, case_key, fingerprint, kind)
      );
      CREATE INDEX alert_user ON alert (user_id, created_at);
      CREATE TABLE delivery (
        id TEXT PRIMARY KEY, alert_id TEXT NOT NULL, user_id TEXT NOT NULL, channel TEXT NOT NULL,
        status TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0, next_attempt_at INTEGER NOT NULL,
        lease_until INTEGER, provider_id TEXT, last_error TEXT, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL,
        UNIQUE (alert_id, channel)
      );
      CREATE INDEX delivery_due ON delivery (status, next_attempt_at);
      CREATE INDEX delivery_user ON delivery (user_id, created_at);
      CREATE TABLE delivery_attempt (
        id INTEGER PRIMARY KEY, delivery_id TEXT NOT NULL, at INTEGER NOT NULL, outcome TEXT NOT NULL, provider_id TEXT, error TEXT
      );
      CREATE INDEX delivery_attempt_delivery ON delivery_attempt (delivery_id);
      CREATE TABLE notification_prefs (user_id TEXT PRIMARY KEY, prefs TEXT NOT NULL, updated_at INTEGER NOT NULL);
    `,
  },
  {
    id: 5,
    name: 'sync: alerts carry a sync version, so every browser of the user pulls them',
    // Alerts of the last 30 days take versions after their user's current one (every browser pulls
    // them once, a new one included); older alerts keep version 0, which no pull asks for.
    sql: `
      ALTER TABLE alert ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
      CREATE INDEX alert_version ON alert (user_id, version);
      UPDATE alert SET version = recent.version FROM (
        SELECT a.id, COALESCE(s.version, 0) + ROW_NUMBER() OVER (PARTITION BY a.user_id ORDER BY a.created_at, a.id) AS version
        FROM alert a LEFT JOIN sync_user s ON s.user_id = a.user_id
        WHERE a.created_at >= (unixepoch() - 30 * 86400) * 1000
      ) recent WHERE alert.id = recent.id;
      INSERT INTO sync_user (user_id, version) SELECT user_id, MAX(version) FROM alert WHERE version > 0 GROUP BY user_id
        ON CONFLICT (user_id) DO UPDATE SET version = excluded.version;
    `,
  },
  {
    id: 6,
    name: 'watch: a digest of each last good docket, so an unchanged read is recognised without loading its entries',
    // NULL until the next good read of the case (which then takes the full comparison once).
    sql: `ALTER TABLE watched_case ADD COLUMN docket_digest TEXT;`,
  },
  {
    id: 7,
    name: 'watch: a hash of each case key, so several pollers can share the cases (POLL_SHARD)',
    // NULL until the watch list's next refresh fills it in (watch-store.ts).
    sql: `ALTER TABLE watched_case ADD COLUMN shard_hash INTEGER;`,
  },
];

/** Apply the steps not applied yet; `upTo` stops after that many steps (migration tests only). */
export function migrate(db: Db, upTo: number = MIGRATIONS.length): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)`);
  const done = new Set((db.prepare('SELECT id FROM schema_migrations').all() as { id: number }[]).map((r) => Number(r.id)));
  const applied: number[] = [];
  for (const m of MIGRATIONS.slice(0, upTo)) {
    if (done.has(m.id)) continue;
    inTransaction(db, () => {
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations (id, name, applied_at) VALUES (?, ?, ?)').run(m.id, m.name, Date.now());
    });
    applied.push(m.id);
  }
  return applied;
}
