import type { Channel } from '../../../shared/api/prefs';
import { afterZonedHours, inZonedHours, nextZonedHour } from '../../../shared/schedule/zoned';
import type { StoredPrefs } from './prefs-store';

export type Plan = { status: 'pending' | 'digest' | 'ready'; next: number };

/** Whether the server can send on a channel: SMS and calls need Twilio. */
export type Availability = Record<Channel, boolean>;

/**
 * Whether and when an alert on `caseKey` goes out on `channel` for a user with these settings
 * (null: not at all). Muted case: nothing. Email in digest mode (unless the case is "immediate"):
 * waits for the next digest hour in the user's zone. SMS and calls: only to a confirmed phone, and
 * after quiet hours. Browser: ready for the extension at once.
 */
export function planChannel(channel: Channel, s: StoredPrefs, caseKey: string, now: number, available: Availability): Plan | null {
  const p = s.prefs;
  const override = p.cases[caseKey];
  if (override === 'mute' || !p.channels[channel].enabled || !available[channel]) return null;
  switch (channel) {
    case 'browser':
      return { status: 'ready', next: now };
    case 'email':
      return p.channels.email.mode === 'digest' && override !== 'immediate'
        ? { status: 'digest', next: nextZonedHour(now, p.digestHour, p.timeZone) }
        : { status: 'pending', next: now };
    case 'sms':
    case 'call':
      if (!s.phone) return null;
      return { status: 'pending', next: quietEnd(s, now) };
  }
}

/** `ts`, or the end of the user's quiet hours when `ts` falls inside them. */
export function quietEnd(s: StoredPrefs, ts: number): number {
  return s.prefs.quietHours ? afterZonedHours(ts, s.prefs.quietHours, s.prefs.timeZone) : ts;
}

export function inQuietHours(s: StoredPrefs, ts: number): boolean {
  return s.prefs.quietHours ? inZonedHours(ts, s.prefs.quietHours, s.prefs.timeZone) : false;
}
