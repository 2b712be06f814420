import { z } from 'zod';
import { hearingDate } from '../../../../shared/casenet/hearing';
import { CaseKey } from '../../../../shared/casenet/key';
import { DocketEntry } from '../../../../shared/casenet/types';
import { AlertId, AlertKind, alertId, type Change } from '../../../../shared/sync/protocol';
import type { AppDb } from '../../../lib/db/app-db';
import type { AlertRow } from '../../../lib/db/tables/alert-row';
import { addNewAlerts } from '../new-alerts';

/** A pulled alert is announced only while this fresh: a browser signing in later is not flooded with old news. */
const ANNOUNCE_WITHIN_MS = 24 * 60 * 60_000;

// The server is outside: its alert is held to the bounds of a docket entry, its id to its parts,
// and a hearing reminder must name a hearing date.
const PulledAlert = z
  .object({
    alertId: AlertId,
    caseKey: CaseKey,
    fingerprint: z.string().min(1).max(200),
    kind: AlertKind,
    date: DocketEntry.shape.date,
    title: DocketEntry.shape.title,
    scheduledFor: DocketEntry.shape.scheduledFor,
    createdAt: z.number().int().min(0),
    notify: z.boolean(),
  })
  .refine((a) => a.alertId === alertId(a.caseKey, a.fingerprint, a.kind), 'alert id does not match its case, fingerprint and kind')
  .refine((a) => a.kind !== 'hearing' || (a.scheduledFor !== null && hearingDate(a.scheduledFor) !== null), 'a hearing reminder without a hearing date');
type PulledAlert = z.infer<typeof PulledAlert>;

/** The row a pulled alert becomes: a hearing reminder is dated by its hearing, any other by its entry. */
function toRow(a: PulledAlert): AlertRow {
  const date = a.kind === 'hearing' && a.scheduledFor ? (hearingDate(a.scheduledFor) ?? a.date) : a.date;
  return { id: a.alertId, caseKey: a.caseKey, fingerprint: a.fingerprint, kind: a.kind, date, title: a.title, createdAt: a.createdAt, readAt: null };
}

/**
 * Store the pulled alerts this browser does not have (a case not in the folder yet is no reason to
 * drop one). Returns the ids of those added that the user has browser notifications on for.
 * Inside applyPulled's transaction.
 */
export async function addPulledAlerts(db: AppDb, changes: readonly Extract<Change, { type: 'alert' }>[]): Promise<string[]> {
  const pulled = changes.flatMap((c) => {
    const parsed = PulledAlert.safeParse(c);
    return parsed.success ? [parsed.data] : [];
  });
  const { created } = await addNewAlerts(db, pulled.map(toRow));
  const notify = new Set(pulled.flatMap((a) => (a.notify ? [a.alertId] : [])));
  return created.flatMap((a) => (notify.has(a.id) ? [a.id] : []));
}

/** Of the alerts `ids`, those to announce now: still stored, unread, never announced, and fresh. */
export async function toAnnounce(db: AppDb, ids: readonly string[], now: number): Promise<AlertRow[]> {
  return (await db.alerts.bulkGet([...ids])).flatMap((a) => (a && a.readAt === null && a.announcedAt === undefined && now - a.createdAt <= ANNOUNCE_WITHIN_MS ? [a] : []));
}
