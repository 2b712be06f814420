import { createHash } from 'node:crypto';
import type { Channel } from '../../../shared/api/prefs';
import type { Db } from '../db/connection';

/**
 * The delivery outbox (`delivery`, one row per alert × channel, unique) and its attempt log
 * (`delivery_attempt`). Status:
 * - `pending`: the relay sends it at `next_attempt_at` (first try, or a retry);
 * - `digest`: waits for the user's daily digest on its channel (email, SMS, call), due at `next_attempt_at`;
 * - `ready`: a browser notification, for the extension to show (no relay); `sent` once a browser of
 *   the user has pulled the alert (provider id: that browser's sync client id);
 * - `sent`, `maybe-sent` (an SMS/call whose request timed out: never repeated), `dead` (gave up),
 *   `cancelled` (muted, channel turned off, or no confirmed phone by the time it was due).
 * A relay owns a row while `lease_until` is in the future; a crashed relay's lease simply expires.
 */
export type DeliveryStatus = 'pending' | 'digest' | 'ready' | 'sent' | 'maybe-sent' | 'dead' | 'cancelled';
export type AttemptOutcome = 'sent' | 'retry' | 'dead' | 'maybe-sent';

export type Claimed = { id: string; alertId: string; userId: string; channel: Channel; attempts: number; leaseUntil: number; nextAttemptAt: number };

type ClaimedRow = { id: string; alert_id: string; user_id: string; channel: Channel; attempts: number; lease_until: number; next_attempt_at: number };
const toClaimed = (r: ClaimedRow): Claimed => ({
  id: r.id,
  alertId: r.alert_id,
  userId: r.user_id,
  channel: r.channel,
  attempts: Number(r.attempts),
  leaseUntil: Number(r.lease_until),
  nextAttemptAt: Number(r.next_attempt_at),
});

/** A delivery's id, the same whoever enqueues it: also the idempotency key sent to Resend and Twilio. */
export function deliveryId(alertId: string, channel: Channel): string {
  return `dlv_${createHash('sha256').update(`${alertId}\n${channel}`).digest('base64url').slice(0, 32)}`;
}

const RETURNING = 'RETURNING id, alert_id, user_id, channel, attempts, lease_until, next_attempt_at';

/** A delivery of an alert on one of the cases `:keys` (a JSON array) of `:user`; all of them when `:keys` is null. */
const OF_CASES = '(:keys IS NULL OR alert_id IN (SELECT id FROM alert WHERE user_id = :user AND case_key IN (SELECT value FROM json_each(:keys))))';
const keysParam = (caseKeys: readonly string[] | null): string | null => (caseKeys === null ? null : JSON.stringify(caseKeys));

export class DeliveryStore {
  private readonly s;

  constructor(private readonly db: Db) {
    this.s = {
      insert: db.prepare(
        `INSERT INTO delivery (id, alert_id, user_id, channel, status, attempts, next_attempt_at, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, 0, ?, ?, ?) ON CONFLICT (alert_id, channel) DO NOTHING`,
      ),
      claimDue: db.prepare(
        `UPDATE delivery SET lease_until = :lease, attempts = attempts + 1, updated_at = :now
         WHERE id IN (SELECT id FROM delivery WHERE status = 'pending' AND next_attempt_at <= :now AND (lease_until IS NULL OR lease_until <= :now)
                      ORDER BY next_attempt_at LIMIT :limit)
         ${RETURNING}`,
      ),
      dueDigests: db.prepare(
        `SELECT DISTINCT user_id, channel FROM delivery WHERE status = 'digest' AND next_attempt_at <= :now AND (lease_until IS NULL OR lease_until <= :now) LIMIT :limit`,
      ),
      // The rows tried most often first: a retried digest goes out as the same set (its idempotency
      // key is derived from the set), never merged with rows that became due since.
      claimDigest: db.prepare(
        `UPDATE delivery SET lease_until = :lease, attempts = attempts + 1, updated_at = :now
         WHERE user_id = :user AND channel = :channel AND status = 'digest' AND next_attempt_at <= :now AND (lease_until IS NULL OR lease_until <= :now)
           AND attempts = (SELECT MAX(attempts) FROM delivery WHERE user_id = :user AND channel = :channel AND status = 'digest' AND next_attempt_at <= :now
             AND (lease_until IS NULL OR lease_until <= :now))
         ${RETURNING}`,
      ),
      finish: db.prepare(
        `UPDATE delivery SET status = :status, next_attempt_at = :next, lease_until = NULL, provider_id = COALESCE(:provider, provider_id),
           last_error = :error, attempts = attempts - :uncount, updated_at = :now
         WHERE id = :id AND lease_until = :lease`,
      ),
      attempt: db.prepare('INSERT INTO delivery_attempt (delivery_id, at, outcome, provider_id, error) VALUES (?, ?, ?, ?, ?)'),
      pulled: db.prepare(`UPDATE delivery SET status = 'sent', attempts = attempts + 1, provider_id = ?, updated_at = ? WHERE id = ? AND status = 'ready'`),
      release: db.prepare(
        `UPDATE delivery SET status = 'pending', next_attempt_at = :next, updated_at = :now
         WHERE user_id = :user AND channel = :channel AND status = 'digest' AND lease_until IS NULL
           AND ${OF_CASES}`,
      ),
      cancelReady: db.prepare(
        `UPDATE delivery SET status = 'cancelled', last_error = :reason, updated_at = :now
         WHERE user_id = :user AND channel = 'browser' AND status = 'ready' AND ${OF_CASES}`,
      ),
      reschedule: db.prepare(
        `UPDATE delivery SET next_attempt_at = :next, updated_at = :now
         WHERE user_id = :user AND channel = :channel AND status = 'digest' AND attempts = 0 AND lease_until IS NULL AND (:from IS NULL OR next_attempt_at = :from)`,
      ),
      waitingTimes: db.prepare(
        `SELECT DISTINCT next_attempt_at AS at FROM delivery WHERE user_id = ? AND channel = ? AND status = 'digest' AND attempts = 0 AND lease_until IS NULL`,
      ),
    };
  }

