import { randomUUID } from 'node:crypto';
import type { DocketEntry } from '../../../shared/casenet/types';
import type { DocketDiff } from '../../../shared/diff';
import type { Db } from '../db/connection';

export type AlertKind = 'new' | 'changed' | 'removed';
export type DocketChange = { kind: AlertKind; fingerprint: string; entry: DocketEntry; previous: DocketEntry | null };

/** Where new alerts go to be delivered (the notifier); `enqueue` is synchronous SQL. */
export interface AlertSink {
  enqueue(alertIds: string[], now: number): void;
}

/** The changes of an accepted diff: additions, clerk corrections (with the entry before), removals. */
export function changesOf(diff: DocketDiff): DocketChange[] {
  return [
    ...diff.added.map((d) => ({ kind: 'new' as const, fingerprint: d.fingerprint, entry: d.entry, previous: null })),
    ...diff.changed.map((d) => ({ kind: 'changed' as const, fingerprint: d.after.fingerprint, entry: d.after.entry, previous: d.before.entry })),
    ...diff.removed.map((d) => ({ kind: 'removed' as const, fingerprint: d.fingerprint, entry: d.entry, previous: null })),
  ];
}

/**
 * One alert per user and change; the unique key (user, case, fingerprint, kind) makes a repeat a
 * no-op, so the server poll and a browser snapshot of the same entry alert a user once. Returns the
 * ids of the alerts created now.
 */
export function createAlerts(db: Db, caseKey: string, changes: DocketChange[], userIds: string[], origin: 'server' | 'browser', now: number): string[] {
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
