import type { Db } from '../db/connection';
import { inTransaction } from '../db/transaction';

/** 5 failed sign-ins for one account within 15 minutes lock it for 30 minutes. */
export const LOCKOUT = { maxFailures: 5, windowMs: 15 * 60_000, lockMs: 30 * 60_000 } as const;

/**
 * Per-account lockout (better-auth has none). Failures are counted per user id, so guessing at one
 * account from many addresses still locks it; a successful sign-in clears the count, a password
 * reset clears the lock.
 */
export class Lockout {
  constructor(private readonly db: Db) {}

  /** When the account's lock ends (ms), or null when it is not locked at `now`. */
  lockedUntil(userId: string, now: number): number | null {
    const row = this.db.prepare('SELECT locked_until FROM account_lock WHERE user_id = ?').get(userId) as { locked_until: number } | undefined;
    return row && Number(row.locked_until) > now ? Number(row.locked_until) : null;
  }

  /** Count a failed sign-in; returns the lock's end when this failure locked the account. */
  recordFailure(userId: string, now: number): number | null {
    const db = this.db;
    return inTransaction(db, () => {
      db.prepare('DELETE FROM sign_in_failure WHERE user_id = ? AND at <= ?').run(userId, now - LOCKOUT.windowMs);
      db.prepare('INSERT INTO sign_in_failure (user_id, at) VALUES (?, ?)').run(userId, now);
      const { n } = db.prepare('SELECT count(*) AS n FROM sign_in_failure WHERE user_id = ?').get(userId) as { n: number };
      let lockedUntil: number | null = null;
      if (Number(n) >= LOCKOUT.maxFailures) {
        lockedUntil = now + LOCKOUT.lockMs;
        db.prepare('INSERT INTO account_lock (user_id, locked_until) VALUES (?, ?) ON CONFLICT (user_id) DO UPDATE SET locked_until = excluded.locked_until').run(userId, lockedUntil);
        db.prepare('DELETE FROM sign_in_failure WHERE user_id = ?').run(userId);
      }
      return lockedUntil;
    });
  }

  /** After a successful sign-in: earlier failures no longer count. */
  clearFailures(userId: string): void {
    this.db.prepare('DELETE FROM sign_in_failure WHERE user_id = ?').run(userId);
  }

  /** After a password reset: unlocked, failures forgotten. */
  unlock(userId: string): void {
    this.clearFailures(userId);
    this.db.prepare('DELETE FROM account_lock WHERE user_id = ?').run(userId);
  }
}
