import Database from 'libsql';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../../backend/src/db/connection';
import { migrate } from '../../../backend/src/db/migrations';

// Migration 5 on a database of schema 4 that already holds alerts: the recent ones (30 days) get
// versions after their user's current one, so every browser pulls them once; older ones stay at 0.

const DAY = 86_400_000;

function schema4(): Db {
  const db = new Database(':memory:');
  migrate(db, 4);
  return db;
}

function addAlert(db: Db, id: string, userId: string, createdAt: number): void {
  db.prepare(`INSERT INTO alert (id, user_id, case_key, fingerprint, kind, entry, origin, created_at) VALUES (?, ?, 'CT22|22SL-CC00807', ?, 'new', '{}', 'server', ?)`).run(
    id,
    userId,
    `fp-${id}`,
    createdAt,
  );
}

const versions = (db: Db) => Object.fromEntries((db.prepare('SELECT id, version FROM alert ORDER BY id').all() as { id: string; version: number }[]).map((r) => [r.id, Number(r.version)]));
const userVersions = (db: Db) =>
  Object.fromEntries((db.prepare('SELECT user_id, version FROM sync_user ORDER BY user_id').all() as { user_id: string; version: number }[]).map((r) => [r.user_id, Number(r.version)]));

describe('migration 5: alert versions', () => {
  it('gives recent alerts versions after their user’s, oldest first, and moves the user on; old alerts stay at 0', () => {
    const db = schema4();
    const now = Date.now();
    db.prepare('INSERT INTO sync_user (user_id, version) VALUES (?, ?)').run('ann', 7);
    addAlert(db, 'a-old', 'ann', now - 40 * DAY);
    addAlert(db, 'a-2', 'ann', now - 2 * DAY);
    addAlert(db, 'a-1', 'ann', now - 5 * DAY);
    addAlert(db, 'b-1', 'bob', now - DAY); // bob has never synced: no sync_user row yet
    expect(migrate(db, 5)).toEqual([5]);
    expect(versions(db)).toEqual({ 'a-old': 0, 'a-1': 8, 'a-2': 9, 'b-1': 1 });
    expect(userVersions(db)).toEqual({ ann: 9, bob: 1 });
  });

  it('leaves users without recent alerts as they were', () => {
    const db = schema4();
    db.prepare('INSERT INTO sync_user (user_id, version) VALUES (?, ?)').run('carol', 3);
    addAlert(db, 'c-old', 'carol', Date.now() - 31 * DAY);
    migrate(db);
    expect(versions(db)).toEqual({ 'c-old': 0 });
    expect(userVersions(db)).toEqual({ carol: 3 });
  });
});
