import { centralToday, daysUntil } from '../../../shared/casenet/hearing';
import { parseCaseKey } from '../../../shared/casenet/key';
import type { AppDb } from '../../lib/db/app-db';
import type { AlertRow } from '../../lib/db/tables/alert-row';
import type { CaseRow } from '../../lib/db/tables/case-row';
import type { Ctx } from './context';
import { readSettings } from './settings';
import { enqueue, syncedTables } from './sync/outbox';
import { viewUrl } from './views';

/** More alerts than this from one check become a single grouped notification. */
const MAX_SINGLE_NOTIFICATIONS = 3;
/** More alerts than this from one sync pull (over every case) become one notification for all of them. */
const MAX_PULLED_NOTIFICATIONS = 5;

/** Recount unread alerts onto the toolbar badge. */
export async function refreshBadge(ctx: Ctx): Promise<number> {
  const count = await ctx.db.alerts.filter((a) => a.readAt === null).count();
  await ctx.setBadge(count);
  return count;
}

/** What a notification names a case by. */
type CaseLabel = Pick<CaseRow, 'key' | 'caseNumber' | 'caption'>;

/** Tell the user about fresh unread alerts of one case (if notifications are on), then update the badge. */
export async function announce(ctx: Ctx, row: CaseLabel, alerts: readonly AlertRow[]): Promise<void> {
  await tell(ctx, row, alerts.filter((a) => a.readAt === null));
  await refreshBadge(ctx);
}

/** Notify one case's unread alerts (grouped above MAX_SINGLE_NOTIFICATIONS) and record them as announced. */
async function tell(ctx: Ctx, row: CaseLabel, unread: readonly AlertRow[]): Promise<void> {
  if (unread.length === 0) return;
  if ((await readSettings(ctx)).notifications) {
    if (unread.length > MAX_SINGLE_NOTIFICATIONS) {
      const newest = [...unread].sort((a, b) => b.date.localeCompare(a.date))[0];
      await ctx.notify({ id: `case:${row.key}`, caseNumber: row.caseNumber, title: `${unread.length} docket changes`, caption: row.caption, date: newest?.date ?? null });
    } else {
      for (const alert of unread) {
        await ctx.notify({ id: alert.id, caseNumber: row.caseNumber, title: describe(alert, ctx.now()), caption: row.caption, date: alert.date });
      }
    }
  }
  await markAnnounced(ctx, unread);
}

/** Told (or deliberately not: notifications off): never announced again. */
async function markAnnounced(ctx: Ctx, alerts: readonly AlertRow[]): Promise<void> {
  const now = ctx.now();
  await ctx.db.alerts.where('id').anyOf(alerts.map((a) => a.id)).modify({ announcedAt: now });
}

/**
 * Announce alerts pulled from the server (its own reads, another browser's, hearing reminders) case
 * by case, like this browser's own; a case not in this folder (yet) is named by its key.
 */
export async function announcePulled(ctx: Ctx, alerts: readonly AlertRow[]): Promise<void> {
  const unread = alerts.filter((a) => a.readAt === null);
  const byCase = Map.groupBy(unread, (a) => a.caseKey);
  if (unread.length > MAX_PULLED_NOTIFICATIONS) {
    // A browser back after a while, or a busy night: one notification, not a burst.
    if ((await readSettings(ctx)).notifications) {
      const cases = byCase.size === 1 ? (parseCaseKey(unread[0]?.caseKey ?? '')?.caseNumber ?? '1 case') : `${byCase.size} cases`;
      await ctx.notify({ id: `summary:${ctx.now()}`, caseNumber: cases, title: `${unread.length} docket changes`, caption: 'Open Docket Watch to read them.', date: null });
    }
    await markAnnounced(ctx, unread);
  } else {
    const rows = await ctx.db.cases.bulkGet([...byCase.keys()]);
    for (const [i, [key, ofCase]] of [...byCase].entries()) {
      await tell(ctx, rows[i] ?? { key, caseNumber: parseCaseKey(key)?.caseNumber ?? key, caption: null }, ofCase);
    }
  }
  await refreshBadge(ctx);
}

function describe(alert: AlertRow, now: number): string {
  switch (alert.kind) {
    case 'new':
      return alert.title;
    case 'changed':
      return `Changed: ${alert.title}`;
    case 'removed':
      return `Removed: ${alert.title}`;
    case 'hearing':
      return `${hearingIn(daysUntil(centralToday(now), alert.date))}: ${alert.title}`;
  }
}

/** "Hearing in 10 days", "Hearing tomorrow", "Hearing today"; a date that has passed: "Hearing reminder". */
function hearingIn(days: number): string {
  if (days > 1) return `Hearing in ${days} days`;
  if (days === 1) return 'Hearing tomorrow';
  return days === 0 ? 'Hearing today' : 'Hearing reminder';
}

/**
 * Mark read the unread alerts among `select(alerts)`, each with a markRead for the other browsers,
 * in one transaction. Returns how many were marked.
 */
export async function markRead(ctx: Ctx, select: (alerts: AppDb['alerts']) => ReturnType<AppDb['alerts']['toCollection']>): Promise<number> {
  const { db } = ctx;
  const readAt = ctx.now();
  return db.transaction('rw', syncedTables(db, db.alerts), async () => {
    const ids = await select(db.alerts).filter((a) => a.readAt === null).primaryKeys();
    await db.alerts.bulkUpdate(ids.map((key) => ({ key, changes: { readAt } })));
    await enqueue(ctx, ids.map((alertId) => ({ op: 'markRead', args: { alertId, readAt } })));
    return ids.length;
  });
}

/** Mark read every unread alert of one case (or of all cases). Returns how many were marked. */
export async function markAllRead(ctx: Ctx, caseKey?: string): Promise<number> {
  const marked = await markRead(ctx, (alerts) => (caseKey === undefined ? alerts.toCollection() : alerts.where('caseKey').equals(caseKey)));
  await refreshBadge(ctx);
  return marked;
}

/** Mark one alert read and give the case page to open. */
export async function openAlert(ctx: Ctx, id: string): Promise<{ url: string | null }> {
  const alert = await ctx.db.alerts.get(id);
  if (!alert) throw new Error('That alert no longer exists.');
  await markRead(ctx, (alerts) => alerts.where('id').equals(id));
  await refreshBadge(ctx);
  const row = await ctx.db.cases.get(alert.caseKey);
  return { url: row ? viewUrl(row) : null };
}

/** A notification was clicked: open its case page and mark what it announced as read. */
export async function notificationClicked(ctx: Ctx, notificationId: string): Promise<void> {
  let url: string | null;
  if (notificationId.startsWith('summary:')) {
    url = '/dashboard.html'; // the alerts of many cases: the folder, unread first
  } else if (notificationId.startsWith('case:')) {
    const key = notificationId.slice('case:'.length);
    await markAllRead(ctx, key);
    const row = await ctx.db.cases.get(key);
    url = row ? viewUrl(row) : null;
  } else {
    url = (await openAlert(ctx, notificationId).catch(() => ({ url: null }))).url;
  }
  if (url) await ctx.openTab(url);
}
