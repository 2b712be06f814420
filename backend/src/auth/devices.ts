import { createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import type { Db } from '../db/connection';

/** A device that passed the emailed code is trusted this long; a code lives 10 min, 5 tries. */
export const DEVICES = { trustMs: 30 * 24 * 3_600_000, codeMs: 10 * 60_000, maxAttempts: 5 } as const;

/** What the extension sends to name this browser: 32 random bytes, base64url. */
export const DEVICE_ID = /^[A-Za-z0-9_-]{20,100}$/;

export type CodeCheck =
  | { ok: true; userId: string; deviceHash: string | null; label: string }
  | { ok: false; reason: 'expired' | 'wrong'; attemptsLeft: number };

/**
 * New-device sign-in codes and trusted devices. Device ids and codes are stored only as HMACs
 * under the server secret, so a copy of the database gives neither.
 */
export class Devices {
  constructor(
    private readonly db: Db,
    private readonly secret: string,
  ) {}

  hashDevice(deviceId: string): string {
    return this.mac(`device:${deviceId}`);
  }

  isTrusted(userId: string, deviceHash: string, now: number): boolean {
    const row = this.db.prepare('SELECT expires_at FROM trusted_device WHERE user_id = ? AND device_hash = ?').get(userId, deviceHash) as { expires_at: number } | undefined;
    return !!row && Number(row.expires_at) > now;
  }

  /** A new challenge; any older one of the user is replaced. Returns its id and the plain code (for the email only). */
  createChallenge(userId: string, deviceHash: string | null, label: string, now: number): { id: string; code: string } {
    const id = randomBytes(18).toString('base64url');
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    this.db.prepare('DELETE FROM device_challenge WHERE user_id = ? OR expires_at <= ?').run(userId, now);
    this.db
      .prepare('INSERT INTO device_challenge (id, user_id, device_hash, label, code_hash, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(id, userId, deviceHash, label, this.mac(`code:${id}:${code}`), now, now + DEVICES.codeMs);
    return { id, code };
  }

  /** Check a typed code. Right: the challenge is used up. Wrong: one attempt fewer; none left = expired. */
  checkCode(challengeId: string, code: string, now: number): CodeCheck {
    const row = this.db.prepare('SELECT user_id, device_hash, label, code_hash, attempts, expires_at FROM device_challenge WHERE id = ?').get(challengeId) as
      | { user_id: string; device_hash: string | null; label: string; code_hash: string; attempts: number; expires_at: number }
      | undefined;
    if (!row || Number(row.expires_at) <= now || Number(row.attempts) >= DEVICES.maxAttempts) return { ok: false, reason: 'expired', attemptsLeft: 0 };
    const expected = Buffer.from(row.code_hash, 'hex');
    const given = Buffer.from(this.mac(`code:${challengeId}:${code}`), 'hex');
    if (!timingSafeEqual(expected, given)) {
      this.db.prepare('UPDATE device_challenge SET attempts = attempts + 1 WHERE id = ?').run(challengeId);
      const attemptsLeft = DEVICES.maxAttempts - Number(row.attempts) - 1;
      return attemptsLeft > 0 ? { ok: false, reason: 'wrong', attemptsLeft } : { ok: false, reason: 'expired', attemptsLeft: 0 };
    }
    this.db.prepare('DELETE FROM device_challenge WHERE id = ?').run(challengeId);
    return { ok: true, userId: row.user_id, deviceHash: row.device_hash, label: row.label };
  }

  trust(userId: string, deviceHash: string, label: string, now: number): void {
    this.db
      .prepare(
        `INSERT INTO trusted_device (user_id, device_hash, label, created_at, expires_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (user_id, device_hash) DO UPDATE SET label = excluded.label, expires_at = excluded.expires_at`,
      )
      .run(userId, deviceHash, label, now, now + DEVICES.trustMs);
  }

  /** The user's trusted devices (label and dates, never the hash), newest first. */
  list(userId: string): { label: string; createdAt: string; expiresAt: string }[] {
    const rows = this.db.prepare('SELECT label, created_at, expires_at FROM trusted_device WHERE user_id = ? ORDER BY created_at DESC').all(userId) as {
      label: string;
      created_at: number;
      expires_at: number;
    }[];
    return rows.map((r) => ({ label: r.label, createdAt: new Date(Number(r.created_at)).toISOString(), expiresAt: new Date(Number(r.expires_at)).toISOString() }));
  }

  /** Every trusted device and pending code forgotten (account deletion). */
  forgetAll(userId: string): void {
    this.db.prepare('DELETE FROM trusted_device WHERE user_id = ?').run(userId);
    this.db.prepare('DELETE FROM device_challenge WHERE user_id = ?').run(userId);
  }

  private mac(s: string): string {
    return createHmac('sha256', this.secret).update(s).digest('hex');
  }
}
