import type pino from 'pino';
import type { NotificationPrefs } from '../../../shared/api/prefs';
import type { Config } from '../config';
import type { Db } from '../db/connection';
import type { Mailer } from '../mail/mailer';
import { AlertFactsReader } from './alert-facts';
import { DeliveryStore } from './delivery-store';
import { DigestSender, type DigestCounts } from './digest';
import { Enqueuer } from './enqueue';
import { NotificationHistory } from './history';
import type { Availability } from './plan';
import { PhoneVerification } from './phone-verification';
import { PrefsStore } from './prefs-store';
import { Recipients } from './recipients';
import { Relay, type RelayCounts } from './relay';
import { NotificationSettings } from './settings';
import { createTwilioClient, type TwilioClient } from './twilio';
import { readUnsubscribeToken, unsubscribeToken } from './unsubscribe-token';

/**
 * Everything from "an alert row exists" to "the user got it once on each chosen channel":
 * - `enqueue(alertIds, now)`: synchronous; the poller calls it (inside its transaction is fine);
 *   listeners given to `onEnqueued` hear of every call that made deliveries, and of deliveries a
 *   settings change made due at once (the relay loop wakes);
 * - `relayOnce(now)` / `digestOnce(now)`: what the background loop runs (tests call them directly);
 * - `settings`, `history`, `unsubscribe`: what the routes use.
 */
export type Notifier = {
  enqueue(alertIds: readonly string[], now: number): number;
  /** Called (synchronously, right after) whenever `enqueue` made deliveries, or a settings change made waiting ones due now. */
  onEnqueued(listener: () => void): void;
  relayOnce(now: number): Promise<RelayCounts>;
  digestOnce(now: number): Promise<DigestCounts>;
  /** A user's settings (defaults when none saved), e.g. `hearingReminders.daysBefore` for whoever schedules hearing alerts. */
  prefsOf(userId: string): NotificationPrefs;
  relay: Relay;
  settings: NotificationSettings;
  history: NotificationHistory;
  available: Availability;
  unsubscribe: {
    url(userId: string, caseKey: string): string;
    read(token: string): { userId: string; caseKey: string } | null;
  };
};

export type NotifierDeps = {
  config: Config;
  db: Db;
  logger: pino.Logger;
  mailer: Mailer;
  /** The server secret (HMAC of unsubscribe tokens and phone codes). */
  secret: string;
  /** Test seams: another Twilio client, jitter. */
  twilio?: TwilioClient | null;
  random?: () => number;
};

export function createNotifier(deps: NotifierDeps): Notifier {
  const { config, db, mailer, secret } = deps;
  const logger = deps.logger.child({ component: 'notifier' });
  const twilio = deps.twilio !== undefined ? deps.twilio : config.twilio ? createTwilioClient(config.twilio, config.notify.sendTimeoutMs) : null;
  const available: Availability = { email: true, sms: twilio !== null, call: twilio !== null, browser: true };
  const store = new PrefsStore(db);
  const deliveries = new DeliveryStore(db);
  const facts = new AlertFactsReader(db);
  const recipients = new Recipients(db);
  const unsubscribe = {
    url: (userId: string, caseKey: string) => `${config.publicUrl}/unsubscribe?token=${unsubscribeToken(secret, userId, caseKey)}`,
    read: (token: string) => readUnsubscribeToken(secret, token),
  };
  const common = { db, logger, deliveries, facts, prefs: store, recipients, mailer, sendTimeoutMs: config.notify.sendTimeoutMs, unsubscribeUrl: unsubscribe.url, random: deps.random };
  const relay = new Relay({ ...common, twilio });
  const digest = new DigestSender({ ...common, twilio });
  const enqueuer = new Enqueuer(db, deliveries, available);
  const listeners: (() => void)[] = [];
  const due = () => {
    for (const listener of listeners) listener();
  };
  const settings = new NotificationSettings({ store, deliveries, phone: new PhoneVerification(store, secret), twilio, available, logger, userExists: (id) => recipients.exists(id), onReleased: due });
  return {
    enqueue: (alertIds, now) => {
      const made = enqueuer.enqueue(alertIds, now);
      if (made > 0) due();
      return made;
    },
    onEnqueued: (listener) => listeners.push(listener),
    relayOnce: (now) => relay.relayOnce(now),
    digestOnce: (now) => digest.digestOnce(now),
    prefsOf: (userId) => store.get(userId).prefs,
    relay,
    settings,
    history: new NotificationHistory(db),
    available,
    unsubscribe,
  };
}
