import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SECRET_FILE } from '../../../backend/src/auth/secret';
import { ApiClient, codeIn, linkIn } from '../../support/api-client';
import { startTestBackend, type TestBackend } from '../../support/backend';

// The whole account path through the real HTTP server, a real libsql file and the real `resend`
// SDK talking to a local Resend-compatible server: sign-up → verify → new-device code → sign-in →
// lockout → reset → sign-out, plus account deletion and restarts.

const PASSWORD = 'Corr3ct-Horse';
const logLines: string[] = [];
const logSink = new Writable({ write: (chunk, _e, cb) => (logLines.push(String(chunk)), cb()) });
/** Every secret the flow handles; none may appear in a log line. */
const secrets = new Set<string>([PASSWORD]);

let t: TestBackend;
beforeAll(async () => {
  t = await startTestBackend({ logTo: logSink });
});
afterAll(async () => {
  await t?.close();
});

const rows = (sql: string, ...args: unknown[]) => t.backend.services.db.prepare(sql).all(...args) as Record<string, unknown>[];
const jwtPayload = (token: string) => JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as { exp: number; iat: number };

async function signUpAndVerify(email: string, browser = new ApiClient(t.url)): Promise<ApiClient> {
  expect((await browser.post('/api/auth/sign-up/email', { email, password: PASSWORD, name: email })).status).toBe(200);
  const link = linkIn((await t.lastEmail(email, /Confirm your email/)).text, t.url);
  expect((await fetch(link, { redirect: 'manual' })).status).toBe(302);
  return browser;
}

/** Sign in on a new device: password, then the emailed code. */
async function signInWithCode(browser: ApiClient, email: string, password = PASSWORD): Promise<void> {
  const first = await browser.post('/api/auth/sign-in/email', { email, password });
  expect(first.body).toMatchObject({ code: 'DEVICE_CODE_REQUIRED' });
  const code = codeIn((await t.lastEmail(email, /sign-in code/)).text);
  secrets.add(code);
  const done = await browser.post('/api/auth/device/verify', { challengeId: first.body.challengeId, code });
  expect(done.status).toBe(200);
  secrets.add(String(done.body.token));
}

describe('sign-up and email verification', () => {
  it('refuses a weak password with the rule it breaks, on the server too, and stores nothing', async () => {
    const browser = new ApiClient(t.url);
    for (const [password, rule] of [
      ['Sh0rt', /at least 8 characters/],
      ['alllowercase1', /upper-case letter/],
      ['ALLUPPERCASE1', /lower-case letter/],
      ['NoDigitsHere', /a digit/],
    ] as const) {
      const res = await browser.post('/api/auth/sign-up/email', { email: 'weak@example.com', password, name: 'W' });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('WEAK_PASSWORD');
      expect(String(res.body.message)).toMatch(rule);
    }
    expect(rows(`SELECT id FROM user WHERE email = 'weak@example.com'`)).toHaveLength(0);
  });

  it('emails a verification link (text and HTML, idempotency key) that works for 24 h; unverified accounts cannot sign in', async () => {
    const email = 'ann@example.com';
    const browser = new ApiClient(t.url);
    const signUp = await browser.post('/api/auth/sign-up/email', { email, password: PASSWORD, name: 'Ann' });
    expect(signUp.status).toBe(200);
    expect(browser.token).toBeNull();

    const mail = await t.lastEmail(email, /Confirm your email/);
    expect(mail.idempotencyKey).toMatch(/^verify:/);
    expect(mail.text).toContain('24 hours');
    expect(mail.html).toContain('<a href="');
    const link = linkIn(mail.text, `${t.url}/api/auth/verify-email?token=`);
    const token = new URL(link).searchParams.get('token') ?? '';
    const { exp, iat } = jwtPayload(token);
    expect(exp - iat).toBe(24 * 3600);

    const early = await browser.post('/api/auth/sign-in/email', { email, password: PASSWORD });
    expect(early.status).toBe(403);
    expect(early.body.code).toBe('EMAIL_NOT_VERIFIED');
    expect(browser.token).toBeNull();

    // A link is a signed token with second resolution; an identical resend is deduplicated by its idempotency key.
    await new Promise((r) => setTimeout(r, 1100));
    const again = await browser.post('/api/auth/send-verification-email', { email });
    expect(again.status).toBe(200);
    expect((await t.emails()).filter((e) => e.to.includes(email) && /Confirm/.test(e.subject)).length).toBeGreaterThanOrEqual(2);

    const opened = await fetch(link, { redirect: 'manual' });
    expect(opened.status).toBe(302);
    expect(opened.headers.get('location')).toBe(`${t.url}/account/verified`);
    const page = await fetch(`${t.url}/account/verified`);
    expect(await page.text()).toContain('Email confirmed');
    expect(rows('SELECT emailVerified FROM user WHERE email = ?', email)[0]?.emailVerified).toBe(1);

    const broken = await fetch(`${t.url}/api/auth/verify-email?token=not-a-token&callbackURL=${encodeURIComponent(`${t.url}/account/verified`)}`, { redirect: 'manual' });
    expect(broken.headers.get('location')).toMatch(/\/account\/verified\?error=/);
    expect(await (await fetch(`${t.url}/account/verified?error=invalid_token`)).text()).toContain('did not work');
  });
});

