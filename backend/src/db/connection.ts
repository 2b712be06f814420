import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'libsql';
import { migrate } from './migrations';
import { cacheStatements } from './statement-cache';

export type Db = InstanceType<typeof Database>;

/**
 * Open the database named by DATABASE_URL: an embedded SQLite file (`file:./data/x.db`, created with
 * its folder on first start, WAL mode) or a sqld/Turso server (`libsql://…`). Migrates on open;
 * each SQL text is then prepared once (statement-cache.ts).
 */
export function openDatabase(url: string, authToken?: string): Db {
  let db: Db;
  if (url.startsWith('file:')) {
    const path = resolve(url.slice('file:'.length));
    mkdirSync(dirname(path), { recursive: true });
    db = new Database(path);
    db.exec('PRAGMA journal_mode = WAL');
  } else if (url === ':memory:') {
    db = new Database(':memory:');
  } else {
    // libsql's typings omit `authToken`, which its runtime reads (remote sqld/Turso).
    db = new Database(url, { authToken: authToken ?? '' } as ConstructorParameters<typeof Database>[1]);
  }
  db.exec('PRAGMA foreign_keys = ON');
  migrate(db);
  cacheStatements(db);
  return db;
}
