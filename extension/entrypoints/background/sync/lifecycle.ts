import type { AccountStore } from '../../../lib/account/store';
import type { AppDb } from '../../../lib/db/app-db';
import type { Ctx } from '../context';
import { readSettings } from '../settings';
import { caseMutations, enqueue, sharedSettings, syncedTables } from './outbox';
import { renewClientId, resetSyncStatus, setSyncCursor, setSyncEnabled, syncEnabled, syncStatus } from './state';

/**
 * Sign-in turns sync on and merges: every case of this browser (with its note and tags) and the
 * settings are queued for the account, and the account's folder is pulled from the start.
 * Returns how many cases were queued.
 */
export async function enableSync(ctx: Pick<Ctx, 'db' | 'now' | 'syncSoon'>): Promise<number> {
  const { db } = ctx;
  return db.transaction('rw', syncedTables(db, db.cases), async () => {
    await db.outbox.clear();
    await setSyncEnabled(db, true);
    await setSyncCursor(db, 0);
    // A fresh client id: ids of an earlier sign-in (perhaps another account) can never be mistaken for replays.
    await renewClientId(db);
    const cases = await db.cases.toArray();
    await enqueue(ctx, [...cases.flatMap((c) => caseMutations(c)), { op: 'setSettings', args: { settings: sharedSettings(await readSettings(ctx)) } }]);
    await resetSyncStatus(db, { merged: cases.length });
    return cases.length;
  });
}

/**
 * Signed out here (by the user, or because the server refused the token): the token is forgotten,
 * sync stops and its queue is dropped; the folder stays. `reason` is kept to tell the user why.
 */
export async function signOutLocally(db: AppDb, store: AccountStore, reason: string | null): Promise<void> {
  await store.forgetSession();
  await db.transaction('rw', db.outbox, db.meta, async () => {
    await db.outbox.clear();
    await setSyncEnabled(db, false);
    await resetSyncStatus(db, { lastError: reason });
  });
}

/** Why this browser was signed out, while it still is (null after a sign-out the user asked for). */
export async function signedOutReason(db: AppDb): Promise<string | null> {
  return (await syncEnabled(db)) === false ? (await syncStatus(db)).lastError : null;
}
