import type { Auth } from '../auth/auth';
import type { Db } from '../db/connection';
import { inTransaction } from '../db/transaction';

/** Our tables with a row per user (everything keyed by `user_id`). */
export const USER_TABLES = ['user_case', 'trusted_device', 'device_challenge', 'sign_in_failure', 'account_lock', 'sync_user', 'sync_client', 'alert_read', 'user_settings', 'alert', 'delivery', 'notification_prefs'] as const;

/**
 * Remove everything of a user: our tables (folder, devices, lockout) in one transaction, then
 * better-auth's (sessions, credentials, pending reset tokens, the user row).
 */
export async function deleteAccount(auth: Auth, db: Db, userId: string): Promise<void> {
  inTransaction(db, () => {
    db.prepare('DELETE FROM delivery_attempt WHERE delivery_id IN (SELECT id FROM delivery WHERE user_id = ?)').run(userId);
    for (const table of USER_TABLES) db.prepare(`DELETE FROM ${table} WHERE user_id = ?`).run(userId);
    db.prepare('DELETE FROM verification WHERE value = ?').run(userId);
  });
  const ctx = await auth.$context;
  await ctx.internalAdapter.deleteUserSessions(userId);
  await ctx.internalAdapter.deleteAccounts(userId);
  await ctx.internalAdapter.deleteUser(userId);
}
