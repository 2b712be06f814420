import { centralToday, daysUntil, hearingDate, reminderDue } from '../../../shared/casenet/hearing';
import type { DocketEntry } from '../../../shared/casenet/types';
import type { Db } from '../db/connection';
import { inTransaction } from '../db/transaction';
import { createAlerts, type AlertSink } from './alerts';

/** How often the server looks for hearing reminders that are due (they count whole days). */
export const HEARING_REMINDERS_EVERY_MS = 5 * 60_000;

/**
 * Hearing reminders, like Case.net's: for every hearing on a docket the server watches (a "Scheduled
 * For" date), each follower gets one alert when it is their chosen number of days away (default 10
 * and 2; calendar days, Central time). The alert's fingerprint names the reminder, so each is
 * created once however often this runs; a hearing learned of late gets only the nearest one.
 */
export function remindHearings(deps: { db: Db; sink: AlertSink; daysBeforeOf: (userId: string) => readonly number[] }, now: number): number {
  const today = centralToday(now);
  const rows = deps.db
    .prepare(
      `SELECT c.user_id, e.case_key, e.fingerprint, e.entry FROM watched_entry e
       JOIN user_case c ON c.case_key = e.case_key AND c.tracked = 1 AND c.deleted = 0
       WHERE e.entry LIKE '%"scheduledFor":"%'`,
    )
    .all() as { user_id: string; case_key: string; fingerprint: string; entry: string }[];
  const daysBefore = new Map<string, readonly number[]>();
  const daysBeforeOf = (userId: string) => daysBefore.get(userId) ?? daysBefore.set(userId, deps.daysBeforeOf(userId)).get(userId) ?? [];
  return inTransaction(deps.db, () => {
    const created: string[] = [];
    for (const r of rows) {
      const entry = JSON.parse(r.entry) as DocketEntry;
      const date = entry.scheduledFor ? hearingDate(entry.scheduledFor) : null;
      const due = date ? reminderDue(daysUntil(today, date), daysBeforeOf(r.user_id)) : null;
      if (due === null) continue;
      created.push(...createAlerts(deps.db, r.case_key, [{ kind: 'hearing', fingerprint: `${r.fingerprint}#${due}d`, entry, previous: null }], [r.user_id], 'server', now));
    }
    if (created.length) deps.sink.enqueue(created, now);
    return created.length;
  });
}
