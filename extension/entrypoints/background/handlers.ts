import type { Handlers } from '../../lib/messages';
import { isPopupFirstRequest, POPUP_ROWS, type SummaryArea } from '../../lib/popup-summary';
import { PopupSummaryWriter } from '../../lib/popup-summary-writer';
import type { Summary } from '../../lib/protocol';
import { accountHandlers, defaultAccountDeps } from './account';
import { markAllRead, openAlert } from './alerts';
import { CheckRunner } from './check-now';
import type { Ctx } from './context';
import { removeCase, setTracked, updateCase } from './folder';
import { exportFolder, importFolder } from './folder-transfer';
import { notificationHandlers } from './notifications';
import { pageCaseAction } from './page-case-action';
import { pageSeen, savePage } from './page-flows';
import { checkCase } from './refresher';
import { serverCheckHandlers } from './server-checks';
import { saveRow, searchSeen } from './search-flows';
import { readSettings, saveSettings } from './settings';
import { SyncRunner } from './sync/runner';
import { caseDetail, summarizeCases, summarizeRecentCases, unreadAlerts } from './views';

export type HandlerParts = {
  checks?: CheckRunner;
  account?: ReturnType<typeof accountHandlers>;
  sync?: SyncRunner;
  notifications?: ReturnType<typeof notificationHandlers>;
  serverChecks?: ReturnType<typeof serverCheckHandlers>;
  /** Where the popup's first summary is kept ready (browser.storage.session); none in tests that do not ask. */
  popupCache?: SummaryArea;
};

/** One plain async function per protocol request; `dispatch` validates before calling them. */
export function createHandlers(ctx: Ctx, parts: HandlerParts = {}): Handlers {
  const { checks = new CheckRunner(ctx, checkCase), account = accountHandlers(ctx), sync = new SyncRunner(ctx, defaultAccountDeps()), notifications = notificationHandlers(ctx), serverChecks = serverCheckHandlers(ctx, defaultAccountDeps(), () => sync.run()) } = parts;
  const limitedSummary = async (limit: number, search?: string): Promise<Summary> => {
    const [unread, cases, caseCount] = await Promise.all([unreadAlerts(ctx), summarizeRecentCases(ctx, limit, search), ctx.db.cases.count()]);
    return { unread, unreadCount: unread.length, cases, caseCount, progress: checks.getProgress() };
  };
  const popupCache = parts.popupCache && new PopupSummaryWriter(parts.popupCache, () => limitedSummary(POPUP_ROWS), ctx.now);
  popupCache?.watch();
  const startingSync = async <T extends { status?: string; signedIn?: boolean }>(answer: Promise<T>): Promise<T> => {
    const result = await answer;
    if (result.status === 'signedIn' || result.signedIn === true) void sync.run();
    return result;
  };
  return {
    pageSeen: (data) => pageSeen(ctx, data),
    savePage: (data) => savePage(ctx, data),
    searchSeen: (data) => searchSeen(ctx, data),
    saveRow: (data) => saveRow(ctx, data),
    pageCaseAction: (data) => pageCaseAction(ctx, data),
    setTracked: (data) => setTracked(ctx, data.key, data.tracked),
    removeCase: (data) => removeCase(ctx, data.key),
    getSummary: async (data) => {
      if (data.limit !== undefined) {
        // The popup's own first request: its answer also refreshes the copy the popup draws first.
        const ticket = popupCache && isPopupFirstRequest(data) ? popupCache.ticket() : 0;
        const summary = await limitedSummary(data.limit, data.search);
        if (ticket) void popupCache?.store(summary, ticket);
        return summary;
      }
      const unread = await unreadAlerts(ctx);
      const all = await summarizeCases(ctx);
      const needle = data.search?.trim().toLowerCase();
      const cases = needle ? all.filter((c) => [c.caseNumber, c.caption ?? '', c.note, ...c.tags].some((s) => s.toLowerCase().includes(needle))) : all;
      return { unread, unreadCount: unread.length, cases, caseCount: all.length, progress: checks.getProgress() };
    },
    listCases: () => summarizeCases(ctx),
    getCase: (data) => caseDetail(ctx, data.key),
    updateCase: (data) => updateCase(ctx, data),
    openAlert: (data) => openAlert(ctx, data.id),
    markAllRead: async (data) => ({ marked: await markAllRead(ctx, data.caseKey) }),
    checkNow: (data) => checks.start(data.keys),
    getProgress: async () => checks.getProgress(),
    exportFolder: () => exportFolder(ctx),
    importFolder: (data) => importFolder(ctx, data.json),
    getSettings: () => readSettings(ctx),
    saveSettings: (data) => saveSettings(ctx, data),
    ...account,
    // Signed in: the account's folder starts arriving at once, not after the change debounce.
    signIn: (data, sender) => startingSync(account.signIn(data, sender)),
    verifyDevice: (data, sender) => startingSync(account.verifyDevice(data, sender)),
    ...notifications,
    ...serverChecks,
    getSyncState: () => sync.state(),
    syncNow: async () => {
      await sync.run();
      return sync.state();
    },
  };
}
