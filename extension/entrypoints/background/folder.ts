import type { CaseSource, DocketEntry } from '../../../shared/casenet/types';
import type { CaseRow } from '../../lib/db/tables/case-row';
import type { CaseSummary } from '../../lib/protocol';
import { refreshBadge } from './alerts';
import type { Ctx } from './context';
import { nextCheckTime } from './next-check';
import { storeDocket } from './store-docket';
import { editMutations, enqueue, putCaseOf, syncedTables } from './sync/outbox';
import { summarizeCase } from './views';

export type SaveInput = {
  key: string;
  courtId: string;
  caseNumber: string;
  caption: string | null;
  fields: Record<string, string> | null;
  source: CaseSource;
  /** The docket the user is looking at (page order) with its fingerprints, or null when unknown. */
  docket: { entries: readonly DocketEntry[]; fingerprints: readonly string[] } | null;
  track: boolean;
};

/**
 * Save (or Save + Track) a case. A docket given here is the baseline when the case has none yet:
 * entries the user saw while saving never alert. Saving again keeps notes, tags and tracking.
 */
export async function saveCase(ctx: Ctx, input: SaveInput): Promise<CaseRow> {
  const now = ctx.now();
  const existing = await ctx.db.cases.get(input.key);
  const tracked = input.track || (existing?.tracked ?? false);
  const row: CaseRow = {
    key: input.key,
    courtId: input.courtId,
    caseNumber: input.caseNumber,
    caption: input.caption ?? existing?.caption ?? null,
    fields: input.fields ?? existing?.fields ?? {},
    source: input.source,
    saved: true,
    tracked,
    tags: existing?.tags ?? [],
    note: existing?.note ?? '',
    lastCheckedAt: existing?.lastCheckedAt ?? null,
    lastCheckedBy: existing?.lastCheckedBy ?? null,
    lastError: existing?.lastError ?? null,
    failures: existing?.failures ?? 0,
    nextCheckAt: existing?.nextCheckAt ?? null,
    docketAt: existing?.docketAt ?? null,
    quarantine: existing?.quarantine ?? null,
    lastVisitAt: existing?.lastVisitAt ?? null,
    createdAt: existing?.createdAt ?? now,
    updatedAt: now,
  };
  if (input.docket) {
    row.lastCheckedAt = now;
    row.lastCheckedBy = 'browser';
    row.lastError = null;
    row.failures = 0;
  }
  row.nextCheckAt = tracked ? (input.docket || row.docketAt !== null ? await nextCheckTime(ctx, row) : now) : null;
  const { db } = ctx;
  await db.transaction('rw', syncedTables(db, db.cases), async () => {
    await db.cases.put(row);
    await enqueue(ctx, [putCaseOf(row)]);
  });
  if (input.docket) {
    const hadBaseline = row.docketAt !== null;
    await storeDocket(ctx, { key: input.key, entries: input.docket.entries, fingerprints: input.docket.fingerprints, mode: hadBaseline ? 'merge' : 'replace', changes: [], alertsRead: true, patch: { docketAt: now } });
    row.docketAt = now;
  }
  return row;
}

async function requireCase(ctx: Ctx, key: string): Promise<CaseRow> {
  const row = await ctx.db.cases.get(key);
  if (!row) throw new Error('That case is not in your folder.');
  return row;
}

/** Start or stop tracking a saved case (stopping keeps it saved, with its docket). */
export async function setTracked(ctx: Ctx, key: string, tracked: boolean): Promise<CaseSummary> {
  const row = await requireCase(ctx, key);
  const next: CaseRow = { ...row, tracked, saved: true, failures: 0, updatedAt: ctx.now() };
  next.nextCheckAt = tracked ? ctx.now() : null;
  const { db } = ctx;
  await db.transaction('rw', syncedTables(db, db.cases), async () => {
    await db.cases.put(next);
    await enqueue(ctx, [{ op: 'setFlags', args: { key, saved: true, tracked } }]);
  });
  return summarizeCase(ctx, next);
}

/** Delete a case with its entries, alerts and pulled read marks, in the caller's transaction. */
export async function deleteCaseRows(db: Ctx['db'], key: string): Promise<boolean> {
  const had = (await db.cases.get(key)) !== undefined;
  await db.entries.where('caseKey').equals(key).delete();
  await db.alerts.where('caseKey').equals(key).delete();
  await db.readMarks.where('alertId').startsWith(`${key}|`).delete();
  await db.cases.delete(key);
  return had;
}

/** Remove a case with its entries and alerts. */
export async function removeCase(ctx: Ctx, key: string): Promise<{ removed: boolean }> {
  const { db } = ctx;
  const removed = await db.transaction('rw', syncedTables(db, db.cases, db.entries, db.alerts, db.readMarks), async () => {
    const had = await deleteCaseRows(db, key);
    if (had) await enqueue(ctx, [{ op: 'removeCase', args: { key } }]);
    return had;
  });
  await refreshBadge(ctx);
  return { removed };
}

/** Change a case's note and/or tags (tags trimmed, de-duplicated case-insensitively). */
export async function updateCase(ctx: Ctx, input: { key: string; note?: string | undefined; tags?: string[] | undefined }): Promise<CaseSummary> {
  const row = await requireCase(ctx, input.key);
  const next: CaseRow = { ...row, updatedAt: ctx.now() };
  if (input.note !== undefined) next.note = input.note;
  if (input.tags !== undefined) {
    const seen = new Set<string>();
    next.tags = input.tags.map((t) => t.trim()).filter((t) => t && !seen.has(t.toLowerCase()) && seen.add(t.toLowerCase()));
  }
  const { db } = ctx;
  await db.transaction('rw', syncedTables(db, db.cases), async () => {
    await db.cases.put(next);
    await enqueue(ctx, editMutations(next, row));
  });
  return summarizeCase(ctx, next);
}
