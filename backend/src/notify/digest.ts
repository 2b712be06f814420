import { createHash } from 'node:crypto';
import { inTransaction } from '../db/transaction';
import type { AlertFacts } from './alert-facts';
import { sendEmail } from './channels/email';
import type { Claimed } from './delivery-store';
import { digestEmail } from './messages/digest-email';
import type { SendOutcome } from './outcome';
import { LEASE_MS, retryDelay } from './retry';
import type { RelayDeps } from './relay';
import { settle } from './settle';

/** What the digest needs: the relay's parts, without Twilio (a digest is an email). */
export type DigestDeps = Omit<RelayDeps, 'twilio'>;

/** Users handled per digestOnce call (the rest wait a minute). */
const USERS_PER_RUN = 500;

/**
 * Daily digests. Email deliveries in digest mode wait as `digest` rows due at the user's digest
 * hour (computed in their zone at enqueue, so DST-correct); once due, all of a user's rows go out as
 * one email whose idempotency key is derived from the set of rows, so a retry or a second process
 * cannot send it twice. No rows, no email.
 */
export class DigestSender {
  constructor(private readonly d: DigestDeps) {}

  async digestOnce(now: number): Promise<{ emails: number; entries: number }> {
    let emails = 0;
    let entries = 0;
    for (const userId of this.d.deliveries.digestUsers(now, USERS_PER_RUN)) {
      const claimed = inTransaction(this.d.db, () => this.d.deliveries.claimDigest(userId, now, LEASE_MS));
      if (claimed.length === 0) continue; // another process took them
      const sent = await this.sendDigest(userId, claimed, now);
      if (sent) {
        emails += 1;
        entries += sent;
      }
    }
    return { emails, entries };
  }

  /** Returns how many entries went out (0: nothing sent). */
  private async sendDigest(userId: string, claimed: Claimed[], now: number): Promise<number> {
    const stored = this.d.prefs.get(userId);
    const to = this.d.recipients.verifiedEmail(userId);
    const include: { c: Claimed; facts: AlertFacts }[] = [];
    const skip: { c: Claimed; outcome: SendOutcome }[] = [];
    for (const c of claimed) {
      const facts = this.d.facts.read(c.alertId);
      if (facts === null) skip.push({ c, outcome: { kind: 'cancel', reason: 'the alert no longer exists' } });
      else if (facts === 'unreadable' || facts.userId !== userId) skip.push({ c, outcome: { kind: 'rejected', error: 'the alert is unreadable' } });
      else if (!to) skip.push({ c, outcome: { kind: 'cancel', reason: 'the account has no verified email address' } });
      else if (!stored.prefs.channels.email.enabled) skip.push({ c, outcome: { kind: 'cancel', reason: 'email notifications are turned off' } });
      else if (stored.prefs.cases[facts.caseKey] === 'mute') skip.push({ c, outcome: { kind: 'cancel', reason: 'the case is muted' } });
      else if (facts.caseRemoved) skip.push({ c, outcome: { kind: 'cancel', reason: 'the case was removed from the folder' } });
      else include.push({ c, facts });
    }
    inTransaction(this.d.db, () => {
      for (const s of skip) settle(this.d.deliveries, s.c, s.outcome, now, { retryStatus: 'digest' });
    });
    if (include.length === 0 || !to) return 0;

    const ids = include.map((i) => i.c.id).sort();
    const key = `digest_${createHash('sha256').update(ids.join('\n')).digest('base64url').slice(0, 32)}`;
    const email = digestEmail(include.map((i) => i.facts), to, key, (caseKey) => this.d.unsubscribeUrl(userId, caseKey));
    const outcome = await sendEmail(this.d.mailer, email, this.d.sendTimeoutMs);
    // A retry takes the whole digest again together: one next time for every row.
    const retryAt = now + retryDelay(Math.max(...include.map((i) => i.c.attempts)), this.d.random);
    const results = inTransaction(this.d.db, () => include.map((i) => settle(this.d.deliveries, i.c, outcome, now, { retryStatus: 'digest', adjustRetry: () => retryAt })));
    this.d.logger.info({ userId, digest: key, entries: include.length, outcome: results[0] }, 'digest email');
    return outcome.kind === 'sent' ? include.length : 0;
  }
}
