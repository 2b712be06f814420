import { MAX_MUTATIONS_PER_PUSH, type Change, type Mutation, type PullResponse, type PushRequest, type PushResponse } from './protocol';

/**
 * One sync round of a client, independent of where its data lives (Dexie in the extension, memory
 * in tests) and how it talks to the server (fetch in the extension, anything in tests):
 * push the outbox in order until it is empty, then pull until the server has nothing more.
 */

/** The client's local side. `applyPulled` must skip pending keys and store the cursor atomically. */
export interface SyncReplica {
  readonly clientId: string;
  /** The oldest not-yet-acknowledged mutations, in id order. */
  pending(limit: number): Promise<Mutation[]>;
  /** The server applied every mutation up to `lastMutationId`: drop them from the outbox. */
  acknowledge(lastMutationId: number): Promise<void>;
  /** Renumber the outbox to start at `firstId` (after the server reported a gap). */
  renumberFrom(firstId: number): Promise<void>;
  cursor(): Promise<number>;
  /** Apply pulled changes (skipping what `shouldApply` refuses) and store `cursor`, in one transaction. */
  applyPulled(changes: Change[], cursor: number): Promise<void>;
}

export type PushResult = { ok: true; response: PushResponse } | { ok: false; gap: number };

export interface SyncTransport {
  push(req: PushRequest): Promise<PushResult>;
  pull(cursor: number): Promise<PullResponse>;
}

export type SyncReport = { pushed: number; pulled: number; rejected: PushResponse['rejected'] };

/** The entity a change or mutation is about, so pending local edits can shield it from a pull. */
export function entityOf(x: Change | Mutation): string | null {
  if ('type' in x) return x.type === 'case' || x.type === 'caseRemoved' ? `case:${x.key}` : x.type === 'settings' ? 'settings' : null;
  switch (x.op) {
    case 'setSettings':
      return 'settings';
    case 'markRead':
      return null; // read marks only ever go from unread to read: nothing to shield
    default:
      return `case:${x.args.key}`;
  }
}

/** A pull never overwrites a pending local change: the server sends the entity again after the push lands. */
export function shouldApply(change: Change, pendingEntities: ReadonlySet<string>): boolean {
  const entity = entityOf(change);
  return entity === null || !pendingEntities.has(entity);
}

/** Push everything pending, then pull everything new. Throws on transport errors (the caller retries with backoff). */
export async function syncOnce(replica: SyncReplica, transport: SyncTransport, maxRounds = 1_000): Promise<SyncReport> {
  const report: SyncReport = { pushed: 0, pulled: 0, rejected: [] };
  for (let round = 0; round < maxRounds; round++) {
    const batch = await replica.pending(MAX_MUTATIONS_PER_PUSH);
    if (batch.length === 0) break;
    const result = await transport.push({ clientId: replica.clientId, mutations: batch });
    if (!result.ok) {
      await replica.acknowledge(result.gap);
      await replica.renumberFrom(result.gap + 1);
      continue;
    }
    await replica.acknowledge(result.response.lastMutationId);
    report.pushed += batch.filter((m) => m.id <= result.response.lastMutationId).length;
    report.rejected.push(...result.response.rejected);
  }
  // Pages are fetched one ahead: the next page travels while this one is applied.
  let next = transport.pull(await replica.cursor());
  for (let round = 0; round < maxRounds; round++) {
    const page = await next;
    if (page.more) {
      next = transport.pull(page.cursor);
      next.catch(() => undefined); // awaited (and its failure thrown) on the next turn
    }
    await replica.applyPulled(page.changes, page.cursor);
    report.pulled += page.changes.length;
    if (!page.more) break;
  }
  return report;
}
