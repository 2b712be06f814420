import Database from 'libsql';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../../../backend/src/db/connection';
import { cacheStatements } from '../../../../backend/src/db/statement-cache';

// Every store prepares its SQL where it runs it; the connection hands back the statement it
// prepared before, so native statement memory does not pile up between garbage collections.

const fresh = (max?: number): Db => {
  const db = new Database(':memory:');
  db.exec('CREATE TABLE t (k TEXT PRIMARY KEY, v INTEGER)');
  cacheStatements(db, max);
  return db;
};

describe('cacheStatements', () => {
  it('prepares each SQL text once, and the shared statement still answers each call with its own arguments', () => {
    const db = fresh();
    const insert = 'INSERT INTO t (k, v) VALUES (?, ?)';
    expect(db.prepare(insert)).toBe(db.prepare(insert));
    db.prepare(insert).run('a', 1);
    db.prepare(insert).run('b', 2);
    const get = 'SELECT v FROM t WHERE k = ?';
    expect(db.prepare(get).get('a')).toMatchObject({ v: 1 });
    expect(db.prepare(get).get('b')).toMatchObject({ v: 2 });
    expect(db.prepare('SELECT k FROM t ORDER BY k').all()).toEqual([{ k: 'a' }, { k: 'b' }]);
  });

  it('keeps only the most recently used statements', () => {
    const db = fresh(2);
    const a = db.prepare('SELECT 1 AS n');
    db.prepare('SELECT 2 AS n');
    expect(db.prepare('SELECT 1 AS n')).toBe(a); // used again: now the most recent
    db.prepare('SELECT 3 AS n'); // pushes out SELECT 2
    expect(db.prepare('SELECT 1 AS n')).toBe(a);
    const b = db.prepare('SELECT 2 AS n');
    expect(b.get()).toMatchObject({ n: 2 });
    expect(db.prepare('SELECT 2 AS n')).toBe(b);
  });

  it('a statement that fails to prepare is not kept', () => {
    const db = fresh();
    expect(() => db.prepare('SELECT nope FROM missing')).toThrow();
    db.exec('CREATE TABLE missing (nope INTEGER)');
    expect(db.prepare('SELECT nope FROM missing').all()).toEqual([]);
  });
});
