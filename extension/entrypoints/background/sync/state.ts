import { z } from 'zod';
import { ClientId } from '../../../../shared/sync/protocol';
import { newDeviceId } from '../../../lib/account/store';
import type { AppDb } from '../../../lib/db/app-db';

/**
 * Sync state in the `meta` table, one key each so writers never overwrite each other's fields.
 * Values are parsed on every read; an unreadable value reads as its default.
 */
const KEYS = {
  /** Signed in with sync on: local changes are queued and rounds run. Absent = never decided. */
  enabled: 'sync.enabled',
  /** This browser's client id for the server (random, kept for good). */
  clientId: 'sync.clientId',
  /** The last mutation id handed out; the next change gets this + 1. */
  lastMutationId: 'sync.lastMutationId',
  /** The server version this browser has pulled up to. */
  cursor: 'sync.cursor',
  status: 'sync.status',
} as const;

const Status = z.object({
  lastSyncedAt: z.number().nullable(),
  /** Plain words: why the last round failed, or what the server refused; null after a clean round. */
  lastError: z.string().nullable(),
  /** Cases this browser added to the account when it signed in. */
  merged: z.number().int().nullable(),
  /** When a pull last brought changes (pages re-read the folder when it moves). */
  pulledAt: z.number().nullable(),
});
type SyncStatus = z.infer<typeof Status>;
const NO_STATUS: SyncStatus = { lastSyncedAt: null, lastError: null, merged: null, pulledAt: null };

async function read<T>(db: AppDb, key: string, schema: z.ZodType<T>, fallback: T): Promise<T> {
  const parsed = schema.safeParse((await db.meta.get(key))?.value);
  return parsed.success ? parsed.data : fallback;
}

const write = (db: AppDb, key: string, value: unknown) => db.meta.put({ key, value });

/** true/false once decided; null for a folder that has never been signed in since sync existed. */
export const syncEnabled = (db: AppDb): Promise<boolean | null> => read(db, KEYS.enabled, z.boolean().nullable(), null);
export const setSyncEnabled = (db: AppDb, enabled: boolean) => write(db, KEYS.enabled, enabled);

/** This browser's client id, created on first use (inside the caller's transaction, if any). */
export async function clientIdOf(db: AppDb): Promise<string> {
  return db.transaction('rw', db.meta, async () => {
    const stored = await read(db, KEYS.clientId, ClientId.nullable(), null);
    if (stored) return stored;
    const id = newDeviceId();
    await write(db, KEYS.clientId, id);
    return id;
  });
}

/** A new client id for a new sign-in: the server keeps mutation ids per (user, client), so every sign-in starts its own count at 1. */
export async function renewClientId(db: AppDb): Promise<void> {
  await write(db, KEYS.clientId, newDeviceId());
  await write(db, KEYS.lastMutationId, 0);
}

const Counter = z.number().int().min(0);
export const lastMutationId = (db: AppDb) => read(db, KEYS.lastMutationId, Counter, 0);
export const setLastMutationId = (db: AppDb, id: number) => write(db, KEYS.lastMutationId, id);

export const syncCursor = (db: AppDb) => read(db, KEYS.cursor, Counter, 0);
export const setSyncCursor = (db: AppDb, cursor: number) => write(db, KEYS.cursor, cursor);

export const syncStatus = (db: AppDb) => read(db, KEYS.status, Status, NO_STATUS);
/** Change some status fields, keeping the others (one transaction, so two writers cannot interleave). */
export async function updateSyncStatus(db: AppDb, patch: Partial<SyncStatus>): Promise<void> {
  await db.transaction('rw', db.meta, async () => write(db, KEYS.status, { ...(await syncStatus(db)), ...patch }));
}
/** Start over with a clean status (sign-in and sign-out). */
export const resetSyncStatus = (db: AppDb, status: Partial<SyncStatus>) => write(db, KEYS.status, { ...NO_STATUS, ...status });
