import type { SyncReplica } from '../../../../shared/sync/engine';
import { Mutation, type Change } from '../../../../shared/sync/protocol';
import { announcePulled } from '../alerts';
import type { Ctx } from '../context';
import { applyPulled } from './apply-pulled';
import { toAnnounce } from './pulled-alerts';
import { setLastMutationId, syncCursor } from './state';

/** This browser's side of sync: the Dexie outbox and folder (see shared/sync/engine.ts). */
export class DexieReplica implements SyncReplica {
  /** Ids of the fresh alerts pulled in this round, to announce at its end. */
  private fresh: string[] = [];

  constructor(
    private readonly ctx: Ctx,
    readonly clientId: string,
  ) {}

  async pending(limit: number): Promise<Mutation[]> {
    return Mutation.array().parse(await this.ctx.db.outbox.orderBy('id').limit(limit).toArray());
  }

  async acknowledge(lastMutationId: number): Promise<void> {
    await this.ctx.db.outbox.where('id').belowOrEqual(lastMutationId).delete();
  }

  /** Renumber the outbox from `firstId` in one transaction with the id counter. */
  async renumberFrom(firstId: number): Promise<void> {
    const { db } = this.ctx;
    await db.transaction('rw', db.outbox, db.meta, async () => {
      const rows = await db.outbox.orderBy('id').toArray();
      await db.outbox.clear();
      await db.outbox.bulkAdd(rows.map((m, i) => ({ ...m, id: firstId + i })));
      await setLastMutationId(db, firstId + rows.length - 1);
    });
  }

  cursor(): Promise<number> {
    return syncCursor(this.ctx.db);
  }

  /** Apply a page; the fresh alerts it brought (found by the server or another browser) are announced after the pull. */
  async applyPulled(changes: Change[], cursor: number): Promise<void> {
    const fresh = await applyPulled(this.ctx, changes, cursor);
    this.fresh.push(...fresh.map((a) => a.id));
  }

  /**
   * Once the pull is over (or stopped): announce the fresh alerts it brought that are still unread
   * (a later page may have carried a read mark from another browser), all together.
   */
  async announceFresh(): Promise<void> {
    const ids = this.fresh;
    this.fresh = [];
    const alerts = await toAnnounce(this.ctx.db, ids, this.ctx.now());
    if (alerts.length > 0) await announcePulled(this.ctx, alerts);
  }
}