describe('sign-in from a new device', () => {
  it('asks for a 6-digit emailed code, trusts the device for 30 days, and asks again on another device', async () => {
    const email = 'ben@example.com';
    const chrome = await signUpAndVerify(email);

    const first = await chrome.post('/api/auth/sign-in/email', { email, password: PASSWORD });
    expect(first.status).toBe(403);
    expect(first.body.code).toBe('DEVICE_CODE_REQUIRED');
    expect(first.headers.get('set-auth-token')).toBeNull();
    expect(chrome.token).toBeNull();
    expect(rows('SELECT s.id FROM session s JOIN user u ON u.id = s.userId WHERE u.email = ?', email)).toHaveLength(0);

    const mail = await t.lastEmail(email, /sign-in code/);
    expect(mail.text).toContain('Chrome on Linux');
    const code = codeIn(mail.text);
    secrets.add(code);
    const wrong = await chrome.post('/api/auth/device/verify', { challengeId: first.body.challengeId, code: code === '000000' ? '111111' : '000000' });
    expect(wrong.status).toBe(400);
    expect(wrong.body).toMatchObject({ code: 'INVALID_CODE', attemptsLeft: 4 });

    const right = await chrome.post('/api/auth/device/verify', { challengeId: first.body.challengeId, code });
    expect(right.status).toBe(200);
    expect(chrome.token).toBeTruthy();
    secrets.add(String(chrome.token));
    expect((await chrome.get('/api/v1/me')).body).toMatchObject({ email, emailVerified: true });

    // The code was used up.
    expect((await new ApiClient(t.url).post('/api/auth/device/verify', { challengeId: first.body.challengeId, code })).body.code).toBe('INVALID_CODE');

    const trusted = rows('SELECT d.created_at, d.expires_at FROM trusted_device d JOIN user u ON u.id = d.user_id WHERE u.email = ?', email);
    expect(trusted).toHaveLength(1);
    expect(Number(trusted[0]?.expires_at) - Number(trusted[0]?.created_at)).toBe(30 * 24 * 3600 * 1000);

    // Same browser again: no code.
    const again = new ApiClient(t.url, chrome.deviceId);
    const direct = await again.post('/api/auth/sign-in/email', { email, password: PASSWORD });
    expect(direct.status).toBe(200);
    expect(again.token).toBeTruthy();

    // Another browser: a code again.
    const firefox = new ApiClient(t.url, undefined, 'Mozilla/5.0 (Windows NT 10.0; rv:140.0) Gecko/20100101 Firefox/140.0');
    const other = await firefox.post('/api/auth/sign-in/email', { email, password: PASSWORD });
    expect(other.body.code).toBe('DEVICE_CODE_REQUIRED');
    expect((await t.lastEmail(email, /sign-in code/)).text).toContain('Firefox on Windows');
  });

  it('gives up on a code after 5 wrong tries', async () => {
    const email = 'cal@example.com';
    const browser = await signUpAndVerify(email);
    const first = await browser.post('/api/auth/sign-in/email', { email, password: PASSWORD });
    const code = codeIn((await t.lastEmail(email, /sign-in code/)).text);
    const wrongCode = code === '123456' ? '654321' : '123456';
    const left: unknown[] = [];
    for (let i = 0; i < 5; i++) left.push((await browser.post('/api/auth/device/verify', { challengeId: first.body.challengeId, code: wrongCode })).body.attemptsLeft);
    expect(left).toEqual([4, 3, 2, 1, 0]);
    const late = await browser.post('/api/auth/device/verify', { challengeId: first.body.challengeId, code });
    expect(late.status).toBe(400);
    expect(String(late.body.message)).toMatch(/Sign in again/);
  });
});

