import { randomUUID } from 'node:crypto';
import type { DocketChange } from '../../../shared/diff';
import type { Db } from '../db/connection';

/** A docket change, or a hearing reminder (kind 'hearing', one fingerprint per reminder). */
export type AlertChange = Omit<DocketChange, 'kind'> & { kind: DocketChange['kind'] | 'hearing' };

/** Where new alerts go to be delivered (the notifier); `enqueue` is synchronous SQL. */
export interface AlertSink {
  enqueue(alertIds: string[], now: number): void;
}

/**
 * One alert per user and change; the unique key (user, case, fingerprint, kind) makes a repeat a
 * no-op, so the server poll and a browser snapshot of the same entry alert a user once. Returns the
 * ids of the alerts created now.
 */
export function createAlerts(db: Db, caseKey: string, changes: AlertChange[], userIds: string[], origin: 'server' | 'browser', now: number): string[] {
  const insert = db.prepare(
    `INSERT INTO alert (id, user_id, case_key, fingerprint, kind, entry, previous, origin, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (user_id, case_key, fingerprint, kind) DO NOTHING`,
  );
  const created: string[] = [];
  for (const userId of userIds) {
    for (const c of changes) {
      const id = randomUUID();
      const res = insert.run(id, userId, caseKey, c.fingerprint, c.kind, JSON.stringify(c.entry), c.previous ? JSON.stringify(c.previous) : null, origin, now);
      if (Number(res.changes) > 0) created.push(id);
    }
  }
  return created;
}
