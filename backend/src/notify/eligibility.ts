import type { AlertFacts, AlertFactsReader } from './alert-facts';
import type { Claimed } from './delivery-store';
import type { SendOutcome } from './outcome';
import type { StoredPrefs } from './prefs-store';
import type { Recipients } from './recipients';
import type { TwilioClient } from './twilio';

/** A value, or why a delivery does not go out (the relay and the digest settle the row with it). */
export type Checked<T> = { ok: true; value: T } | { ok: false; outcome: SendOutcome };

const cancel = (reason: string): Checked<never> => ({ ok: false, outcome: { kind: 'cancel', reason } });

/**
 * The alert behind a claimed delivery, when it should still go out on the delivery's channel: not
 * gone, readable and the user's own, case not muted nor removed from the folder, channel still on.
 */
export function sendableAlert(reader: AlertFactsReader, c: Claimed, stored: StoredPrefs): Checked<AlertFacts> {
  const facts = reader.read(c.alertId);
  if (facts === null) return cancel('the alert no longer exists');
  if (facts === 'unreadable' || facts.userId !== c.userId) return { ok: false, outcome: { kind: 'rejected', error: 'the alert is unreadable' } };
  if (stored.prefs.cases[facts.caseKey] === 'mute') return cancel('the case is muted');
  if (facts.caseRemoved) return cancel('the case was removed from the folder');
  if (!stored.prefs.channels[c.channel].enabled) return cancel(`${c.channel} notifications are turned off`);
  return { ok: true, value: facts };
}

/** Where a message goes: the verified account email, or the confirmed phone (with the Twilio client that reaches it). */
export type Address = { channel: 'email'; to: string } | { channel: 'sms' | 'call'; to: string; twilio: TwilioClient };

/** The user's address on `channel`, or why there is none. Browser notifications have none: the extension shows them. */
export function addressOf(
  channel: Claimed['channel'],
  userId: string,
  stored: StoredPrefs,
  d: { recipients: Recipients; twilio: TwilioClient | null },
): Checked<Address> {
  switch (channel) {
    case 'email': {
      const to = d.recipients.verifiedEmail(userId);
      return to ? { ok: true, value: { channel, to } } : cancel('the account has no verified email address');
    }
    case 'sms':
    case 'call':
      if (!d.twilio) return cancel('SMS and calls are not configured on this server');
      if (!stored.phone) return cancel('no confirmed phone number');
      return { ok: true, value: { channel, to: stored.phone.number, twilio: d.twilio } };
    case 'browser':
      return cancel('browser notifications are shown by the extension');
  }
}
