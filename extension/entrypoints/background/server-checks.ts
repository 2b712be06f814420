import type { WatchState } from '../../../shared/api/watch';
import { AccountError } from '../../lib/account/http';
import { watchClient, type WatchClient } from '../../lib/account/watch-client';
import type { Handlers } from '../../lib/messages';
import type { ServerCheckRequestName } from '../../lib/protocol';
import { currentSession, defaultAccountDeps, isRevoked, SIGNED_OUT_NOTICE, type AccountDeps } from './account';
import type { Ctx } from './context';
import { signOutLocally } from './sync/lifecycle';
import { summarizeCase } from './views';

/**
 * The sync server's own reads of this user's tracked cases, kept on each case row
 * (`serverCheckedAt`, `serverError`) so the status line can say "checked 5 min ago by the server".
 * Read after each sync round and after a check asked for here; a case no longer tracked (here or
 * there) keeps nothing.
 */
export async function pullServerChecks(ctx: Pick<Ctx, 'db'>, client: WatchClient): Promise<void> {
  await storeServerChecks(ctx, await client.state());
}

/** Write the server's check state onto the rows it differs from (others are not touched). */
async function storeServerChecks(ctx: Pick<Ctx, 'db'>, state: WatchState): Promise<void> {
  const byKey = new Map(state.cases.map((c) => [c.key, c]));
  const { db } = ctx;
  await db.transaction('rw', db.cases, async () => {
    const changed = (await db.cases.toArray()).flatMap((row) => {
      const known = row.tracked ? byKey.get(row.key) : undefined;
      const serverCheckedAt = known?.lastCheckedAt ? Date.parse(known.lastCheckedAt) : null;
      const serverError = known?.lastError ?? null;
      const same = (row.serverCheckedAt ?? null) === serverCheckedAt && (row.serverError ?? null) === serverError;
      return same ? [] : [{ ...row, serverCheckedAt, serverError }];
    });
    await db.cases.bulkPut(changed);
  });
}

/**
 * The dashboard's "Check on server now": the server reads one tracked case on Case.net now. When
 * that raised alerts, `syncNow` fetches them at once (else they would wait for the next sync round).
 */
export function serverCheckHandlers(ctx: Ctx, deps: AccountDeps = defaultAccountDeps(), syncNow: () => Promise<void> = async () => undefined): Pick<Handlers, ServerCheckRequestName> {
  return {
    checkOnServer: async ({ key }) => {
      const row = await ctx.db.cases.get(key);
      if (!row) throw new Error('That case is not in your folder.');
      if (!row.tracked) throw new Error('Only a tracked case can be checked on the server.');
      const { server, session } = await currentSession(ctx, deps.store);
      if (!session) throw new Error('Sign in to ask the server to check this case.');
      const client = watchClient({ baseUrl: server, deviceId: await deps.store.deviceId(), fetch: deps.fetch }, session.token);
      const result = await client.checkNow(key).catch((err: unknown) => refused(ctx, deps, err));
      if (result.alerts > 0) await syncNow();
      // The check is done either way; its time and outcome show on the status line when they arrive.
      await pullServerChecks(ctx, client).catch((err: unknown) => console.warn('Docket Watch: could not read the server check state', err));
      const checked = await ctx.db.cases.get(key);
      return { ok: result.ok, message: result.message, summary: await summarizeCase(ctx, checked ?? row) };
    },
  };
}

/** Why the server did not check, for the user: a refused session signs this browser out; a 404 means not synced yet. */
async function refused(ctx: Pick<Ctx, 'db'>, deps: AccountDeps, err: unknown): Promise<never> {
  if (isRevoked(err)) {
    await signOutLocally(ctx.db, deps.store, SIGNED_OUT_NOTICE);
    throw new Error(SIGNED_OUT_NOTICE, { cause: err });
  }
  if (err instanceof AccountError && err.status === 404) throw new Error('The server does not know yet that you track this case; try again after the next sync.', { cause: err });
  throw err;
}
