import type { Claimed, DeliveryStore } from './delivery-store';
import { maskDigits } from './mask';
import type { SendOutcome } from './outcome';
import { MAX_TRIES, retryDelay } from './retry';

export type Settled = 'sent' | 'retry' | 'dead' | 'maybe-sent' | 'cancelled' | 'postponed';

export type SettleOptions = {
  /** Status a row waits in before its next try: `pending` (relay) or `digest`. */
  retryStatus: 'pending' | 'digest';
  /** Moves a retry time out of the user's quiet hours (SMS, calls). */
  adjustRetry?: (at: number) => number;
  random?: () => number;
};

/**
 * Record what one attempt came to: the delivery's new status (and next try, with capped exponential
 * backoff and jitter; dead after MAX_TRIES) and a row in its attempt log. Only while the claim's lease
 * is still ours: if another relay took the row over, it records its own attempt and status.
 */
export function settle(store: DeliveryStore, c: Claimed, outcome: SendOutcome, now: number, opts: SettleOptions): Settled {
  switch (outcome.kind) {
    case 'sent':
      store.finish(c, { status: 'sent', next: now, providerId: outcome.providerId, error: null }, now);
      store.recordAttempt(c.id, now, 'sent', outcome.providerId, null);
      return 'sent';
    case 'maybe-sent': {
      const error = `${maskDigits(outcome.error)}; not repeated, so it is never sent twice`;
      store.finish(c, { status: 'maybe-sent', next: now, error }, now);
      store.recordAttempt(c.id, now, 'maybe-sent', null, error);
      return 'maybe-sent';
    }
    case 'rejected':
    case 'retry': {
      const error = maskDigits(outcome.error);
      if (outcome.kind === 'rejected' || c.attempts >= MAX_TRIES) {
        const why = outcome.kind === 'rejected' ? error : `${error}; gave up after ${c.attempts} tries`;
        store.finish(c, { status: 'dead', next: now, error: why }, now);
        store.recordAttempt(c.id, now, 'dead', null, why);
        return 'dead';
      }
      const at = now + retryDelay(c.attempts, opts.random);
      store.finish(c, { status: opts.retryStatus, next: opts.adjustRetry ? opts.adjustRetry(at) : at, error }, now);
      store.recordAttempt(c.id, now, 'retry', null, error);
      return 'retry';
    }
    case 'cancel':
      store.finish(c, { status: 'cancelled', next: now, error: outcome.reason, uncount: true }, now);
      return 'cancelled';
    case 'postpone':
      store.finish(c, { status: opts.retryStatus, next: outcome.until, error: null, uncount: true }, now);
      return 'postponed';
  }
}
