import type pino from 'pino';
import { DIGEST_CHANNELS, PrefsErrorCodes, type CaseOverride, type DigestChannel, type NotificationPrefs, type PrefsView } from '../../../shared/api/prefs';
import { ErrorCodes } from '../../../shared/api/errors';
import { lastZonedHour } from '../../../shared/schedule/zoned';
import { RateLimiter } from '../http/rate-limit';
import type { DeliveryStore } from './delivery-store';
import { maskPhone } from './mask';
import { phoneCodeSms } from './messages/phone';
import { PHONE_CODE, type PhoneCheck, type PhoneVerification } from './phone-verification';
import { digestAt, quietEnd, type Availability } from './plan';
import type { PrefsStore } from './prefs-store';
import type { TwilioClient } from './twilio';

export type Refusal = { ok: false; status: 409 | 429 | 502; code: string; message: string; retryAfter?: number };

/** Phone codes by SMS: at most 5 per user per hour (each costs money and bothers a phone). */
const PHONE_CODES_PER_HOUR = 5;

/**
 * The notification settings as the API sees them: read with defaults, replace (refusing channels the
 * server cannot send on), mute a case (unsubscribe link), and the phone confirmation steps.
 */
export class NotificationSettings {
  private readonly phoneLimiter = new RateLimiter(PHONE_CODES_PER_HOUR, 3_600_000);

  constructor(
    private readonly d: {
      store: PrefsStore;
      deliveries: DeliveryStore;
      phone: PhoneVerification;
      twilio: TwilioClient | null;
      available: Availability;
      logger: pino.Logger;
      userExists: (userId: string) => boolean;
      /** Deliveries became due at once (released from a digest): the relay should look now. */
      onReleased?: () => void;
    },
  ) {}

  view(userId: string, now: number): PrefsView {
    const s = this.d.store.get(userId);
    const pending = s.challenge && s.challenge.expiresAt > now && s.challenge.attempts < PHONE_CODE.maxAttempts ? s.challenge.phone : null;
    return { ...s.prefs, phone: { number: s.phone?.number ?? null, pending }, available: { ...this.d.available } };
  }

  /**
   * Replace the settings. Waiting digests (email, SMS, call) move to the new digest time when hour,
   * zone or (SMS, calls) quiet hours changed; they go out on their own at once (after quiet hours)
   * when their channel leaves digest mode, or their case is newly set to immediate.
   */
  put(userId: string, prefs: NotificationPrefs, now: number): { ok: true; view: PrefsView } | Refusal {
    for (const channel of ['sms', 'call'] as const) {
      if (prefs.channels[channel].enabled && !this.d.available[channel]) {
        return { ok: false, status: 409, code: PrefsErrorCodes.channelUnavailable, message: `channels.${channel}: SMS and calls are not available on this server (no Twilio account configured); turn ${channel} off.` };
      }
    }
    this.d.store.update(userId, now, (s) => {
      const moved = s.prefs.digestHour !== prefs.digestHour || s.prefs.timeZone !== prefs.timeZone;
      const quietMoved = JSON.stringify(s.prefs.quietHours) !== JSON.stringify(prefs.quietHours);
      const before = s.prefs;
      const newlySet = (choice: CaseOverride) => Object.keys(prefs.cases).filter((key) => prefs.cases[key] === choice && before.cases[key] !== choice);
      const nowImmediate = newlySet('immediate');
      const nowMuted = newlySet('mute');
      const leftDigest = (channel: DigestChannel) => before.channels[channel].mode === 'digest' && prefs.channels[channel].mode === 'immediate';
      const browserOff = before.channels.browser.enabled && !prefs.channels.browser.enabled;
      s.prefs = prefs;
      let released = 0;
      for (const channel of DIGEST_CHANNELS) {
        const release = (keys: string[] | null) => this.d.deliveries.releaseDigest(userId, channel, channel === 'email' ? now : quietEnd(s, now), now, keys);
        if (leftDigest(channel)) released += release(null);
        else if (nowImmediate.length > 0) released += release(nowImmediate);
        if (moved) this.d.deliveries.rescheduleDigest(userId, channel, digestAt(s, channel, now), now);
        // SMS and call digests also wait out quiet hours: from the digest hour they were waiting for,
        // to the end of the new quiet hours (the same day's digest, not the next one).
        else if (channel !== 'email' && quietMoved) {
          for (const from of this.d.deliveries.waitingDigestTimes(userId, channel)) {
            const hour = lastZonedHour(from, prefs.digestHour, prefs.timeZone);
            this.d.deliveries.rescheduleDigest(userId, channel, Math.max(now, quietEnd(s, hour)), now, from);
          }
        }
      }
      // Browser notifications not yet handed to a browser follow the new choice too.
      if (browserOff) this.d.deliveries.cancelReady(userId, null, 'browser notifications are turned off', now);
      else if (nowMuted.length > 0) this.d.deliveries.cancelReady(userId, nowMuted, 'the case is muted', now);
      if (released > 0) this.d.onReleased?.();
    });
    return { ok: true, view: this.view(userId, now) };
  }

