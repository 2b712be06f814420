import type { DocketEntry } from '../../../shared/casenet/types';
import { alertId, type AlertKind, type AlertRow } from '../../lib/db/tables/alert-row';
import type { CaseRow } from '../../lib/db/tables/case-row';
import type { EntryRow } from '../../lib/db/tables/entry-row';
import type { Ctx } from './context';
import { addNewAlerts } from './new-alerts';
import { enqueue, syncedTables } from './sync/outbox';

/** One entry-level change to alert about. */
export type DocketChange = { kind: AlertKind; fingerprint: string; entry: DocketEntry };

export type StoreDocketInput = {
  key: string;
  /** The docket in page order, with `fingerprints[i]` belonging to `entries[i]`. */
  entries: readonly DocketEntry[];
  fingerprints: readonly string[];
  /** `replace`: the stored docket becomes exactly this one; `merge`: only add what is missing. */
  mode: 'replace' | 'merge';
  changes: readonly DocketChange[];
  /** Alerts the user is already looking at are stored read. */
  alertsRead: boolean;
  patch: Partial<CaseRow>;
};

/**
 * Write a docket, its alerts and the case's new state in one transaction. An alert id is its
 * dedupe key, so an alert that exists already is never written again. Returns the alerts created,
 * and those that existed already (pulled from the server) unread and never announced.
 */
export async function storeDocket(ctx: Ctx, input: StoreDocketInput): Promise<{ created: AlertRow[]; unannounced: AlertRow[] }> {
  const now = ctx.now();
  const { db } = ctx;
  return db.transaction('rw', syncedTables(db, db.cases, db.entries, db.alerts, db.readMarks), async () => {
    const stored = await db.entries.where('caseKey').equals(input.key).toArray();
    const byFingerprint = new Map(stored.map((e) => [e.fingerprint, e]));
    const rows: EntryRow[] = input.entries.flatMap((entry, position) => {
      const fingerprint = input.fingerprints[position];
      if (fingerprint === undefined) return [];
      const old = byFingerprint.get(fingerprint);
      if (input.mode === 'merge' && old) return [];
      return [{ caseKey: input.key, fingerprint, date: entry.date, title: entry.title, text: entry.text, filedBy: entry.filedBy, onBehalfOf: entry.onBehalfOf, scheduledFor: entry.scheduledFor, sequence: entry.sequence, position, firstSeenAt: old?.firstSeenAt ?? now }];
    });
    let removedCount = 0;
    if (input.mode === 'replace') {
      const keep = new Set(input.fingerprints);
      const gone = stored.filter((e) => !keep.has(e.fingerprint)).map((e) => [e.caseKey, e.fingerprint] as [string, string]);
      removedCount = gone.length;
      await db.entries.bulkDelete(gone);
    }
    await db.entries.bulkPut(rows);

    const candidates: AlertRow[] = input.changes.map((c) => ({
      id: alertId(input.key, c.fingerprint, c.kind),
      caseKey: input.key,
      fingerprint: c.fingerprint,
      kind: c.kind,
      date: c.entry.date,
      title: c.entry.title,
      createdAt: now,
      readAt: input.alertsRead ? now : null,
    }));
    // Another browser read one of them before this one raised it: it starts read, at that time.
    const { created, known, markedElsewhere } = await addNewAlerts(db, candidates);
    // One raised already read (the user is looking at it) is read in every browser.
    await enqueue(ctx, created.flatMap((a) => (a.readAt !== null && !markedElsewhere.has(a.id) ? [{ op: 'markRead' as const, args: { alertId: a.id, readAt: a.readAt } }] : [])));
    // `updatedAt` moves only when the docket itself changed, so a quiet check does not reorder lists.
    const docketChanged = removedCount > 0 || rows.some((r) => !byFingerprint.has(r.fingerprint));
    await db.cases.update(input.key, docketChanged ? { ...input.patch, updatedAt: now } : input.patch);
    return { created, unannounced: input.alertsRead ? [] : known.filter((a) => a.readAt === null && a.announcedAt === undefined) };
  });
}
