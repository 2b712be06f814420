import type pino from 'pino';
import type { Db } from '../db/connection';
import { inTransaction } from '../db/transaction';
import type { Mailer } from '../mail/mailer';
import type { AlertFactsReader } from './alert-facts';
import { sendEmail } from './channels/email';
import { placeCall, sendSms } from './channels/phone';
import type { Claimed, DeliveryStore } from './delivery-store';
import { addressOf, sendableAlert } from './eligibility';
import { maskPhone } from './mask';
import { alertEmail } from './messages/alert-email';
import { alertSms, alertTwiml } from './messages/phone';
import type { SendOutcome } from './outcome';
import { inQuietHours, quietEnd } from './plan';
import type { PrefsStore } from './prefs-store';
import type { Recipients } from './recipients';
import { LEASE_MS, MAX_TRIES } from './retry';
import { settle, type Settled } from './settle';
import type { TwilioClient } from './twilio';

/** Rows taken per claim, and how many are sent at once. */
const BATCH = 100;
const PARALLEL = 8;
/** One relayOnce takes at most this many batches, so a backlog never holds the loop for long. */
const MAX_ROUNDS = 20;

export type RelayDeps = {
  db: Db;
  logger: pino.Logger;
  deliveries: DeliveryStore;
  facts: AlertFactsReader;
  prefs: PrefsStore;
  recipients: Recipients;
  mailer: Mailer;
  twilio: TwilioClient | null;
  sendTimeoutMs: number;
  unsubscribeUrl: (userId: string, caseKey: string) => string;
  random?: () => number;
};

export type RelayCounts = Record<Settled, number>;
export const noCounts = (): RelayCounts => ({ sent: 0, retry: 0, dead: 0, 'maybe-sent': 0, cancelled: 0, postponed: 0 });

async function inParallel<T>(items: readonly T[], width: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
}

/**
 * The relay: leases due `pending` deliveries, sends each once with its id as the idempotency key,
 * and settles it (sent, retry later, dead, maybe-sent). Its three steps are public so a test can
 * stop between them, the way a crashed process would.
 */
export class Relay {
  constructor(private readonly d: RelayDeps) {}

  /** Lease due rows (one attempt more each); a crashed relay's lease expires after LEASE_MS. */
  claim(now: number, limit = BATCH): Claimed[] {
    return inTransaction(this.d.db, () => this.d.deliveries.claimDue(now, LEASE_MS, limit));
  }

  /** Send one claimed row (or decide not to: muted, turned off, quiet hours). Writes nothing. */
  async attempt(c: Claimed, now: number): Promise<SendOutcome> {
    if (c.attempts > MAX_TRIES) return { kind: 'rejected', error: `claimed ${c.attempts} times without an answer (relay stopped mid-send)` };
    const stored = this.d.prefs.get(c.userId);
    const alert = sendableAlert(this.d.facts, c, stored);
    if (!alert.ok) return alert.outcome;
    const address = addressOf(c.channel, c.userId, stored, this.d);
    if (!address.ok) return address.outcome;
    const facts = alert.value;
    const a = address.value;
    if (a.channel === 'email') return sendEmail(this.d.mailer, alertEmail(facts, a.to, c.id, this.d.unsubscribeUrl(c.userId, facts.caseKey)), this.d.sendTimeoutMs);
    if (inQuietHours(stored, now)) return { kind: 'postpone', until: quietEnd(stored, now) };
    return a.channel === 'sms' ? sendSms(a.twilio, a.to, alertSms(facts), c.id) : placeCall(a.twilio, a.to, alertTwiml(facts), c.id);
  }

  /** Write the outcome: status, next try, attempt log. */
  record(c: Claimed, outcome: SendOutcome, now: number): Settled {
    const stored = c.channel === 'sms' || c.channel === 'call' ? this.d.prefs.get(c.userId) : null;
    const settled = inTransaction(this.d.db, () =>
      settle(this.d.deliveries, c, outcome, now, {
        retryStatus: 'pending',
        adjustRetry: stored ? (at) => quietEnd(stored, at) : undefined,
        random: this.d.random,
      }),
    );
    const phone = stored?.phone?.number;
    const log = { deliveryId: c.id, channel: c.channel, attempt: c.attempts, outcome: settled, ...(phone ? { to: maskPhone(phone) } : {}) };
    if (settled === 'dead' || settled === 'maybe-sent') this.d.logger.warn(log, 'delivery not confirmed');
    else this.d.logger.info(log, 'delivery attempt');
    return settled;
  }

  /** Everything due at `now`: claim, send, record, batch after batch. */
  async relayOnce(now: number): Promise<RelayCounts> {
    const counts = noCounts();
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const claimed = this.claim(now);
      await inParallel(claimed, PARALLEL, async (c) => {
        const outcome = await this.attempt(c, now).catch((err: unknown): SendOutcome => ({ kind: 'retry', error: `internal error: ${(err as Error).name}` }));
        counts[this.record(c, outcome, now)] += 1;
      });
      if (claimed.length < BATCH) break;
    }
    return counts;
  }
}
