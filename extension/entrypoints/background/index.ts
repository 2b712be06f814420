import browser, { type Runtime } from 'webextension-polyfill';
import { PoliteQueue } from '../../../shared/schedule';
import { ensureRepeatingAlarm, onAlarm } from '../../lib/browser/alarms';
import { setBadgeCount } from '../../lib/browser/badge';
import { fetchCasenet } from '../../lib/browser/fetch';
import { onNotificationClicked, showNotification } from '../../lib/browser/notifications';
import { openTab } from '../../lib/browser/tabs';
import { getDb } from '../../lib/db/db';
import { dispatch } from '../../lib/messages';
import { accountHandlers, defaultAccountDeps, type AccountDeps } from './account';
import { notificationClicked, refreshBadge } from './alerts';
import type { Ctx } from './context';
import { createHandlers } from './handlers';
import { checkCase } from './refresher';
import { REFRESH_ALARM, runDueChecks } from './scheduler';
import { SYNC_ALARM, SYNC_ALARM_MINUTES, SyncRunner } from './sync/runner';

// The background service worker: sole Dexie writer and sole Case.net fetcher. Every listener is
// registered synchronously in main so a woken worker receives the event that woke it.
export default defineBackground(() => {
  const account = defaultAccountDeps();
  const ctx = createContext(() => sync.soon());
  const sync = new SyncRunner(ctx, account);
  setupMessages(ctx, account, sync);
  setupAlarms(ctx);
  setupNotifications(ctx);
  setupBadge(ctx);
  setupSync(sync);
});

function createContext(syncSoon: () => void): Ctx {
  return {
    db: getDb(),
    now: Date.now,
    fetchCasenet,
    queue: new PoliteQueue({ spacingMs: 2_000, jitterMs: 1_000 }),
    notify: showNotification,
    setBadge: setBadgeCount,
    openTab,
    defer: (task) => {
      void task().catch((err: unknown) => console.warn('Docket Watch: background task failed', err));
    },
    syncSoon,
  };
}

/** Typed, validated requests from the content script, popup and dashboard. */
function setupMessages(ctx: Ctx, account: AccountDeps, sync: SyncRunner): void {
  // popupCache: the popup's first summary is kept ready in memory-only session storage (lib/popup-summary.ts).
  const handlers = createHandlers(ctx, { account: accountHandlers(ctx, account), sync, popupCache: browser.storage.session });
  const origin = browser.runtime.getURL('/');
  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => dispatch(handlers, message, sender, browser.runtime.id, origin));
}

/** One alarm a minute; each tick checks the tracked cases that are due. */
function setupAlarms(ctx: Ctx): void {
  onAlarm(REFRESH_ALARM, async () => {
    await runDueChecks(ctx, checkCase);
  });
  void ensureRepeatingAlarm(REFRESH_ALARM, 1);
}

function setupNotifications(ctx: Ctx): void {
  onNotificationClicked((id) => notificationClicked(ctx, id));
}

/** The badge is not persisted across browser restarts: recount on every worker start. */
function setupBadge(ctx: Ctx): void {
  void refreshBadge(ctx);
}

/** Sync with the account: now (worker start), every few minutes, and after each local change (see SyncRunner). */
function setupSync(sync: SyncRunner): void {
  onAlarm(SYNC_ALARM, () => sync.run());
  void ensureRepeatingAlarm(SYNC_ALARM, SYNC_ALARM_MINUTES);
  void sync.start().catch((err: unknown) => console.warn('Docket Watch: sync start failed', err));
}
