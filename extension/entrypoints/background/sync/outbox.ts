import Dexie, { type Table } from 'dexie';
import { CaseTag } from '../../../../shared/api/cases';
import { parseCaseKey } from '../../../../shared/casenet/key';
import { Mutation, type MutationInput } from '../../../../shared/sync/protocol';
import type { AppDb } from '../../../lib/db/app-db';
import type { CaseRow } from '../../../lib/db/tables/case-row';
import type { Settings } from '../../../lib/protocol';
import type { Ctx } from '../context';
import { lastMutationId, setLastMutationId, syncEnabled } from './state';

/**
 * The one way local changes reach the sync server. A writer changes synced data and calls
 * `enqueue` in the same Dexie transaction (opened over `syncedTables(...)`), so a change is never
 * stored without its mutation nor a mutation without its change. Signed out, nothing is queued.
 */

/** The tables a writer's transaction must cover: its own, plus the outbox and the id counter. */
export const syncedTables = (db: AppDb, ...tables: Table[]): Table[] => [...tables, db.outbox, db.meta];

/** Queue mutations with the next ids of this client, then ask for a sync round soon. */
export async function enqueue(ctx: Pick<Ctx, 'db' | 'syncSoon'>, mutations: readonly MutationInput[]): Promise<void> {
  const { db } = ctx;
  const tx = Dexie.currentTransaction;
  if (!tx || tx.mode !== 'readwrite' || !['outbox', 'meta'].every((t) => tx.storeNames.includes(t))) {
    throw new Error('enqueue must run inside the read-write transaction of the change it records.');
  }
  if (mutations.length === 0 || (await syncEnabled(db)) !== true) return;
  let id = await lastMutationId(db);
  await db.outbox.bulkAdd(mutations.map((m) => Mutation.parse({ ...m, id: ++id })));
  await setLastMutationId(db, id);
  ctx.syncSoon();
}

/** Save or Track as the server knows it: the case's identity (from its key), caption, flags and where it is read from. */
export function putCaseOf(row: CaseRow): MutationInput {
  const { key, caption, saved, tracked, source } = row;
  const id = parseCaseKey(key);
  if (!id) throw new Error(`Not a case key: ${key.slice(0, 100)}`);
  return { op: 'putCase', args: { key, ...id, caption, saved, tracked, source } };
}

/** Tags as the server accepts them (trimmed, none empty). */
function syncedTags(tags: readonly string[]): string[] {
  return tags.flatMap((t) => {
    const parsed = CaseTag.safeParse(t);
    return parsed.success ? [parsed.data] : [];
  });
}

/** Note and tag edits of a case: setNote / setTags for what differs from `before` (empty when omitted). */
export function editMutations(row: Pick<CaseRow, 'key' | 'note' | 'tags'>, before?: Pick<CaseRow, 'note' | 'tags'>): MutationInput[] {
  const tags = syncedTags(row.tags);
  return [
    ...(row.note !== (before?.note ?? '') ? [{ op: 'setNote' as const, args: { key: row.key, note: row.note } }] : []),
    ...(JSON.stringify(tags) !== JSON.stringify(syncedTags(before?.tags ?? [])) ? [{ op: 'setTags' as const, args: { key: row.key, tags } }] : []),
  ];
}

/** A whole case for the server (sign-in merge, import): putCase, then its note and tags where they differ from `before`. */
export const caseMutations = (row: CaseRow, before?: Pick<CaseRow, 'note' | 'tags'>): MutationInput[] => [putCaseOf(row), ...editMutations(row, before)];

/** The settings every browser shares: all but `serverUrl`, which belongs to this browser. */
export function sharedSettings(settings: Settings): Record<string, unknown> {
  const { serverUrl: _own, ...shared } = settings;
  return shared;
}