  /** Stop every notification about one case (the one-click unsubscribe); false when the account is gone. */
  mute(userId: string, caseKey: string, now: number): boolean {
    if (!this.d.userExists(userId)) return false;
    this.d.store.update(userId, now, (s) => {
      s.prefs.cases[caseKey] = 'mute';
      this.d.deliveries.cancelReady(userId, [caseKey], 'the case is muted', now);
    });
    this.d.logger.info({ userId }, 'case muted by unsubscribe');
    return true;
  }

  /** Send a 6-digit code to `phone` by SMS; the number is confirmed once the code comes back. */
  async startPhone(userId: string, phone: string, now: number): Promise<{ ok: true; expiresAt: number } | Refusal> {
    const twilio = this.d.twilio;
    if (!twilio) return { ok: false, status: 409, code: PrefsErrorCodes.channelUnavailable, message: 'SMS is not available on this server (no Twilio account configured), so a phone number cannot be confirmed.' };
    const verdict = this.phoneLimiter.hit(userId, now);
    if (!verdict.allowed) {
      return { ok: false, status: 429, code: ErrorCodes.rateLimited, message: `Too many codes asked for; try again in ${Math.ceil(verdict.retryAfter / 60)} minutes.`, retryAfter: verdict.retryAfter };
    }
    const challenge = this.d.phone.start(userId, phone, now);
    const result = await twilio.sendSms(phone, phoneCodeSms(challenge.code), `phone-code-${challenge.id}`);
    if (result.kind === 'sent' || result.kind === 'maybe-sent') {
      this.d.logger.info({ userId, to: maskPhone(phone), outcome: result.kind }, 'phone confirmation code sent');
      return { ok: true, expiresAt: now + PHONE_CODE.ttlMs };
    }
    this.d.phone.abandon(userId, challenge.id, now);
    this.d.logger.warn({ userId, to: maskPhone(phone), outcome: result.kind }, 'phone confirmation code not sent');
    return {
      ok: false,
      status: 502,
      code: PrefsErrorCodes.smsFailed,
      message: result.kind === 'rejected' ? 'The SMS provider refused this number; check it and try again.' : 'The SMS could not be sent just now; try again in a minute.',
    };
  }

  confirmPhone(userId: string, code: string, now: number): PhoneCheck {
    const check = this.d.phone.confirm(userId, code, now);
    if (check.ok) this.d.logger.info({ userId, to: maskPhone(check.phone) }, 'phone number confirmed');
    return check;
  }

  /** Forget the confirmed number (SMS and calls stop) and any pending code. */
  removePhone(userId: string, now: number): void {
    this.d.store.update(userId, now, (s) => {
      s.phone = null;
      s.challenge = null;
    });
  }
}
