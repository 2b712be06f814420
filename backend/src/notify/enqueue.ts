import { CHANNELS } from '../../../shared/api/prefs';
import type { Db } from '../db/connection';
import { inTransaction } from '../db/transaction';
import type { DeliveryStore } from './delivery-store';
import { planChannel, type Availability } from './plan';
import type { PrefsStore, StoredPrefs } from './prefs-store';
import type { Recipients } from './recipients';

/**
 * Alerts → delivery rows, one per alert × channel the user chose (unique: enqueueing the same alert
 * again inserts nothing). Synchronous SQL only, so the poller may call it inside its own transaction
 * (it joins it); otherwise it runs in one of its own.
 */
export class Enqueuer {
  private readonly alertStmt;

  constructor(
    private readonly db: Db,
    private readonly prefs: PrefsStore,
    private readonly deliveries: DeliveryStore,
    private readonly recipients: Recipients,
    private readonly available: Availability,
  ) {
    this.alertStmt = db.prepare('SELECT user_id, case_key FROM alert WHERE id = ?');
  }

  /** Returns how many delivery rows were created. Unknown alert ids are skipped. */
  enqueue(alertIds: readonly string[], now: number): number {
    return inTransaction(this.db, () => {
      const users = new Map<string, { prefs: StoredPrefs; hasEmail: boolean }>();
      let created = 0;
      for (const alertId of new Set(alertIds)) {
        const alert = this.alertStmt.get(alertId) as { user_id: string; case_key: string } | undefined;
        if (!alert) continue;
        let user = users.get(alert.user_id);
        if (!user) {
          user = { prefs: this.prefs.get(alert.user_id), hasEmail: this.recipients.verifiedEmail(alert.user_id) !== null };
          users.set(alert.user_id, user);
        }
        for (const channel of CHANNELS) {
          if (channel === 'email' && !user.hasEmail) continue;
          const plan = planChannel(channel, user.prefs, alert.case_key, now, this.available);
          if (plan && this.deliveries.insert(alertId, alert.user_id, channel, plan.status, plan.next, now)) created += 1;
        }
      }
      return created;
    });
  }
}
