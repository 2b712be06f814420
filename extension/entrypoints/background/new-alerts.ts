import type { AppDb } from '../../lib/db/app-db';
import type { AlertRow } from '../../lib/db/tables/alert-row';

/**
 * Store the alerts among `candidates` that are not stored yet: an id is the dedupe key, so an alert
 * this browser found and the same one pulled from the server are one alert. One that another browser
 * read first starts read, at that time (its read mark is used up). Run inside a transaction over
 * `alerts` and `readMarks`. Returns the alerts added, the stored ones among the candidates, and the
 * ids that took a read mark.
 */
export async function addNewAlerts(db: AppDb, candidates: readonly AlertRow[]): Promise<{ created: AlertRow[]; known: AlertRow[]; markedElsewhere: Set<string> }> {
  const unique = [...new Map(candidates.map((a) => [a.id, a])).values()];
  const existing = await db.alerts.bulkGet(unique.map((a) => a.id));
  const created = unique.filter((_, i) => existing[i] === undefined);
  const marks = (await db.readMarks.bulkGet(created.map((a) => a.id))).flatMap((m) => (m ? [m] : []));
  const readAt = new Map(marks.map((m) => [m.alertId, m.readAt]));
  for (const a of created) a.readAt = readAt.get(a.id) ?? a.readAt;
  await db.readMarks.bulkDelete([...readAt.keys()]);
  await db.alerts.bulkAdd(created);
  return { created, known: existing.flatMap((a) => (a ? [a] : [])), markedElsewhere: new Set(readAt.keys()) };
}
