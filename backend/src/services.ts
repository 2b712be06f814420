import type pino from 'pino';
import { createAuth, migrateAuth, type Auth } from './auth/auth';
import { Devices } from './auth/devices';
import { Lockout } from './auth/lockout';
import { loadOrCreateSecret } from './auth/secret';
import { CaseStore } from './cases/case-store';
import type { Config } from './config';
import type { Db } from './db/connection';
import { DevOutbox } from './mail/dev-outbox';
import type { Mailer } from './mail/mailer';
import { createResendMailer } from './mail/resend-mailer';
import { DeliveryStore } from './notify/delivery-store';
import { createNotifier, type Notifier } from './notify/notifier';
import { SyncStore } from './sync/sync-store';
import { createWatcher, type Watcher } from './watch/watcher';

/** Everything the routes use, built once from the config and the open database. */
export type Services = {
  config: Config;
  db: Db;
  logger: pino.Logger;
  auth: Auth;
  mailer: Mailer;
  /** Set when email goes to the dev outbox (no RESEND_API_KEY); `GET /dev/outbox` lists it. */
  devOutbox: DevOutbox | null;
  devices: Devices;
  lockout: Lockout;
  cases: CaseStore;
  sync: SyncStore;
  /** Alerts → deliveries → email/SMS/call; settings and history (backend/src/notify). */
  notifier: Notifier;
  /** The server's watch list and, with CASENET_BASE_URL, its poller (backend/src/watch). */
  watch: Watcher;
};

/** Build the services and bring better-auth's tables up to date. */
export async function createServices(config: Config, db: Db, logger: pino.Logger): Promise<Services> {
  const secret = loadOrCreateSecret(config.authSecret, config.dataDir);
  const devOutbox = config.mail.kind === 'dev-outbox' ? new DevOutbox(config.mail.from, logger) : null;
  const mailer = config.mail.kind === 'resend' ? createResendMailer(config.mail) : (devOutbox as DevOutbox);
  const lockout = new Lockout(db);
  const devices = new Devices(db, secret);
  const authDeps = { config, db, mailer, logger, secret, lockout, devices };
  await migrateAuth(authDeps);
  const cases = new CaseStore(db);
  const notifier = createNotifier({ config, db, logger, mailer, secret });
  const watch = createWatcher({ config, db, sink: notifier, logger });
  return { config, db, logger, auth: createAuth(authDeps), mailer, devOutbox, devices, lockout, cases, sync: new SyncStore(db, cases, new DeliveryStore(db)), notifier, watch };
}
