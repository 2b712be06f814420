import { AttemptOutcome, Channel, DeliveryStatus, type DeliveryView, type NotificationPage, type NotificationView } from '../../../shared/api/prefs';
import { parseCaseKey } from '../../../shared/casenet/key';
import { DocketEntry } from '../../../shared/casenet/types';
import type { Db } from '../db/connection';

/**
 * Notification history: a user's alerts, newest first, with their deliveries and every attempt.
 * Every query is scoped by the caller's user id; another user's alert id is simply not found.
 */
type AlertRow = { id: string; case_key: string; kind: string; entry: string; previous: string | null; origin: string; created_at: number; caption: string | null; case_number: string | null };
type DeliveryRow = { id: string; alert_id: string; channel: string; status: string; attempts: number; next_attempt_at: number; provider_id: string | null; last_error: string | null; updated_at: number };
type AttemptRow = { delivery_id: string; at: number; outcome: string; provider_id: string | null; error: string | null };

const iso = (ms: number) => new Date(Number(ms)).toISOString();
const UNREADABLE: DocketEntry = { date: '1970-01-01', title: '(unreadable entry)', text: null, filedBy: null, onBehalfOf: null, scheduledFor: null, sequence: null };

function entryOf(text: string | null): DocketEntry | null {
  if (text === null) return null;
  try {
    const parsed = DocketEntry.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : UNREADABLE;
  } catch {
    return UNREADABLE;
  }
}

const placeholders = (n: number) => Array.from({ length: n }, () => '?').join(', ');

export class NotificationHistory {
  private readonly cursorStmt;

  constructor(private readonly db: Db) {
    this.cursorStmt = db.prepare('SELECT created_at FROM alert WHERE id = ? AND user_id = ?');
  }

  /** A page of up to `limit` alerts older than the alert `before` (the caller's own); null when `before` is not theirs. */
  page(userId: string, limit: number, before?: string): NotificationPage | null {
    let alerts: AlertRow[];
    const select = `SELECT a.id, a.case_key, a.kind, a.entry, a.previous, a.origin, a.created_at, c.caption, c.case_number
      FROM alert a LEFT JOIN user_case c ON c.user_id = a.user_id AND c.case_key = a.case_key WHERE a.user_id = ?`;
    if (before !== undefined) {
      const cursor = this.cursorStmt.get(before, userId) as { created_at: number } | undefined;
      if (!cursor) return null;
      alerts = this.db
        .prepare(`${select} AND (a.created_at < ? OR (a.created_at = ? AND a.id < ?)) ORDER BY a.created_at DESC, a.id DESC LIMIT ?`)
        .all(userId, cursor.created_at, cursor.created_at, before, limit) as AlertRow[];
    } else {
      alerts = this.db.prepare(`${select} ORDER BY a.created_at DESC, a.id DESC LIMIT ?`).all(userId, limit) as AlertRow[];
    }
    const deliveries = this.deliveriesOf(userId, alerts.map((a) => a.id));
    const notifications = alerts.map((a): NotificationView => {
      const kind = a.kind === 'changed' || a.kind === 'removed' || a.kind === 'hearing' ? a.kind : 'new';
      return {
        id: a.id,
        caseKey: a.case_key,
        caseNumber: a.case_number ?? parseCaseKey(a.case_key)?.caseNumber ?? a.case_key,
        caption: a.caption,
        kind,
        origin: a.origin,
        entry: entryOf(a.entry) ?? UNREADABLE,
        previous: entryOf(a.previous),
        createdAt: iso(a.created_at),
        deliveries: deliveries.get(a.id) ?? [],
      };
    });
    return { notifications, nextBefore: alerts.length === limit ? (alerts.at(-1)?.id ?? null) : null };
  }

  private deliveriesOf(userId: string, alertIds: string[]): Map<string, DeliveryView[]> {
    const byAlert = new Map<string, DeliveryView[]>();
    if (alertIds.length === 0) return byAlert;
    const rows = this.db
      .prepare(
        `SELECT id, alert_id, channel, status, attempts, next_attempt_at, provider_id, last_error, updated_at
         FROM delivery WHERE user_id = ? AND alert_id IN (${placeholders(alertIds.length)}) ORDER BY channel`,
      )
      .all(userId, ...alertIds) as DeliveryRow[];
    const attempts = new Map<string, AttemptRow[]>();
    if (rows.length) {
      const found = this.db
        .prepare(
          `SELECT t.delivery_id, t.at, t.outcome, t.provider_id, t.error FROM delivery_attempt t JOIN delivery d ON d.id = t.delivery_id
           WHERE d.user_id = ? AND d.alert_id IN (${placeholders(alertIds.length)}) ORDER BY t.id`,
        )
        .all(userId, ...alertIds) as AttemptRow[];
      for (const t of found) attempts.set(t.delivery_id, [...(attempts.get(t.delivery_id) ?? []), t]);
    }
    for (const r of rows) {
      const channel = Channel.safeParse(r.channel);
      const status = DeliveryStatus.safeParse(r.status);
      if (!channel.success || !status.success) continue;
      const waiting = status.data === 'pending' || status.data === 'digest';
      const view: DeliveryView = {
        id: r.id,
        channel: channel.data,
        status: status.data,
        tries: Number(r.attempts),
        nextAttemptAt: waiting ? iso(r.next_attempt_at) : null,
        providerId: r.provider_id,
        lastError: r.last_error,
        updatedAt: iso(r.updated_at),
        attempts: (attempts.get(r.id) ?? []).map((t) => ({
          at: iso(t.at),
          outcome: AttemptOutcome.safeParse(t.outcome).data ?? 'retry',
          providerId: t.provider_id,
          error: t.error,
        })),
      };
      byAlert.set(r.alert_id, [...(byAlert.get(r.alert_id) ?? []), view]);
    }
    return byAlert;
  }
}