describe('lockout, password reset and sign-out', () => {
  const email = 'dee@example.com';
  let laptop: ApiClient;

  it('locks the account after 5 failures in 15 minutes, refuses even the right password, and emails the owner', async () => {
    laptop = await signUpAndVerify(email);
    await signInWithCode(laptop, email);
    const attacker = new ApiClient(t.url);
    for (let i = 0; i < 4; i++) {
      const res = await attacker.post('/api/auth/sign-in/email', { email, password: `Wr0ng-guess-${i}` });
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('INVALID_EMAIL_OR_PASSWORD');
    }
    const fifth = await attacker.post('/api/auth/sign-in/email', { email, password: 'Wr0ng-guess-5' });
    expect(fifth.status).toBe(423);
    expect(fifth.body).toMatchObject({ code: 'ACCOUNT_LOCKED' });
    expect(Number(fifth.body.retryAfter)).toBeGreaterThan(29 * 60);
    expect(Number(fifth.headers.get('retry-after'))).toBeGreaterThan(29 * 60);

    const owner = new ApiClient(t.url, laptop.deviceId);
    const right = await owner.post('/api/auth/sign-in/email', { email, password: PASSWORD });
    expect(right.status).toBe(423);
    expect(right.body.code).toBe('ACCOUNT_LOCKED');
    expect(owner.token).toBeNull();

    const warning = await t.lastEmail(email, /locked/);
    expect(warning.text).toMatch(/5 failed sign-ins/);
    expect(warning.text).toContain(`${t.url}/account/forgot-password`);
    // The already signed-in browser keeps working.
    expect((await laptop.get('/api/v1/me')).status).toBe(200);
  });

  it('answers a reset request the same way whether or not the email has an account', async () => {
    const before = (await t.emails()).length;
    const unknown = await new ApiClient(t.url).post('/api/auth/request-password-reset', { email: 'nobody@example.com' });
    const known = await new ApiClient(t.url).post('/api/auth/request-password-reset', { email });
    expect(unknown.status).toBe(known.status);
    expect(unknown.body).toEqual(known.body);
    const sent = (await t.emails()).slice(before);
    expect(sent.map((e) => e.to[0])).toEqual([email]);
  });

  it('resets with a single-use link valid 1 h, which unlocks the account and signs out every other session', async () => {
    const mail = await t.lastEmail(email, /Reset your/);
    const link = linkIn(mail.text, `${t.url}/account/reset-password?token=`);
    const token = new URL(link).searchParams.get('token') ?? '';
    secrets.add(token);
    const page = await fetch(link);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await page.text()).toContain('Choose a new password');
    const stored = rows('SELECT createdAt, expiresAt FROM verification WHERE identifier = ?', `reset-password:${token}`)[0];
    expect(new Date(String(stored?.expiresAt)).getTime() - new Date(String(stored?.createdAt)).getTime()).toBeCloseTo(3600_000, -4);

    const anon = new ApiClient(t.url);
    const weak = await anon.post('/api/auth/reset-password', { token, newPassword: 'weakweak' });
    expect(weak.body.code).toBe('WEAK_PASSWORD');
    const newPassword = 'N3w-Passw0rd!';
    secrets.add(newPassword);
    const done = await anon.post('/api/auth/reset-password', { token, newPassword });
    expect(done.status).toBe(200);
    expect((await anon.post('/api/auth/reset-password', { token, newPassword: 'An0ther-Pass' })).status).toBe(400);

    // Every session of the account is gone, and the lock is lifted.
    expect((await laptop.get('/api/v1/me')).status).toBe(401);
    const owner = new ApiClient(t.url, laptop.deviceId);
    expect((await owner.post('/api/auth/sign-in/email', { email, password: PASSWORD })).status).toBe(401);
    const back = await owner.post('/api/auth/sign-in/email', { email, password: newPassword });
    expect(back.status).toBe(200);
    expect((await owner.get('/api/v1/me')).body).toMatchObject({ email });

    // Sign-out ends the session for good.
    expect((await owner.post('/api/auth/sign-out', {})).status).toBe(200);
    expect((await owner.get('/api/v1/me')).status).toBe(401);
  });

  it('a lock runs out after 30 minutes', async () => {
    const userId = String(rows('SELECT id FROM user WHERE email = ?', email)[0]?.id);
    const attacker = new ApiClient(t.url);
    for (let i = 0; i < 5; i++) await attacker.post('/api/auth/sign-in/email', { email, password: `Wr0ng-${i}` });
    expect((await attacker.post('/api/auth/sign-in/email', { email, password: 'N3w-Passw0rd!' })).status).toBe(423);
    t.backend.services.db.prepare('UPDATE account_lock SET locked_until = ? WHERE user_id = ?').run(Date.now() - 1, userId);
    expect((await new ApiClient(t.url, laptop.deviceId).post('/api/auth/sign-in/email', { email, password: 'N3w-Passw0rd!' })).status).toBe(200);
  });
});

