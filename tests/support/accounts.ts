import { ApiClient, codeIn, linkIn } from './api-client';
import type { TestBackend } from './backend';

export const TEST_PASSWORD = 'Str0ngPass1';

/**
 * A verified, signed-in user on a test backend, the way a person gets there: sign up, open the
 * emailed confirmation link, sign in (a new browser → 403 DEVICE_CODE_REQUIRED), type the emailed
 * code. The returned client holds the bearer token and a device id that is now trusted.
 */
export async function signedInUser(t: Pick<TestBackend, 'url' | 'lastEmail'>, email: string, opts: { password?: string; name?: string } = {}): Promise<ApiClient> {
  const password = opts.password ?? TEST_PASSWORD;
  const client = new ApiClient(t.url);
  const signUp = await client.post('/api/auth/sign-up/email', { email, password, name: opts.name ?? email.split('@')[0] });
  if (signUp.status !== 200) throw new Error(`sign-up of ${email}: ${signUp.status} ${JSON.stringify(signUp.body)}`);
  const verify = await t.lastEmail(email, /confirm|verify/i);
  const opened = await fetch(linkIn(verify.text, t.url), { redirect: 'manual' });
  await opened.body?.cancel();
  if (opened.status >= 400) throw new Error(`verification link of ${email}: ${opened.status}`);
  return signInOnNewBrowser(t, email, password);
}

/** The same user on another browser (a new device id): password, then the emailed code. */
export async function signInOnNewBrowser(t: Pick<TestBackend, 'url' | 'lastEmail'>, email: string, password = TEST_PASSWORD): Promise<ApiClient> {
  const client = new ApiClient(t.url);
  const signIn = await client.post('/api/auth/sign-in/email', { email, password });
  if (signIn.body.code !== 'DEVICE_CODE_REQUIRED') throw new Error(`sign-in of ${email}: ${signIn.status} ${JSON.stringify(signIn.body)}`);
  const code = codeIn((await t.lastEmail(email, /sign-in code/i)).text);
  const device = await client.post('/api/auth/device/verify', { challengeId: signIn.body.challengeId, code });
  if (device.status !== 200 || !client.token) throw new Error(`device code of ${email}: ${device.status} ${JSON.stringify(device.body)}`);
  return client;
}

/** A user's stored (live, not removed) cases as plain rows, read with SQL from the libsql file (not through the API). */
export function storedCases(t: TestBackend, email: string): Record<string, unknown>[] {
  const rows = t.backend.services.db
    .prepare(
      `SELECT c.case_key, c.court_id, c.case_number, c.caption, c.saved, c.tracked, c.note, c.tags, c.created_at, c.updated_at
       FROM user_case c JOIN user u ON u.id = c.user_id WHERE u.email = ? AND c.deleted = 0 ORDER BY c.case_key`,
    )
    .all(email) as Record<string, unknown>[];
  return rows.map((r) => ({ ...r }));
}

/** `SELECT count(*)` of a table, as a number. */
export function rowCount(t: TestBackend, table: 'user' | 'session' | 'account' | 'verification' | 'user_case' | 'trusted_device' | 'device_challenge'): number {
  return Number((t.backend.services.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n);
}
