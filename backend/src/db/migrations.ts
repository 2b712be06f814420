import type { Db } from './connection';

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
];

export function migrate(db: Db): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)`);
  const done = new Set((db.prepare('SELECT id FROM schema_migrations').all() as { id: number }[]).map((r) => Number(r.id)));
  const applied: number[] = [];
  for (const m of MIGRATIONS) {
    if (done.has(m.id)) continue;
    db.exec('BEGIN');
    try {
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations (id, name, applied_at) VALUES (?, ?, ?)').run(m.id, m.name, Date.now());
      db.exec('COMMIT');
    } catch (err) {
      db.exec('ROLLBACK');
      throw err;
    }
    applied.push(m.id);
  }
  return applied;
}
