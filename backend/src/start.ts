import { serve, type ServerType } from '@hono/node-server';
import type pino from 'pino';
import { buildApp } from './app';
import type { Config } from './config';
import { openDatabase } from './db/connection';
import { startNotifyLoop } from './notify/loop';
import { createServices, type Services } from './services';
import { every } from './util/periodic';
import { HEARING_REMINDERS_EVERY_MS, remindHearings } from './watch/hearing-reminders';
import { watchTickMs } from './watch/watcher';

export type RunningBackend = { url: string; port: number; services: Services; close(): Promise<void> };

/** Open the database, build the services and listen. Used by server.ts and by tests (port 0). */
export async function startBackend(config: Config, logger: pino.Logger): Promise<RunningBackend> {
  const db = openDatabase(config.databaseUrl, config.databaseAuthToken);
  const services = await createServices(config, db, logger);
  const app = buildApp(services);
  const server: ServerType = await new Promise((resolveServer) => {
    const s = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () => resolveServer(s));
  });
  // The notifier's relay and digests; NOTIFY_INTERVAL_MS=0 leaves them to explicit calls (tests).
  const notifyLoop = config.notify.intervalMs > 0 ? startNotifyLoop(services.notifier, config.notify.intervalMs, logger) : null;
  // New deliveries go out at once, not at the next interval (the wake runs after the enqueuing
  // transaction has committed: it is a timer, and the poller's transaction is synchronous).
  if (notifyLoop) services.notifier.onEnqueued(() => notifyLoop.wake());
  // The docket watcher, when CASENET_BASE_URL is set.
  const poller = services.watch.poller;
  const pollLoop = poller ? every(watchTickMs(config.poll?.intervalSeconds), () => poller.pollDue(), logger, 'docket poll') : null;
  // Hearing reminders count whole days: looking every few minutes is plenty (each runs over every
  // scheduled hearing of every watched docket).
  const reminderLoop = poller
    ? every(
        HEARING_REMINDERS_EVERY_MS,
        async () => remindHearings({ db, sink: services.notifier, daysBeforeOf: (userId) => services.notifier.prefsOf(userId).hearingReminders.daysBefore }, Date.now()),
        logger,
        'hearing reminders',
      )
    : null;
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  logger.info(
    {
      port,
      host: config.host,
      database: config.databaseUrl.replace(/\?.*$/, ''),
      mail: config.mail.kind,
      watching: config.poll ? config.poll.baseUrl : 'off (no CASENET_BASE_URL)',
      smsAndCalls: config.twilio ? 'Twilio' : 'off (no TWILIO_* settings)',
    },
    'backend listening',
  );
  return {
    url: `http://${config.host}:${port}`,
    port,
    services,
    close: async () => {
      await pollLoop?.stop();
      await reminderLoop?.stop();
      await notifyLoop?.stop();
      await new Promise<void>((done) => {
        server.close(() => {
          db.close();
          done();
        });
        (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      });
    },
  };
}
