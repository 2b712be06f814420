import type { Channel, DigestChannel } from '../../../shared/api/prefs';
import { afterZonedHours, inZonedHours, nextZonedHour } from '../../../shared/schedule/zoned';
import type { StoredPrefs } from './prefs-store';

export type Plan = { status: 'pending' | 'digest' | 'ready'; next: number };

/** Whether the server can send on a channel: SMS and calls need Twilio. */
export type Availability = Record<Channel, boolean>;

/**
 * When the next digest on `channel` goes out: the user's next digest hour in their zone; for SMS
 * and calls, after quiet hours when the digest hour falls inside them.
 */
export function digestAt(s: StoredPrefs, channel: DigestChannel, now: number): number {
  const at = nextZonedHour(now, s.prefs.digestHour, s.prefs.timeZone);
  return channel === 'email' ? at : quietEnd(s, at);
}

/**
 * Whether and when an alert on `caseKey` goes out on `channel` for a user with these settings
 * (null: not at all). Muted case: nothing. SMS and calls: only to a confirmed phone, and after quiet
 * hours. Email, SMS and calls in digest mode (unless the case is "immediate"): wait for the next
 * digest (digestAt). Browser: ready for the extension at once.
 */
export function planChannel(channel: Channel, s: StoredPrefs, caseKey: string, now: number, available: Availability): Plan | null {
  const p = s.prefs;
  const override = p.cases[caseKey];
  if (override === 'mute' || !p.channels[channel].enabled || !available[channel]) return null;
  if (channel === 'browser') return { status: 'ready', next: now };
  if ((channel === 'sms' || channel === 'call') && !s.phone) return null;
  if (p.channels[channel].mode === 'digest' && override !== 'immediate') return { status: 'digest', next: digestAt(s, channel, now) };
  return { status: 'pending', next: channel === 'email' ? now : quietEnd(s, now) };
}

/** `ts`, or the end of the user's quiet hours when `ts` falls inside them. */
export function quietEnd(s: StoredPrefs, ts: number): number {
  return s.prefs.quietHours ? afterZonedHours(ts, s.prefs.quietHours, s.prefs.timeZone) : ts;
}

export function inQuietHours(s: StoredPrefs, ts: number): boolean {
  return s.prefs.quietHours ? inZonedHours(ts, s.prefs.quietHours, s.prefs.timeZone) : false;
}