describe('account page', () => {
  it('lists sessions, revokes one, changes the password (other sessions out), exports and deletes everything', async () => {
    const email = 'eve@example.com';
    const a = await signUpAndVerify(email);
    await signInWithCode(a, email);
    const b = new ApiClient(t.url, undefined, 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) Gecko/20100101 Firefox/140.0');
    await signInWithCode(b, email);
    const c = new ApiClient(t.url, b.deviceId);
    expect((await c.post('/api/auth/sign-in/email', { email, password: PASSWORD })).status).toBe(200);

    const sessions = (await a.get('/api/v1/me/sessions')).body.sessions as { id: string; current: boolean; userAgent: string }[];
    expect(sessions).toHaveLength(3);
    expect(sessions.filter((s) => s.current)).toHaveLength(1);
    expect(JSON.stringify(sessions)).not.toContain(String(a.token).split('.')[0]);
    const bId = (await b.get('/api/v1/me/sessions')).body.sessions as { id: string; current: boolean }[];
    const bSession = bId.find((s) => s.current)?.id ?? '';
    expect((await a.delete(`/api/v1/me/sessions/${encodeURIComponent(bSession)}`)).status).toBe(204);
    expect((await b.get('/api/v1/me')).status).toBe(401);
    expect((await c.get('/api/v1/me')).status).toBe(200);

    const newPassword = 'Ch4nged-Pass';
    secrets.add(newPassword);
    expect((await a.post('/api/auth/change-password', { currentPassword: PASSWORD, newPassword: 'weak', revokeOtherSessions: true })).body.code).toBe('WEAK_PASSWORD');
    const changed = await a.post('/api/auth/change-password', { currentPassword: PASSWORD, newPassword, revokeOtherSessions: true });
    expect(changed.status).toBe(200);
    secrets.add(String(a.token));
    expect((await a.get('/api/v1/me')).status).toBe(200);
    expect((await c.get('/api/v1/me')).status).toBe(401);

    expect((await a.put(`/api/v1/cases/${encodeURIComponent('CT22|22SL-CC00807')}`, { courtId: 'CT22', caseNumber: '22SL-CC00807', saved: true, tracked: true, note: 'hearing soon', tags: ['family'] })).status).toBe(201);
    const exported = await a.get('/api/v1/me/export');
    expect(exported.headers.get('content-disposition')).toContain('attachment');
    expect(exported.body).toMatchObject({ format: 'docket-watch-account', account: { email }, cases: [{ key: 'CT22|22SL-CC00807', note: 'hearing soon', tags: ['family'] }] });
    expect((exported.body.trustedDevices as unknown[]).length).toBe(2);
    expect(exported.body).toMatchObject({ notificationSettings: { channels: { email: { enabled: true } } }, notifications: [] });
    expect(JSON.stringify(exported.body)).not.toContain(String(a.token).split('.')[0]);

    const refused = await a.delete('/api/v1/me', { password: 'Wr0ng-password' });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('INVALID_PASSWORD');
    expect((await a.get('/api/v1/me')).status).toBe(200);

    const userId = String(rows('SELECT id FROM user WHERE email = ?', email)[0]?.id);
    const deleted = await a.delete('/api/v1/me', { password: newPassword });
    expect(deleted.status).toBe(200);
    expect((await a.get('/api/v1/me')).status).toBe(401);
    for (const [table, column] of [
      ['user', 'id'],
      ['session', 'userId'],
      ['account', 'userId'],
      ['user_case', 'user_id'],
      ['trusted_device', 'user_id'],
      ['device_challenge', 'user_id'],
      ['sign_in_failure', 'user_id'],
      ['account_lock', 'user_id'],
    ]) {
      expect(rows(`SELECT 1 FROM "${table}" WHERE "${column}" = ?`, userId), table).toHaveLength(0);
    }
    expect((await new ApiClient(t.url).post('/api/auth/sign-in/email', { email, password: newPassword })).status).toBe(401);
  });
});

