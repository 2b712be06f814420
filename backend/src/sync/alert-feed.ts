import { alertId, type AlertKind, type Change } from '../../../shared/sync/protocol';
import type { Db } from '../db/connection';

export type AlertChange = Extract<Change, { type: 'alert' }>;
/** A pulled alert with the server's own id for it (`alert.id`, which its deliveries name). */
export type FedAlert = { rowId: string; change: AlertChange };

type Row = {
  id: string;
  case_key: string;
  fingerprint: string;
  kind: AlertKind;
  origin: 'server' | 'browser';
  created_at: number;
  version: number;
  date: string | null;
  title: string | null;
  scheduled_for: string | null;
  notify: number;
};

/**
 * The user's alerts as pull changes, in version order. `notify` says a browser delivery is due or
 * was handed out (the user had browser notifications on for it, and has not muted the case or
 * turned the channel off since). Alerts of a removed case are left out: the browsers
 * dropped that case with its alerts.
 */
export class AlertFeed {
  private readonly since;

  constructor(db: Db) {
    this.since = db.prepare(
      `SELECT a.id, a.case_key, a.fingerprint, a.kind, a.origin, a.created_at, a.version,
         json_extract(a.entry, '$.date') AS date, json_extract(a.entry, '$.title') AS title, json_extract(a.entry, '$.scheduledFor') AS scheduled_for,
         d.status IN ('ready', 'sent') AS notify
       FROM alert a LEFT JOIN delivery d ON d.alert_id = a.id AND d.channel = 'browser'
       WHERE a.user_id = ? AND a.version > ?
         AND NOT EXISTS (SELECT 1 FROM user_case c WHERE c.user_id = a.user_id AND c.case_key = a.case_key AND c.deleted = 1)
       ORDER BY a.version LIMIT ?`,
    );
  }

  /** Alerts with a version after `cursor`, oldest first, at most `limit`. */
  changedSince(userId: string, cursor: number, limit: number): FedAlert[] {
    return (this.since.all(userId, cursor, limit) as Row[]).map((r) => ({
      rowId: r.id,
      change: {
        type: 'alert',
        alertId: alertId(r.case_key, r.fingerprint, r.kind),
        version: Number(r.version),
        caseKey: r.case_key,
        fingerprint: r.fingerprint,
        kind: r.kind,
        date: r.date ?? '',
        title: r.title ?? '',
        scheduledFor: r.scheduled_for,
        createdAt: Number(r.created_at),
        origin: r.origin,
        notify: Number(r.notify) === 1,
      },
    }));
  }
}
