import { hearingDate } from '../../../shared/casenet/hearing';
import { caseViewUrl } from '../../../shared/casenet/urls';
import type { AlertRow } from '../../lib/db/tables/alert-row';
import type { CaseRow } from '../../lib/db/tables/case-row';
import type { EntryRow } from '../../lib/db/tables/entry-row';
import type { AlertView, CaseDetail, CaseSummary, StoredEntryView } from '../../lib/protocol';
import { searchText } from '../../lib/ui/search';
import type { Ctx } from './context';

/** Per-case facts gathered from the entries and alerts tables in one pass each. */
type CaseStats = { entryCount: number; lastEntry: { date: string; title: string } | null; unread: number };

const EMPTY_STATS: CaseStats = { entryCount: 0, lastEntry: null, unread: 0 };

/** The case page to open; null for a source the URL builders refuse. */
export function viewUrl(row: CaseRow): string | null {
  try {
    return caseViewUrl(row.source);
  } catch {
    return null;
  }
}

/** The most recent check of a case: this browser's, or the sync server's when that is newer (tracked cases only). */
export function latestCheck(row: CaseRow): Pick<CaseSummary, 'lastCheckedAt' | 'lastCheckedBy' | 'lastError'> {
  const server = row.tracked ? (row.serverCheckedAt ?? null) : null;
  if (server !== null && (row.lastCheckedAt === null || server > row.lastCheckedAt)) return { lastCheckedAt: server, lastCheckedBy: 'server', lastError: row.serverError ?? null };
  return { lastCheckedAt: row.lastCheckedAt, lastCheckedBy: row.lastCheckedAt === null ? null : row.lastCheckedBy, lastError: row.lastError };
}

export function toCaseSummary(row: CaseRow, stats: CaseStats = EMPTY_STATS): CaseSummary {
  return {
    key: row.key,
    courtId: row.courtId,
    caseNumber: row.caseNumber,
    caption: row.caption,
    saved: row.saved,
    tracked: row.tracked,
    tags: row.tags,
    note: row.note,
    fields: row.fields,
    url: viewUrl(row),
    lastEntry: stats.lastEntry,
    entryCount: stats.entryCount,
    unread: stats.unread,
    ...latestCheck(row),
    updatedAt: row.updatedAt,
  };
}

export function toAlertView(alert: AlertRow, row: CaseRow | undefined): AlertView {
  return {
    id: alert.id,
    caseKey: alert.caseKey,
    caseNumber: row?.caseNumber ?? alert.caseKey.split('|')[1] ?? alert.caseKey,
    caption: row?.caption ?? null,
    kind: alert.kind,
    date: alert.date,
    title: alert.title,
    createdAt: alert.createdAt,
    readAt: alert.readAt,
  };
}

function toEntryView(e: EntryRow): StoredEntryView {
  return { fingerprint: e.fingerprint, date: e.date, title: e.title, text: e.text, filedBy: e.filedBy, onBehalfOf: e.onBehalfOf, scheduledFor: e.scheduledFor, firstSeenAt: e.firstSeenAt };
}

const newerEntry = (a: { date: string }, b: { date: string } | null): boolean => b === null || a.date > b.date;

/** Summaries of the given cases (all when omitted), most recently changed first. */
export async function summarizeCases(ctx: Ctx, rows?: CaseRow[]): Promise<CaseSummary[]> {
  const [cases, stats] = await Promise.all([rows ?? ctx.db.cases.toArray(), allCaseStats(ctx)]);
  return cases.map((row) => toCaseSummary(row, stats.get(row.key))).sort((a, b) => b.updatedAt - a.updatedAt);
}

/**
 * Summaries of the `limit` most recently changed cases (of those matching every word of `search`,
 * when given), most recently changed first. Reads only those cases' entries and alerts, so the
 * popup opens fast with a folder of thousands; each summary equals what summarizeCases gives.
 */
