import { entityOf, shouldApply, type SyncReplica } from '../../shared/sync/engine';
import type { Change, Mutation, MutationInput, SyncedCase } from '../../shared/sync/protocol';

/** A client's folder in memory, with the local effects the extension gives each operation; `alerts`: ids of the server's alerts pulled. */
export type Folder = { cases: Map<string, SyncedCase>; reads: Map<string, number>; settings: Record<string, unknown> | null; alerts: Set<string> };

export const emptyFolder = (): Folder => ({ cases: new Map(), reads: new Map(), settings: null, alerts: new Set() });

/** How an operation changes a folder (the client's optimistic local change). */
export function applyLocally(folder: Folder, m: MutationInput): void {
  switch (m.op) {
    case 'putCase': {
      const a = m.args;
      const existing = folder.cases.get(a.key);
      folder.cases.set(a.key, { courtId: a.courtId, caseNumber: a.caseNumber, caption: a.caption, saved: a.saved, tracked: a.tracked, source: a.source, note: existing?.note ?? '', tags: existing?.tags ?? [] });
      return;
    }
    case 'setFlags':
    case 'setNote':
    case 'setTags': {
      const { key, ...fields } = m.args;
      const existing = folder.cases.get(key);
      if (!existing) return;
      folder.cases.set(key, { ...existing, ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) });
      return;
    }
    case 'removeCase':
      folder.cases.delete(m.args.key);
      return;
    case 'markRead':
      if (!folder.reads.has(m.args.alertId)) folder.reads.set(m.args.alertId, m.args.readAt);
      return;
    case 'setSettings':
      folder.settings = m.args.settings;
      return;
  }
}

/** A SyncReplica kept in memory: the folder, an outbox numbered from 1, and the pull cursor. */
export class MemoryReplica implements SyncReplica {
  folder = emptyFolder();
  outbox: Mutation[] = [];
  private nextId = 1;
  private pullCursor = 0;

  constructor(readonly clientId: string) {}

  /** A local change: applied at once, and queued for the server. */
  change(m: MutationInput): void {
    applyLocally(this.folder, m);
    this.outbox.push({ ...m, id: this.nextId++ } as Mutation);
  }

  async pending(limit: number) {
    return this.outbox.slice(0, limit);
  }
  async acknowledge(lastMutationId: number) {
    this.outbox = this.outbox.filter((m) => m.id > lastMutationId);
  }
  async renumberFrom(firstId: number) {
    this.outbox = this.outbox.map((m, i) => ({ ...m, id: firstId + i }));
    this.nextId = firstId + this.outbox.length;
  }
  async cursor() {
    return this.pullCursor;
  }
  async applyPulled(changes: Change[], cursor: number) {
    const pending = new Set(this.outbox.map(entityOf).filter((e): e is string => e !== null));
    for (const c of changes) {
      if (!shouldApply(c, pending)) continue;
      if (c.type === 'case') this.folder.cases.set(c.key, c.value);
      else if (c.type === 'caseRemoved') this.folder.cases.delete(c.key);
      else if (c.type === 'read') {
        this.folder.reads.set(c.alertId, c.readAt); // the server's first mark is the one every browser keeps
      } else if (c.type === 'alert') {
        this.folder.alerts.add(c.alertId); // an alert is stored once, however often it is pulled
      } else {
        this.folder.settings = c.value;
      }
    }
    this.pullCursor = cursor;
  }
}
