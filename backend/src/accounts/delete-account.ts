import type { Auth } from '../auth/auth';
import type { Db } from '../db/connection';

/**
 * Remove everything of a user: our tables (folder, devices, lockout) in one transaction, then
 * better-auth's (sessions, credentials, pending reset tokens, the user row).
 */
export async function deleteAccount(auth: Auth, db: Db, userId: string): Promise<void> {
  db.exec('BEGIN IMMEDIATE');
  try {
    for (const table of ['user_case', 'trusted_device', 'device_challenge', 'sign_in_failure', 'account_lock']) {
      db.prepare(`DELETE FROM ${table} WHERE user_id = ?`).run(userId);
    }
    db.prepare('DELETE FROM verification WHERE value = ?').run(userId);
    db.exec('COMMIT');
  } catch (err) {
    db.exec('ROLLBACK');
    throw err;
  }
  const ctx = await auth.$context;
  await ctx.internalAdapter.deleteUserSessions(userId);
  await ctx.internalAdapter.deleteAccounts(userId);
  await ctx.internalAdapter.deleteUser(userId);
}
