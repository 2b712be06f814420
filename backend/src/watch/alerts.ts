import { randomUUID } from 'node:crypto';
import type { DocketChange } from '../../../shared/diff';
import type { Db } from '../db/connection';
import { inTransaction } from '../db/transaction';
import { raiseVersions } from '../sync/version';

/** A docket change, or a hearing reminder (kind 'hearing', one fingerprint per reminder). */
export type AlertChange = Omit<DocketChange, 'kind'> & { kind: DocketChange['kind'] | 'hearing' };

/** Where new alerts go to be delivered (the notifier); `enqueue` is synchronous SQL. */
export interface AlertSink {
  enqueue(alertIds: string[], now: number): void;
}

/**
 * One alert per user and change; the unique key (user, case, fingerprint, kind) makes a repeat a
 * no-op, so the server poll and a browser snapshot of the same entry alert a user once. Each new
 * alert takes a sync version of its user past their current one (every browser of theirs pulls it),
 * and the users' versions move past them. Two statements however many followers (a fan-out to
 * thousands must stay fast), in one transaction (the caller's, when one is open). Returns the ids
 * of the alerts created now.
 */
export function createAlerts(db: Db, caseKey: string, changes: AlertChange[], userIds: string[], origin: 'server' | 'browser', now: number): string[] {
  if (changes.length === 0 || userIds.length === 0) return [];
  // The i-th change of a call is the user's version + i + 1 (unique per user; a repeat leaves a gap).
  const insert = db.prepare(
    `INSERT INTO alert (id, user_id, case_key, fingerprint, kind, entry, previous, origin, created_at, version)
     SELECT r.value ->> 0, r.value ->> 1, :caseKey, c.value ->> 'fingerprint', c.value ->> 'kind', c.value ->> 'entry', c.value ->> 'previous', :origin, :now,
       COALESCE((SELECT version FROM sync_user WHERE user_id = r.value ->> 1), 0) + c.key + 1
     FROM json_each(:rows) r JOIN json_each(:changes) c ON c.key = r.value ->> 2
     WHERE true
     ON CONFLICT (user_id, case_key, fingerprint, kind) DO NOTHING
     RETURNING id, user_id, version`,
  );
  const rows = userIds.flatMap((user) => changes.map((_, i) => [randomUUID(), user, i]));
  const list = changes.map((c) => ({ fingerprint: c.fingerprint, kind: c.kind, entry: JSON.stringify(c.entry), previous: c.previous ? JSON.stringify(c.previous) : null }));
  return inTransaction(db, () => {
    const created = insert.all({ caseKey, origin, now, rows: JSON.stringify(rows), changes: JSON.stringify(list) }) as { id: string; user_id: string; version: number }[];
    const versions = new Map<string, number>();
    for (const a of created) versions.set(a.user_id, Math.max(versions.get(a.user_id) ?? 0, Number(a.version)));
    raiseVersions(db, versions);
    return created.map((a) => a.id);
  });
}
