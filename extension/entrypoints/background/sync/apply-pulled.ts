import { z } from 'zod';
import { CaseKey, parseCaseKey, tryCaseKey } from '../../../../shared/casenet/key';
import type { CaseSource } from '../../../../shared/casenet/types';
import { entityOf, shouldApply } from '../../../../shared/sync/engine';
import { AlertId, SyncedCase, SyncOps, type Change } from '../../../../shared/sync/protocol';
import type { AlertRow } from '../../../lib/db/tables/alert-row';
import type { CaseRow } from '../../../lib/db/tables/case-row';
import { Settings } from '../../../lib/protocol';
import type { Ctx } from '../context';
import { deleteCaseRows } from '../folder';
import { readSettings } from '../settings';
import { addPulledAlerts, toAnnounce } from './pulled-alerts';
import { setSyncCursor } from './state';

type ApplyCtx = Pick<Ctx, 'db' | 'now'>;

// The server is outside: what it sends is held to the bounds a local change has before it is stored.
const PulledCase = z.object({
  key: CaseKey,
  value: SyncedCase.extend({ caption: SyncOps.putCase.shape.caption, note: SyncOps.setNote.shape.note, tags: SyncOps.setTags.shape.tags }),
});
const PulledRead = z.object({ alertId: AlertId, readAt: z.number().int().min(0) });

/**
 * Apply a pulled page in one transaction with the outbox read: an entity with a pending local
 * change is skipped (the server sends it again once the change has landed), then the cursor moves.
 * Returns the alerts added that are to be announced (see pulled-alerts.ts).
 */
export async function applyPulled(ctx: ApplyCtx, changes: readonly Change[], cursor: number): Promise<AlertRow[]> {
  const { db } = ctx;
  return db.transaction('rw', [db.cases, db.entries, db.alerts, db.readMarks, db.outbox, db.meta], async () => {
    const pending = new Set((await db.outbox.toArray()).flatMap((m) => entityOf(m) ?? []));
    const applicable = changes.filter((c) => shouldApply(c, pending));
    // Cases and alerts in bulk (a first sync brings thousands; a pull holds each at most once),
    // alerts before removals and read marks of the same page, which apply to them.
    await putPulledCases(ctx, applicable.flatMap((c) => (c.type === 'case' ? [PulledCase.safeParse(c)] : [])).flatMap((p) => (p.success ? [p.data] : [])));
    const notify = await addPulledAlerts(db, applicable.flatMap((c) => (c.type === 'alert' ? [c] : [])));
    for (const change of applicable) if (change.type !== 'case' && change.type !== 'alert') await applyChange(ctx, change);
    await setSyncCursor(db, cursor);
    return toAnnounce(db, notify, ctx.now());
  });
}

async function applyChange(ctx: ApplyCtx, change: Exclude<Change, { type: 'case' | 'alert' }>): Promise<void> {
  const { db } = ctx;
  switch (change.type) {
    case 'caseRemoved':
      await deleteCaseRows(db, change.key);
      return;
    case 'read': {
      const parsed = PulledRead.safeParse(change);
      if (!parsed.success) return;
      // The server keeps the first mark; every browser takes it, over its own.
      const { alertId, readAt } = parsed.data;
      if ((await db.alerts.update(alertId, { readAt })) === 0) await db.readMarks.put({ alertId, readAt });
      return;
    }
    case 'settings': {
      const current = await readSettings(ctx);
      const merged = Settings.safeParse({ ...current, ...change.value, serverUrl: current.serverUrl });
      if (merged.success) await db.meta.put({ key: 'settings', value: merged.data });
      return;
    }
  }
}

type PulledValue = z.infer<typeof PulledCase>['value'];

/** Create each case, or change only its synced fields; docket, checks and visits stay this browser's. */
async function putPulledCases(ctx: ApplyCtx, pulled: { key: string; value: PulledValue }[]): Promise<void> {
  const existing = await ctx.db.cases.bulkGet(pulled.map((p) => p.key));
  const rows = pulled.flatMap((p, i) => {
    const row = pulledRow(ctx.now(), p.key, p.value, existing[i]);
    return row ? [row] : [];
  });
  await ctx.db.cases.bulkPut(rows);
}

/** The row to store for a pulled case, or null when nothing is to be written. */
function pulledRow(now: number, key: string, value: PulledValue, existing: CaseRow | undefined): CaseRow | null {
  const id = parseCaseKey(key);
  if (!id || tryCaseKey(value.courtId, value.caseNumber) !== key) return null;
  const source = value.source && tryCaseKey(value.source.courtId, value.source.caseNumber) === key ? value.source : null;
  if (!existing) {
    return {
      key, ...id, caption: value.caption, fields: {}, source: source ?? defaultSource(id), saved: value.saved, tracked: value.tracked, tags: value.tags, note: value.note,
      lastCheckedAt: null, lastCheckedBy: null, lastError: null, failures: 0, nextCheckAt: value.tracked ? now : null, docketAt: null, quarantine: null, lastVisitAt: null,
      createdAt: now, updatedAt: now,
    };
  }
  const next: CaseRow = { ...existing, caption: value.caption ?? existing.caption, saved: value.saved, tracked: value.tracked, note: value.note, tags: value.tags, source: source ?? existing.source };
  if (next.tracked !== existing.tracked) next.nextCheckAt = next.tracked ? now : null;
  return JSON.stringify(next) === JSON.stringify(existing) ? null : { ...next, updatedAt: now };
}

/** Where a case nobody said where to read from is read: the old generation on the main host. */
const defaultSource = (id: { courtId: string; caseNumber: string }): CaseSource => ({ origin: 'https://www.courts.mo.gov', base: 'casenet', generation: 'old', ...id });