describe('the log', () => {
  it('never holds a password, token, code or link secret of the flow above', () => {
    const log = logLines.join('');
    expect(log).toContain('"path":"/api/auth/sign-in/email"');
    expect(log).not.toMatch(/verify-email\?token=|reset-password\?token=/);
    for (const secret of secrets) {
      if (secret.length >= 6) expect(log, `log contains a secret (${secret.slice(0, 3)}…)`).not.toContain(secret.split('.')[0]);
    }
  });
});

describe('restarts', () => {
  it('creates BETTER_AUTH_SECRET with 0600 permissions once and keeps sessions across a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dw-restart-'));
    const first = await startTestBackend({ dir });
    try {
      const secretPath = join(dir, SECRET_FILE);
      expect(statSync(secretPath).mode & 0o777).toBe(0o600);
      const email = 'fay@example.com';
      const browser = new ApiClient(first.url);
      expect((await browser.post('/api/auth/sign-up/email', { email, password: PASSWORD, name: 'Fay' })).status).toBe(200);
      await fetch(linkIn((await first.lastEmail(email, /Confirm/)).text, first.url), { redirect: 'manual' });
      const challenge = await browser.post('/api/auth/sign-in/email', { email, password: PASSWORD });
      const code = codeIn((await first.lastEmail(email, /sign-in code/)).text);
      await browser.post('/api/auth/device/verify', { challengeId: challenge.body.challengeId, code });
      const token = browser.token;
      await first.close();

      const second = await startTestBackend({ dir });
      try {
        expect(readFileSync(secretPath, 'utf8').length).toBeGreaterThan(32);
        const again = new ApiClient(second.url);
        again.token = token;
        expect((await again.get('/api/v1/me')).body).toMatchObject({ email });
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