  /** A new pending/digest/ready row; false when the alert already has one on this channel. */
  insert(alertId: string, userId: string, channel: Channel, status: DeliveryStatus, nextAttemptAt: number, now: number): boolean {
    return this.s.insert.run(deliveryId(alertId, channel), alertId, userId, channel, status, nextAttemptAt, now, now).changes > 0;
  }

  /** Lease up to `limit` due pending rows until `now + leaseMs` (one attempt more each). */
  claimDue(now: number, leaseMs: number, limit: number): Claimed[] {
    return (this.s.claimDue.all({ now, lease: now + leaseMs, limit }) as ClaimedRow[]).map(toClaimed);
  }

  /** Users × channels with digest rows due now (each pair is one digest: an email, an SMS or a call). */
  dueDigests(now: number, limit: number): { userId: string; channel: Channel }[] {
    return (this.s.dueDigests.all({ now, limit }) as { user_id: string; channel: Channel }[]).map((r) => ({ userId: r.user_id, channel: r.channel }));
  }

  /** Lease the due digest rows of one user on one channel: those tried most often (a retry keeps its set). */
  claimDigest(userId: string, channel: Channel, now: number, leaseMs: number): Claimed[] {
    return (this.s.claimDigest.all({ user: userId, channel, now, lease: now + leaseMs }) as ClaimedRow[]).map(toClaimed);
  }

  /**
   * End an attempt: new status and time, provider id and error. Only while `lease` is still ours
   * (a row another relay took over after our lease expired is left to it). `uncount` takes back the
   * attempt count of a claim that sent nothing (postponed, cancelled).
   */
  finish(c: Claimed, update: { status: DeliveryStatus; next: number; providerId?: string | null; error?: string | null; uncount?: boolean }, now: number): boolean {
    return (
      this.s.finish.run({
        id: c.id,
        lease: c.leaseUntil,
        status: update.status,
        next: update.next,
        provider: update.providerId ?? null,
        error: update.error ?? null,
        uncount: update.uncount ? 1 : 0,
        now,
      }).changes > 0
    );
  }

  recordAttempt(deliveryId: string, at: number, outcome: AttemptOutcome, providerId: string | null, error: string | null): void {
    this.s.attempt.run(deliveryId, at, outcome, providerId, error);
  }

  /**
   * A browser pulled these alerts (sync): their `ready` browser deliveries become `sent`, with one
   * attempt each naming the client. Already sent ones stay as they were (a second browser, a repeat).
   */
  markPulled(alertIds: readonly string[], clientId: string | null, now: number): number {
    let marked = 0;
    for (const alertId of alertIds) {
      const id = deliveryId(alertId, 'browser');
      if (this.s.pulled.run(clientId, now, id).changes === 0) continue;
      this.recordAttempt(id, now, 'sent', clientId, null);
      marked += 1;
    }
    return marked;
  }

  /**
   * Waiting digest rows of a user on `channel` (never tried) move to a new time: all of them, or
   * those now due at `from`.
   */
  rescheduleDigest(userId: string, channel: Channel, next: number, now: number, from: number | null = null): number {
    return this.s.reschedule.run({ next, now, user: userId, channel, from }).changes;
  }

  /** When the waiting digest rows of a user on `channel` (never tried) are due, each time once. */
  waitingDigestTimes(userId: string, channel: Channel): number[] {
    return (this.s.waitingTimes.all(userId, channel) as { at: number }[]).map((r) => Number(r.at));
  }

  /**
   * Browser notifications not handed to a browser yet (`ready`) are called off: the user muted
   * these cases (`caseKeys`) or turned the browser channel off (null: every case). A browser that
   * pulls them later stores them unread but does not pop a notification.
   */
  cancelReady(userId: string, caseKeys: readonly string[] | null, reason: string, now: number): number {
    return this.s.cancelReady.run({ user: userId, keys: keysParam(caseKeys), reason, now }).changes;
  }

  /**
   * Waiting digest rows of a user's channel (retries too) go out on their own at `next` instead: the
   * channel left digest mode (`caseKeys` null), or these cases were set to immediate.
   */
  releaseDigest(userId: string, channel: Channel, next: number, now: number, caseKeys: readonly string[] | null): number {
    return this.s.release.run({ next, now, user: userId, channel, keys: keysParam(caseKeys) }).changes;
  }
}
