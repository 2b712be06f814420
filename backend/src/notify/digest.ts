import { createHash } from 'node:crypto';
import type { Channel } from '../../../shared/api/prefs';
import { inTransaction } from '../db/transaction';
import type { AlertFacts } from './alert-facts';
import { sendEmail } from './channels/email';
import { placeCall, sendSms } from './channels/phone';
import type { Claimed } from './delivery-store';
import { addressOf, sendableAlert, type Address } from './eligibility';
import { maskPhone } from './mask';
import { digestEmail } from './messages/digest-email';
import { digestSms, digestTwiml } from './messages/digest-phone';
import type { SendOutcome } from './outcome';
import { inQuietHours, quietEnd } from './plan';
import type { RelayDeps } from './relay';
import { LEASE_MS, retryDelay } from './retry';
import { settle } from './settle';

/** What the digest needs: the relay's parts (email through the mailer, SMS and calls through Twilio). */
export type DigestDeps = RelayDeps;

/** Digests sent by one digestOnce call, per channel, and how many alerts they carried. */
export type DigestCounts = { emails: number; sms: number; calls: number; entries: number };
const COUNTED = { email: 'emails', sms: 'sms', call: 'calls', browser: null } as const satisfies Record<Channel, keyof DigestCounts | null>;

/** Digests (user × channel) handled per digestOnce call (the rest wait a minute). */
const DIGESTS_PER_RUN = 500;

/** The idempotency key of one digest: derived from its set of rows (whose ids name their channel). */
export function digestKey(deliveryIds: readonly string[]): string {
  return `digest_${createHash('sha256').update([...deliveryIds].sort().join('\n')).digest('base64url').slice(0, 32)}`;
}

/**
 * Daily digests. Deliveries in digest mode (email, SMS, call) wait as `digest` rows due at the
 * user's digest hour (computed in their zone at enqueue, so DST-correct; SMS and calls after quiet
 * hours); once due, a user's rows on one channel go out as one email, one SMS or one call whose
 * idempotency key is derived from the set of rows, so a retry or a second process cannot send it
 * twice. Skips, retries, dead letters and maybe-sent (an SMS or call that timed out: never repeated)
 * are the relay's (eligibility, settle). No rows, no digest.
 */
export class DigestSender {
  constructor(private readonly d: DigestDeps) {}

  async digestOnce(now: number): Promise<DigestCounts> {
    const counts: DigestCounts = { emails: 0, sms: 0, calls: 0, entries: 0 };
    for (const { userId, channel } of this.d.deliveries.dueDigests(now, DIGESTS_PER_RUN)) {
      const claimed = inTransaction(this.d.db, () => this.d.deliveries.claimDigest(userId, channel, now, LEASE_MS));
      if (claimed.length === 0) continue; // another process took them
      const sent = await this.sendDigest(userId, channel, claimed, now);
      const counter = COUNTED[channel];
      if (sent && counter) {
        counts[counter] += 1;
        counts.entries += sent;
      }
    }
    return counts;
  }

  /** One user's due rows on one channel. Returns how many entries went out (0: nothing sent). */
  private async sendDigest(userId: string, channel: Channel, claimed: Claimed[], now: number): Promise<number> {
    const stored = this.d.prefs.get(userId);
    const address = addressOf(channel, userId, stored, this.d);
    const quiet = channel !== 'email' && inQuietHours(stored, now);
    const include: { c: Claimed; facts: AlertFacts }[] = [];
    const skip: { c: Claimed; outcome: SendOutcome }[] = [];
    for (const c of claimed) {
      const alert = sendableAlert(this.d.facts, c, stored);
      if (!alert.ok) skip.push({ c, outcome: alert.outcome });
      else if (!address.ok) skip.push({ c, outcome: address.outcome });
      else if (quiet) skip.push({ c, outcome: { kind: 'postpone', until: quietEnd(stored, now) } });
      else include.push({ c, facts: alert.value });
    }
    inTransaction(this.d.db, () => {
      for (const s of skip) settle(this.d.deliveries, s.c, s.outcome, now, { retryStatus: 'digest' });
    });
    if (include.length === 0 || !address.ok) return 0;

    const to = address.value;
    const key = digestKey(include.map((i) => i.c.id));
    const outcome = await this.send(to, include.map((i) => i.facts), key, userId);
    // A retry takes the whole digest again together: one next time for every row (SMS, calls: after quiet hours).
    const at = now + retryDelay(Math.max(...include.map((i) => i.c.attempts)), this.d.random);
    const retryAt = to.channel === 'email' ? at : quietEnd(stored, at);
    const results = inTransaction(this.d.db, () => include.map((i) => settle(this.d.deliveries, i.c, outcome, now, { retryStatus: 'digest', adjustRetry: () => retryAt })));
    const log = { userId, channel, digest: key, entries: include.length, outcome: results[0], ...(to.channel === 'email' ? {} : { to: maskPhone(to.to) }) };
    if (results[0] === 'dead' || results[0] === 'maybe-sent') this.d.logger.warn(log, 'digest not confirmed');
    else this.d.logger.info(log, `digest ${channel}`);
    return outcome.kind === 'sent' ? include.length : 0;
  }

  private send(to: Address, alerts: AlertFacts[], key: string, userId: string): Promise<SendOutcome> {
    switch (to.channel) {
      case 'email':
        return sendEmail(this.d.mailer, digestEmail(alerts, to.to, key, (caseKey) => this.d.unsubscribeUrl(userId, caseKey)), this.d.sendTimeoutMs);
      case 'sms':
        return sendSms(to.twilio, to.to, digestSms(alerts), key);
      case 'call':
        return placeCall(to.twilio, to.to, digestTwiml(alerts), key);
    }
  }
}
