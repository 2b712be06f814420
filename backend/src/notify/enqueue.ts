import { CHANNELS } from '../../../shared/api/prefs';
import type { Db } from '../db/connection';
import { inTransaction } from '../db/transaction';
import type { DeliveryStore } from './delivery-store';
import { planChannel, type Availability } from './plan';
import { readOnlyPrefs, type StoredPrefs } from './prefs-store';

/**
 * Alerts → delivery rows, one per alert × channel the user chose (unique: enqueueing the same alert
 * again inserts nothing). Synchronous SQL only, so the poller may call it inside its own transaction
 * (it joins it); otherwise it runs in one of its own.
 */
type AlertRow = { id: string; user_id: string; case_key: string; email_verified: number | null; prefs: string | null };

export class Enqueuer {
  /** Every alert with what planning needs of its user, in one statement however many (a fan-out reaches thousands). */
  private readonly alertsStmt;

  constructor(
    private readonly db: Db,
    private readonly deliveries: DeliveryStore,
    private readonly available: Availability,
  ) {
    this.alertsStmt = db.prepare(
      `SELECT a.id, a.user_id, a.case_key, u.emailVerified AS email_verified, p.prefs FROM alert a
       LEFT JOIN user u ON u.id = a.user_id LEFT JOIN notification_prefs p ON p.user_id = a.user_id
       WHERE a.id IN (SELECT value FROM json_each(?))`,
    );
  }

  /** Returns how many delivery rows were created. Unknown alert ids are skipped. */
  enqueue(alertIds: readonly string[], now: number): number {
    if (alertIds.length === 0) return 0;
    return inTransaction(this.db, () => {
      const prefsOf = new Map<string, Readonly<StoredPrefs>>();
      let created = 0;
      for (const alert of this.alertsStmt.all(JSON.stringify([...new Set(alertIds)])) as AlertRow[]) {
        let prefs = prefsOf.get(alert.user_id);
        if (!prefs) {
          prefs = readOnlyPrefs(alert.prefs);
          prefsOf.set(alert.user_id, prefs);
        }
        // Email goes only to a verified account address.
        const hasEmail = Number(alert.email_verified) === 1;
        for (const channel of CHANNELS) {
          if (channel === 'email' && !hasEmail) continue;
          const plan = planChannel(channel, prefs, alert.case_key, now, this.available);
          if (plan && this.deliveries.insert(alert.id, alert.user_id, channel, plan.status, plan.next, now)) created += 1;
        }
      }
      return created;
    });
  }
}
