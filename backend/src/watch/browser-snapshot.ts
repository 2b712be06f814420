import type { DocketEntry } from '../../../shared/casenet/types';
import { assessRefresh, changesOf } from '../../../shared/diff';
import type { Db } from '../db/connection';
import { inTransaction } from '../db/transaction';
import { createAlerts, type AlertSink } from './alerts';
import type { WatchStore } from './watch-store';

export type SnapshotOutcome = { accepted: boolean; alerts: number; message: string };

/**
 * A docket read by one user's browser. It is judged against the server's last good copy by the
 * same rules as a server read, and may only ever alert the user who sent it; the shared copy is not
 * changed (the server's own read confirms it for everyone else).
 */
export function acceptBrowserSnapshot(deps: { db: Db; store: WatchStore; sink: AlertSink }, userId: string, key: string, entries: DocketEntry[], now: number): SnapshotOutcome {
  const { db, store, sink } = deps;
  const previous = store.entries(key);
  if (previous === null) return { accepted: true, alerts: 0, message: 'The server has no copy of this docket yet: nothing to compare with.' };
  const verdict = assessRefresh(previous, entries);
  if (!verdict.ok) return { accepted: false, alerts: 0, message: verdict.message };
  if (verdict.baseline) return { accepted: true, alerts: 0, message: 'Baseline.' };
  const changes = changesOf(verdict.diff);
  const ids = inTransaction(db, () => {
    const created = changes.length ? createAlerts(db, key, changes, [userId], 'browser', now) : [];
    if (created.length) sink.enqueue(created, now);
    return created;
  });
  return { accepted: true, alerts: ids.length, message: changes.length ? `${changes.length} docket change${changes.length === 1 ? '' : 's'}.` : 'No new docket entries.' };
}
