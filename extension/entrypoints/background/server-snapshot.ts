import type { DocketEntry } from '../../../shared/casenet/types';
import { AccountError } from '../../lib/account/http';
import { watchClient } from '../../lib/account/watch-client';
import type { CaseRow } from '../../lib/db/tables/case-row';
import { currentSession, type AccountDeps } from './account';
import type { Ctx } from './context';

/**
 * Hand a docket this browser read of a tracked case to the sync server (`POST
 * /api/v1/cases/:key/snapshot`), which judges it like its own read and may alert only this user.
 * Best effort: signed out or not tracked, nothing is sent; one attempt, never retried; a failure is
 * logged and forgotten, and never reaches the local refresh. A 404 (the server does not know yet
 * that the case is tracked: not synced) is expected and not even logged.
 */
export async function reportSnapshot(ctx: Pick<Ctx, 'db' | 'now'>, account: AccountDeps, row: Pick<CaseRow, 'key' | 'tracked'>, entries: readonly DocketEntry[]): Promise<void> {
  if (!row.tracked) return;
  try {
    const { server, session } = await currentSession(ctx, account.store);
    if (!session) return;
    const client = watchClient({ baseUrl: server, deviceId: await account.store.deviceId(), fetch: account.fetch }, session.token);
    await client.postSnapshot(row.key, entries, ctx.now());
  } catch (err) {
    if (err instanceof AccountError && err.status === 404) return;
    console.warn(`Docket Watch: the sync server did not take this browser's docket of ${row.key}:`, err instanceof Error ? err.message : err);
  }
}
