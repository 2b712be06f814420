import type { CasePut, CaseRecord } from '../../../shared/api/cases';
import type { CaseSource } from '../../../shared/casenet/types';
import type { SyncedCase } from '../../../shared/sync/protocol';
import type { Db } from '../db/connection';
import { inTransaction } from '../db/transaction';
import { currentVersion, nextVersion } from '../sync/version';

/** A user's folder is bounded: beyond this, new cases are refused (409 LIMIT_REACHED). */
export const MAX_CASES_PER_USER = 20_000;

export class CaseLimitError extends Error {}

type Row = {
  case_key: string;
  court_id: string;
  case_number: string;
  caption: string | null;
  saved: number;
  tracked: number;
  note: string;
  tags: string;
  source: string | null;
  deleted: number;
  version: number;
  created_at: number;
  updated_at: number;
};

const COLUMNS = 'case_key, court_id, case_number, caption, saved, tracked, note, tags, source, deleted, version, created_at, updated_at';

function toSynced(r: Row): SyncedCase {
  return {
    courtId: r.court_id,
    caseNumber: r.case_number,
    caption: r.caption,
    saved: Number(r.saved) === 1,
    tracked: Number(r.tracked) === 1,
    note: r.note,
    tags: JSON.parse(r.tags) as string[],
    source: r.source ? (JSON.parse(r.source) as CaseSource) : null,
  };
}

function toRecord(r: Row): CaseRecord {
  const { source: _source, ...synced } = toSynced(r);
  return { key: r.case_key, ...synced, createdAt: new Date(Number(r.created_at)).toISOString(), updatedAt: new Date(Number(r.updated_at)).toISOString() };
}

/** What a case write may set; omitted fields keep their value. */
export type CaseFields = { caption?: string | null; saved?: boolean; tracked?: boolean; note?: string; tags?: string[]; source?: CaseSource | null };

/**
 * The per-user case folder on the server (table `user_case`). Every query is scoped by user id.
 * Every write takes a new version of the user (sync pulls by version); a removal leaves a tombstone
 * so other browsers learn of it; only `revive` (an explicit save or track) brings a removed case back.
 */
export class CaseStore {
  constructor(private readonly db: Db) {}

  /** Live cases in key order; `after` continues from the previous page's last key. */
  list(userId: string, limit: number, after?: string): CaseRecord[] {
    const rows = after
      ? this.db.prepare(`SELECT ${COLUMNS} FROM user_case WHERE user_id = ? AND deleted = 0 AND case_key > ? ORDER BY case_key LIMIT ?`).all(userId, after, limit)
      : this.db.prepare(`SELECT ${COLUMNS} FROM user_case WHERE user_id = ? AND deleted = 0 ORDER BY case_key LIMIT ?`).all(userId, limit);
    return (rows as Row[]).map(toRecord);
  }

  get(userId: string, key: string): CaseRecord | null {
    const row = this.row(userId, key);
    return row && !Number(row.deleted) ? toRecord(row) : null;
  }

  /** The user's version: every write of their folder takes a new one (a cache of a listing is good while it is the same). */
  version(userId: string): number {
    return currentVersion(this.db, userId);
  }

  count(userId: string): number {
    return Number((this.db.prepare('SELECT count(*) AS n FROM user_case WHERE user_id = ? AND deleted = 0').get(userId) as { n: number }).n);
  }

  /** Cases (tombstones too) changed after `version`, oldest change first. */
  changedSince(userId: string, version: number, limit: number): { key: string; version: number; deleted: boolean; value: SyncedCase }[] {
    const rows = this.db.prepare(`SELECT ${COLUMNS} FROM user_case WHERE user_id = ? AND version > ? ORDER BY version LIMIT ?`).all(userId, version, limit) as Row[];
    return rows.map((r) => ({ key: r.case_key, version: Number(r.version), deleted: Number(r.deleted) === 1, value: toSynced(r) }));
  }

