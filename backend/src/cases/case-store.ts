import type { CasePut, CaseRecord } from '../../../shared/api/cases';
import type { Db } from '../db/connection';

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
  created_at: number;
  updated_at: number;
};

const COLUMNS = 'case_key, court_id, case_number, caption, saved, tracked, note, tags, created_at, updated_at';

function toRecord(r: Row): CaseRecord {
  return {
    key: r.case_key,
    courtId: r.court_id,
    caseNumber: r.case_number,
    caption: r.caption,
    saved: Number(r.saved) === 1,
    tracked: Number(r.tracked) === 1,
    note: r.note,
    tags: JSON.parse(r.tags) as string[],
    createdAt: new Date(Number(r.created_at)).toISOString(),
    updatedAt: new Date(Number(r.updated_at)).toISOString(),
  };
}

/** The per-user case folder on the server (table `user_case`). Every query is scoped by user id. */
export class CaseStore {
  constructor(private readonly db: Db) {}

  /** In key order; `after` continues from the previous page's last key. */
  list(userId: string, limit: number, after?: string): CaseRecord[] {
    const rows = after
      ? this.db.prepare(`SELECT ${COLUMNS} FROM user_case WHERE user_id = ? AND case_key > ? ORDER BY case_key LIMIT ?`).all(userId, after, limit)
      : this.db.prepare(`SELECT ${COLUMNS} FROM user_case WHERE user_id = ? ORDER BY case_key LIMIT ?`).all(userId, limit);
    return (rows as Row[]).map(toRecord);
  }

  get(userId: string, key: string): CaseRecord | null {
    const row = this.db.prepare(`SELECT ${COLUMNS} FROM user_case WHERE user_id = ? AND case_key = ?`).get(userId, key) as Row | undefined;
    return row ? toRecord(row) : null;
  }

  count(userId: string): number {
    return Number((this.db.prepare('SELECT count(*) AS n FROM user_case WHERE user_id = ?').get(userId) as { n: number }).n);
  }

  /** Create or replace the case's fields (note/tags kept when not given). */
  put(userId: string, key: string, input: CasePut, now: number): { record: CaseRecord; created: boolean } {
    const existing = this.get(userId, key);
    if (!existing && this.count(userId) >= MAX_CASES_PER_USER) {
      throw new CaseLimitError(`A folder holds at most ${MAX_CASES_PER_USER.toLocaleString('en-US')} cases; remove some before adding more.`);
    }
    const note = input.note ?? existing?.note ?? '';
    const tags = input.tags ? [...new Set(input.tags)] : (existing?.tags ?? []);
    const caption = input.caption === undefined ? (existing?.caption ?? null) : input.caption;
    this.db
      .prepare(
        `INSERT INTO user_case (user_id, ${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (user_id, case_key) DO UPDATE SET caption = excluded.caption, saved = excluded.saved,
           tracked = excluded.tracked, note = excluded.note, tags = excluded.tags, updated_at = excluded.updated_at`,
      )
      .run(userId, key, input.courtId, input.caseNumber, caption, input.saved ? 1 : 0, input.tracked ? 1 : 0, note, JSON.stringify(tags), now, now);
    const record = this.get(userId, key);
    if (!record) throw new Error('case vanished after write');
    return { record, created: !existing };
  }

  delete(userId: string, key: string): boolean {
    return Number(this.db.prepare('DELETE FROM user_case WHERE user_id = ? AND case_key = ?').run(userId, key).changes) > 0;
  }

  deleteAll(userId: string): void {
    this.db.prepare('DELETE FROM user_case WHERE user_id = ?').run(userId);
  }
}