export async function summarizeRecentCases(ctx: Ctx, limit: number, search?: string): Promise<CaseSummary[]> {
  const words = search?.toLowerCase().split(/\s+/).filter(Boolean) ?? [];
  const matches = (row: CaseRow): boolean => {
    const text = searchText(row);
    return words.every((w) => text.includes(w));
  };
  const recent = ctx.db.cases.orderBy('updatedAt').reverse();
  let rows = await (words.length > 0 ? recent.filter(matches) : recent).limit(limit).toArray();
  const edge = rows.at(-1)?.updatedAt;
  if (rows.length === limit && edge !== undefined) {
    // Cases tied at the cut are taken in key order, as summarizeCases's stable sort over the key-ordered table does.
    const above = rows.filter((r) => r.updatedAt > edge);
    const tied = ctx.db.cases.where('updatedAt').equals(edge);
    rows = [...above, ...(await (words.length > 0 ? tied.filter(matches) : tied).limit(limit - above.length).toArray())];
  }
  const stats = await caseStatsOf(ctx, rows.map((r) => r.key));
  return rows
    .map((row) => toCaseSummary(row, stats.get(row.key)))
    .sort((a, b) => b.updatedAt - a.updatedAt || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** Collects per-case stats: `entry` and `unreadAlert` are fed rows, `stats` holds the result. */
function statsCollector() {
  const stats = new Map<string, CaseStats>();
  const statsOf = (key: string): CaseStats => {
    let s = stats.get(key);
    if (!s) stats.set(key, (s = { entryCount: 0, lastEntry: null, unread: 0 }));
    return s;
  };
  return {
    stats,
    entry: (e: EntryRow) => {
      const s = statsOf(e.caseKey);
      s.entryCount += 1;
      if (newerEntry(e, s.lastEntry)) s.lastEntry = { date: e.date, title: e.title };
    },
    unreadAlert: (a: AlertRow) => {
      statsOf(a.caseKey).unread += 1;
    },
  };
}

/** Every case's entry count, last entry and unread alerts: one pass over each table, both at once. */
async function allCaseStats(ctx: Ctx): Promise<Map<string, CaseStats>> {
  const c = statsCollector();
  await Promise.all([ctx.db.entries.each(c.entry), ctx.db.alerts.filter((a) => a.readAt === null).each(c.unreadAlert)]);
  return c.stats;
}

/** The same stats for just the given cases, read through the caseKey indexes. */
async function caseStatsOf(ctx: Ctx, keys: string[]): Promise<Map<string, CaseStats>> {
  const c = statsCollector();
  if (keys.length === 0) return c.stats;
  await Promise.all([
    ctx.db.entries.where('caseKey').anyOf(keys).each(c.entry),
    ctx.db.alerts
      .where('caseKey')
      .anyOf(keys)
      .filter((a) => a.readAt === null)
      .each(c.unreadAlert),
  ]);
  return c.stats;
}

export async function summarizeCase(ctx: Ctx, row: CaseRow): Promise<CaseSummary> {
  const entries = await ctx.db.entries.where('caseKey').equals(row.key).toArray();
  const unread = await ctx.db.alerts.where('caseKey').equals(row.key).filter((a) => a.readAt === null).count();
  let lastEntry: CaseStats['lastEntry'] = null;
  for (const e of entries) if (newerEntry(e, lastEntry)) lastEntry = { date: e.date, title: e.title };
  return toCaseSummary(row, { entryCount: entries.length, lastEntry, unread });
}

/** Unread alerts, newest first, with their case facts. */
export async function unreadAlerts(ctx: Ctx): Promise<AlertView[]> {
  const alerts = await ctx.db.alerts.filter((a) => a.readAt === null).toArray();
  const cases = new Map((await ctx.db.cases.bulkGet([...new Set(alerts.map((a) => a.caseKey))])).flatMap((c) => (c ? [[c.key, c] as const] : [])));
  return alerts.sort((a, b) => b.createdAt - a.createdAt).map((a) => toAlertView(a, cases.get(a.caseKey)));
}

/** One case with its stored docket (page order), coming hearings and alerts. */
export async function caseDetail(ctx: Ctx, key: string): Promise<CaseDetail> {
  const row = await ctx.db.cases.get(key);
  if (!row) throw new Error('That case is not in your folder.');
  const entries = (await ctx.db.entries.where('caseKey').equals(key).toArray()).sort((a, b) => a.position - b.position);
  const alerts = (await ctx.db.alerts.where('caseKey').equals(key).toArray()).sort((a, b) => b.createdAt - a.createdAt);
  const today = new Date(ctx.now()).toISOString().slice(0, 10);
  const hearings = entries
    .flatMap((e) => {
      const when = e.scheduledFor ? hearingDate(e.scheduledFor) : null;
      return when && e.scheduledFor && when >= today ? [{ date: when, title: e.title, scheduledFor: e.scheduledFor }] : [];
    })
    .sort((a, b) => a.date.localeCompare(b.date));
  return { summary: await summarizeCase(ctx, row), entries: entries.map(toEntryView), hearings, alerts: alerts.map((a) => toAlertView(a, row)) };
}