  /** REST PUT: create, revive or update the case with the given fields. */
  put(userId: string, key: string, input: CasePut, now: number): { record: CaseRecord; created: boolean } {
    return inTransaction(this.db, () => {
      const created = this.revive(userId, key, input.courtId, input.caseNumber, now);
      const { courtId: _c, caseNumber: _n, ...fields } = input;
      this.update(userId, key, fields, now);
      const record = this.get(userId, key);
      if (!record) throw new Error('case vanished after write');
      return { record, created };
    });
  }

  /**
   * Make the case live: insert it, or revive its tombstone with a clean note and tags. Returns
   * whether it was not live before. Throws CaseLimitError when the folder is full.
   */
  revive(userId: string, key: string, courtId: string, caseNumber: string, now: number): boolean {
    const existing = this.row(userId, key);
    if (existing && !Number(existing.deleted)) return false;
    if (this.count(userId) >= MAX_CASES_PER_USER) {
      throw new CaseLimitError(`A folder holds at most ${MAX_CASES_PER_USER.toLocaleString('en-US')} cases; remove some before adding more.`);
    }
    const version = nextVersion(this.db, userId);
    this.db
      .prepare(
        `INSERT INTO user_case (user_id, ${COLUMNS}) VALUES (?, ?, ?, ?, NULL, 0, 0, '', '[]', NULL, 0, ?, ?, ?)
         ON CONFLICT (user_id, case_key) DO UPDATE SET caption = NULL, saved = 0, tracked = 0, note = '', tags = '[]', source = NULL,
           deleted = 0, version = excluded.version, created_at = excluded.created_at, updated_at = excluded.updated_at`,
      )
      .run(userId, key, courtId, caseNumber, version, now, now);
    return true;
  }

  /**
   * Set fields of a live case; false when it is missing or removed. An edit of a removed case
   * changes nothing but re-sends the tombstone (new version): the editing browser skipped it while
   * its edit was pending, and must still learn of the removal.
   */
  update(userId: string, key: string, fields: CaseFields, now: number): boolean {
    const sets: string[] = [];
    const args: unknown[] = [];
    const add = (column: string, value: unknown) => (sets.push(`${column} = ?`), args.push(value));
    if (fields.caption !== undefined) add('caption', fields.caption);
    if (fields.saved !== undefined) add('saved', fields.saved ? 1 : 0);
    if (fields.tracked !== undefined) add('tracked', fields.tracked ? 1 : 0);
    if (fields.note !== undefined) add('note', fields.note);
    if (fields.tags !== undefined) add('tags', JSON.stringify([...new Set(fields.tags)]));
    if (fields.source !== undefined) add('source', fields.source ? JSON.stringify(fields.source) : null);
    if (sets.length === 0) return this.get(userId, key) !== null;
    return inTransaction(this.db, () => {
      const row = this.row(userId, key);
      if (!row) return false;
      if (Number(row.deleted)) {
        this.db.prepare('UPDATE user_case SET version = ? WHERE user_id = ? AND case_key = ?').run(nextVersion(this.db, userId), userId, key);
        return false;
      }
      add('version', nextVersion(this.db, userId));
      add('updated_at', now);
      this.db.prepare(`UPDATE user_case SET ${sets.join(', ')} WHERE user_id = ? AND case_key = ?`).run(...args, userId, key);
      return true;
    });
  }

  /** Remove (leave a tombstone); false when there was no live case. */
  remove(userId: string, key: string, now: number): boolean {
    return inTransaction(this.db, () => {
      if (!this.get(userId, key)) return false;
      const version = nextVersion(this.db, userId);
      this.db
        .prepare(`UPDATE user_case SET deleted = 1, caption = NULL, note = '', tags = '[]', saved = 0, tracked = 0, version = ?, updated_at = ? WHERE user_id = ? AND case_key = ?`)
        .run(version, now, userId, key);
      return true;
    });
  }

  private row(userId: string, key: string): Row | undefined {
    return this.db.prepare(`SELECT ${COLUMNS} FROM user_case WHERE user_id = ? AND case_key = ?`).get(userId, key) as Row | undefined;
  }
}
