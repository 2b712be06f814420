import type { Db } from '../db/connection';

/** The server's last read of one case, as one follower sees it (epoch ms; null: not read or not due yet). */
export type CaseCheckRow = { key: string; lastCheckedAt: number | null; lastError: string | null; nextCheckAt: number | null };

type Row = { case_key: string; last_checked_at: number | null; last_error: string | null; next_check_at: number | null };

/**
 * The check state of every case the user tracks, in key order. A case the watch list has not taken
 * in yet (tracked a moment ago) comes with nulls.
 */
export function checkStatesOf(db: Db, userId: string): CaseCheckRow[] {
  const rows = db
    .prepare(
      `SELECT u.case_key, w.last_checked_at, w.last_error, w.next_check_at FROM user_case u
       LEFT JOIN watched_case w ON w.case_key = u.case_key
       WHERE u.user_id = ? AND u.tracked = 1 AND u.deleted = 0 ORDER BY u.case_key`,
    )
    .all(userId) as Row[];
  const instant = (v: number | null) => (v === null ? null : Number(v));
  return rows.map((r) => ({ key: r.case_key, lastCheckedAt: instant(r.last_checked_at), lastError: r.last_error, nextCheckAt: instant(r.next_check_at) }));
}
