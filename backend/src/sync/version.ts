import type { Db } from '../db/connection';

/** The user's next version (1, 2, 3…): every synced write takes one, so a pull asks "what changed after N". */
export function nextVersion(db: Db, userId: string): number {
  const row = db
    .prepare('INSERT INTO sync_user (user_id, version) VALUES (?, 1) ON CONFLICT (user_id) DO UPDATE SET version = version + 1 RETURNING version')
    .get(userId) as { version: number };
  return Number(row.version);
}

/** The user's current version (0 before any write). */
export function currentVersion(db: Db, userId: string): number {
  const row = db.prepare('SELECT version FROM sync_user WHERE user_id = ?').get(userId) as { version: number } | undefined;
  return row ? Number(row.version) : 0;
}

/**
 * Move each user's version up to at least the given one, in one statement: for writers of many
 * rows at once (one alert per follower), which give their rows versions past the user's current one.
 */
export function raiseVersions(db: Db, versions: ReadonlyMap<string, number>): void {
  if (versions.size === 0) return;
  db.prepare(
    `INSERT INTO sync_user (user_id, version) SELECT value ->> 0, value ->> 1 FROM json_each(?) WHERE true
     ON CONFLICT (user_id) DO UPDATE SET version = MAX(version, excluded.version)`,
  ).run(JSON.stringify([...versions]));
}
