import type { Db } from './connection';

/**
 * Run `fn` in one write transaction (joining the caller's when one is open). `fn` is synchronous on
 * purpose: nothing can interleave between BEGIN and COMMIT on the shared connection.
 */
export function inTransaction<T>(db: Db, fn: () => T): T {
  if (db.inTransaction) return fn();
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = fn();
    db.exec('COMMIT');
    return result;
  } catch (err) {
    db.exec('ROLLBACK');
    throw err;
  }
}
