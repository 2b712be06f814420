import { ErrorCodes } from '../../../shared/api/errors';
import type { Change, Mutation, PullResponse, PushRequest, PushResponse } from '../../../shared/sync/protocol';
import { CaseLimitError, type CaseStore } from '../cases/case-store';
import type { Db } from '../db/connection';
import { inTransaction } from '../db/transaction';
import type { DeliveryStore } from '../notify/delivery-store';
import { AlertFeed } from './alert-feed';
import { currentVersion, nextVersion } from './version';

/** The push carried a mutation id after a gap: the client resends from `lastMutationId + 1`. */
export class MutationGapError extends Error {
  constructor(readonly lastMutationId: number) {
    super(`Mutations must follow on from ${lastMutationId}; resend from ${lastMutationId + 1}.`);
  }
}

/**
 * The server side of sync (shared/sync/protocol.ts): applies pushed mutations at most once per
 * client, in one transaction, and answers pulls from the per-user version (cases, read marks,
 * settings and the alerts the server raised).
 */
export class SyncStore {
  private readonly alerts: AlertFeed;

  constructor(
    private readonly db: Db,
    private readonly cases: CaseStore,
    private readonly deliveries: DeliveryStore,
  ) {
    this.alerts = new AlertFeed(db);
  }

  push(userId: string, req: PushRequest, now: number): PushResponse {
    return inTransaction(this.db, () => {
      let last = this.lastMutationId(userId, req.clientId);
      const rejected: PushResponse['rejected'] = [];
      for (const m of req.mutations) {
        if (m.id <= last) continue; // already applied: a replay
        if (m.id !== last + 1) throw new MutationGapError(last);
        try {
          this.apply(userId, m, now);
        } catch (err) {
          if (!(err instanceof CaseLimitError)) throw err;
          rejected.push({ id: m.id, code: ErrorCodes.limitReached, message: err.message });
        }
        last = m.id;
      }
      this.db
        .prepare(
          `INSERT INTO sync_client (user_id, client_id, last_mutation_id, updated_at) VALUES (?, ?, ?, ?)
           ON CONFLICT (user_id, client_id) DO UPDATE SET last_mutation_id = excluded.last_mutation_id, updated_at = excluded.updated_at`,
        )
        .run(userId, req.clientId, last, now);
      return { lastMutationId: last, rejected };
    });
  }

  /**
   * Changes after `cursor` (at most `limit`), read in one transaction with the version they lead to.
   * The browser deliveries of the alerts handed out are then recorded as sent to `clientId`.
   */
  pull(userId: string, cursor: number, limit: number, clientId: string | null, now: number): PullResponse {
    const { response, alertRows } = this.read(userId, cursor, limit);
    if (alertRows.length) inTransaction(this.db, () => this.deliveries.markPulled(alertRows, clientId, now));
    return response;
  }

  private read(userId: string, cursor: number, limit: number): { response: PullResponse; alertRows: string[] } {
    this.db.exec('BEGIN DEFERRED');
    try {
      const version = currentVersion(this.db, userId);
      const alerts = this.alerts.changedSince(userId, cursor, limit + 1);
      const changes: Change[] = [
        ...this.cases.changedSince(userId, cursor, limit + 1).map((c): Change =>
          c.deleted ? { type: 'caseRemoved', key: c.key, version: c.version } : { type: 'case', key: c.key, version: c.version, value: c.value },
        ),
        ...(this.db.prepare('SELECT alert_id, read_at, version FROM alert_read WHERE user_id = ? AND version > ? ORDER BY version LIMIT ?').all(userId, cursor, limit + 1) as {
          alert_id: string;
          read_at: number;
          version: number;
        }[]).map((r): Change => ({ type: 'read', alertId: r.alert_id, readAt: Number(r.read_at), version: Number(r.version) })),
        ...(this.db.prepare('SELECT settings, version FROM user_settings WHERE user_id = ? AND version > ?').all(userId, cursor) as { settings: string; version: number }[]).map(
          (r): Change => ({ type: 'settings', value: JSON.parse(r.settings) as Record<string, unknown>, version: Number(r.version) }),
        ),
        ...alerts.map((a) => a.change),
      ].sort((a, b) => a.version - b.version);
      const more = changes.length > limit;
      const page = more ? changes.slice(0, limit) : changes;
      const last = page.at(-1)?.version ?? cursor;
      const clients = this.db.prepare('SELECT client_id, last_mutation_id FROM sync_client WHERE user_id = ?').all(userId) as { client_id: string; last_mutation_id: number }[];
      return {
        response: {
          cursor: more ? last : version,
          more,
          changes: page,
          lastMutationIds: Object.fromEntries(clients.map((c) => [c.client_id, Number(c.last_mutation_id)])),
        },
        alertRows: alerts.flatMap((a) => (a.change.version <= last && a.change.notify ? [a.rowId] : [])),
      };
    } finally {
      this.db.exec('COMMIT');
    }
  }

  private lastMutationId(userId: string, clientId: string): number {
    const row = this.db.prepare('SELECT last_mutation_id FROM sync_client WHERE user_id = ? AND client_id = ?').get(userId, clientId) as { last_mutation_id: number } | undefined;
    return row ? Number(row.last_mutation_id) : 0;
  }

  private apply(userId: string, m: Mutation, now: number): void {
    switch (m.op) {
      case 'putCase': {
        const { key, courtId, caseNumber, ...fields } = m.args;
        this.cases.revive(userId, key, courtId, caseNumber, now);
        this.cases.update(userId, key, fields, now);
        return;
      }
      case 'setFlags':
        this.cases.update(userId, m.args.key, { saved: m.args.saved, tracked: m.args.tracked }, now);
        return;
      case 'setNote':
        this.cases.update(userId, m.args.key, { note: m.args.note }, now);
        return;
      case 'setTags':
        this.cases.update(userId, m.args.key, { tags: m.args.tags }, now);
        return;
      case 'removeCase':
        this.cases.remove(userId, m.args.key, now);
        return;
      case 'markRead':
        // Read stays read: the first mark wins, a repeat changes nothing.
        if (this.db.prepare('SELECT 1 FROM alert_read WHERE user_id = ? AND alert_id = ?').get(userId, m.args.alertId)) return;
        this.db.prepare('INSERT INTO alert_read (user_id, alert_id, read_at, version) VALUES (?, ?, ?, ?)').run(userId, m.args.alertId, m.args.readAt, nextVersion(this.db, userId));
        return;
      case 'setSettings':
        this.db
          .prepare('INSERT INTO user_settings (user_id, settings, version) VALUES (?, ?, ?) ON CONFLICT (user_id) DO UPDATE SET settings = excluded.settings, version = excluded.version')
          .run(userId, JSON.stringify(m.args.settings), nextVersion(this.db, userId));
        return;
    }
  }
}
