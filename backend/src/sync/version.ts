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
