import { createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import type { PrefsStore } from './prefs-store';

/** A phone code lives 10 minutes and allows 5 tries; a new request replaces the old code. */
export const PHONE_CODE = { ttlMs: 10 * 60_000, maxAttempts: 5 } as const;

export type PhoneCheck =
  | { ok: true; phone: string }
  | { ok: false; reason: 'none' | 'expired' | 'wrong'; attemptsLeft: number };

/**
 * Confirming a phone number before anything is sent to it: a 6-digit code by SMS, typed back. The
 * code is stored only as an HMAC under the server secret (bound to the challenge and the number).
 */
export class PhoneVerification {
  constructor(
    private readonly store: PrefsStore,
    private readonly secret: string,
  ) {}

  /** A new challenge for `phone`; returns the plain code for the SMS only, and the id as its idempotency token. */
  start(userId: string, phone: string, now: number): { id: string; code: string } {
    const id = randomBytes(18).toString('base64url');
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    this.store.update(userId, now, (s) => {
      s.challenge = { id, phone, codeHash: this.mac(id, phone, code), attempts: 0, expiresAt: now + PHONE_CODE.ttlMs };
    });
    return { id, code };
  }

  /** Forget a challenge whose SMS could not be sent. */
  abandon(userId: string, id: string, now: number): void {
    this.store.update(userId, now, (s) => {
      if (s.challenge?.id === id) s.challenge = null;
    });
  }

  /** Right code: the number becomes the confirmed phone. Wrong: one try fewer; none left = expired. */
  confirm(userId: string, code: string, now: number): PhoneCheck {
    return this.store.update(userId, now, (s): PhoneCheck => {
      const c = s.challenge;
      if (!c) return { ok: false, reason: 'none', attemptsLeft: 0 };
      if (c.expiresAt <= now || c.attempts >= PHONE_CODE.maxAttempts) {
        s.challenge = null;
        return { ok: false, reason: 'expired', attemptsLeft: 0 };
      }
      const expected = Buffer.from(c.codeHash, 'hex');
      const given = Buffer.from(this.mac(c.id, c.phone, code), 'hex');
      if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
        c.attempts += 1;
        const attemptsLeft = PHONE_CODE.maxAttempts - c.attempts;
        if (attemptsLeft <= 0) s.challenge = null;
        return { ok: false, reason: attemptsLeft > 0 ? 'wrong' : 'expired', attemptsLeft };
      }
      s.phone = { number: c.phone, confirmedAt: now };
      s.challenge = null;
      return { ok: true, phone: c.phone };
    });
  }

  private mac(id: string, phone: string, code: string): string {
    return createHmac('sha256', this.secret).update(`phone-code:${id}:${phone}:${code}`).digest('hex');
  }
}
