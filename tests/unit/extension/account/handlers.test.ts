import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import { accountHandlers, SIGNED_OUT_NOTICE } from '../../../../extension/entrypoints/background/account';
import { readSettings, saveSettings } from '../../../../extension/entrypoints/background/settings';
import { storageAccountStore } from '../../../../extension/lib/account/store';
import { makeCtx, type TestCtx } from '../support/ctx';
import { fakeServer, json } from './support/fake-server';

const S = 'http://127.0.0.1:8787';
const USER = { id: 'u1', email: 'ann@example.com', emailVerified: true };
const ME = { ...USER, createdAt: '2025-05-01T10:00:00.000Z' };
const sender = {};

let ctx: TestCtx;
let server: ReturnType<typeof fakeServer>;
let handlers: ReturnType<typeof accountHandlers>;
const store = () => storageAccountStore();

beforeEach(() => {
  fakeBrowser.reset();
  ctx = makeCtx();
  server = fakeServer({
    'POST /api/auth/sign-in/email': () => json(200, { token: 'tok-1', user: USER }),
    'GET /api/v1/me': () => json(200, ME),
  });
  handlers = accountHandlers(ctx, { fetch: server.fetch, store: store() });
});

async function signIn() {
  return handlers.signIn({ email: 'ann@example.com', password: 'Secret123' }, sender);
}

describe('account handlers', () => {
  it('signs in, keeps the token for this server and sends the same device id every time', async () => {
    expect(await handlers.getAccount({}, sender)).toEqual({ signedIn: false, server: S, notice: null });
    expect(await signIn()).toEqual({ status: 'signedIn', account: { signedIn: true, server: S, email: 'ann@example.com', notice: null } });
    expect(await store().session()).toEqual({ server: S, token: 'tok-1', email: 'ann@example.com' });
    expect(await handlers.getAccount({}, sender)).toEqual({ signedIn: true, server: S, email: 'ann@example.com', notice: null });
    const ids = new Set(server.received.map((r) => r.headers['x-device-id']));
    expect(ids.size).toBe(1);
    expect([...ids][0]).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(server.received.at(-1)?.headers.authorization).toBe('Bearer tok-1');
  });

  it('turns DEVICE_CODE_REQUIRED into the code step, then signs in with the code', async () => {
    server.routes['POST /api/auth/sign-in/email'] = () =>
      json(403, { code: 'DEVICE_CODE_REQUIRED', message: 'We emailed a 6-digit code to ann@example.com.', challengeId: 'ch-1' });
    server.routes['POST /api/auth/device/verify'] = () => json(200, { token: 'tok-2', user: USER }, { 'set-auth-token': 'tok-2' });
    expect(await signIn()).toEqual({ status: 'deviceCode', email: 'ann@example.com', challengeId: 'ch-1', message: 'We emailed a 6-digit code to ann@example.com.' });
    expect(await store().session()).toBeNull();
    expect(await handlers.verifyDevice({ challengeId: 'ch-1', code: '123456' }, sender)).toMatchObject({ signedIn: true, email: 'ann@example.com' });
    expect(server.received.at(-1)?.body).toEqual({ challengeId: 'ch-1', code: '123456' });
    expect((await store().session())?.token).toBe('tok-2');
  });

  it('turns EMAIL_NOT_VERIFIED into the verify step and passes other refusals on as their message', async () => {
    server.routes['POST /api/auth/sign-in/email'] = () => json(403, { code: 'EMAIL_NOT_VERIFIED', message: 'Verify your email first; we sent a new link.' });
    expect(await signIn()).toEqual({ status: 'verifyEmail', email: 'ann@example.com', message: 'Verify your email first; we sent a new link.' });
    server.routes['POST /api/auth/sign-in/email'] = () => json(401, { code: 'INVALID_EMAIL_OR_PASSWORD', message: 'Wrong email or password.' });
    await expect(signIn()).rejects.toThrow('Wrong email or password.');
  });

  it('signs up with a name from the email and asks for the verification link again', async () => {
    server.routes['POST /api/auth/sign-up/email'] = () => json(200, { user: USER });
    server.routes['POST /api/auth/send-verification-email'] = () => json(200, { status: true });
    expect(await handlers.signUp({ email: 'ann@example.com', password: 'Secret123' }, sender)).toEqual({ email: 'ann@example.com' });
    expect(server.received.at(-1)?.body).toEqual({ email: 'ann@example.com', password: 'Secret123', name: 'ann' });
    expect(await handlers.resendVerification({ email: 'ann@example.com' }, sender)).toEqual({ email: 'ann@example.com' });
    server.routes['POST /api/auth/sign-up/email'] = () => json(400, { code: 'WEAK_PASSWORD', message: 'Password needs a digit.' });
    await expect(handlers.signUp({ email: 'bob@example.com', password: 'weakpassword' }, sender)).rejects.toThrow('Password needs a digit.');
  });

  it('forgets a revoked token and says so', async () => {
    await signIn();
    server.routes['GET /api/v1/me'] = () => json(401, { code: 'UNAUTHORIZED', message: 'Sign in again.' });
    expect(await handlers.getAccount({}, sender)).toEqual({ signedIn: false, server: S, notice: SIGNED_OUT_NOTICE });
    expect(await store().session()).toBeNull();

    await signIn();
    server.routes['GET /api/v1/me/sessions'] = () => json(401, { code: 'UNAUTHORIZED', message: 'Sign in again.' });
    await expect(handlers.listSessions({}, sender)).rejects.toThrow(SIGNED_OUT_NOTICE);
    expect(await store().session()).toBeNull();
  });

  it('stays signed in when the server cannot be reached, saying why', async () => {
    await signIn();
    server.routes['GET /api/v1/me'] = () => Promise.reject(new TypeError('Failed to fetch'));
    expect(await handlers.getAccount({}, sender)).toEqual({ signedIn: true, server: S, email: 'ann@example.com', notice: `Cannot reach the sync server at ${S}.` });
  });

  it('never sends a token to another server: a new server address means signed out there', async () => {
    await signIn();
    await saveSettings(ctx, { ...(await readSettings(ctx)), serverUrl: 'https://other.example.org' });
    expect(await handlers.getAccount({}, sender)).toEqual({ signedIn: false, server: 'https://other.example.org', notice: null });
    await expect(handlers.exportAccount({}, sender)).rejects.toThrow('Not signed in on this browser.');
    expect(server.received.filter((r) => r.url.startsWith('https://other.example.org'))).toEqual([]);
  });

  it('changes the password, keeping a rotated token', async () => {
    await signIn();
    server.routes['POST /api/auth/change-password'] = () => json(200, { token: 'tok-rotated', user: USER });
    expect(await handlers.changePassword({ currentPassword: 'Secret123', newPassword: 'Secret456' }, sender)).toEqual({ changed: true });
    expect((await store().session())?.token).toBe('tok-rotated');
  });

  it('lists this browser first and revokes another device', async () => {
    await signIn();
    server.routes['GET /api/v1/me/sessions'] = () =>
      json(200, {
        sessions: [
          { id: 'old', createdAt: 1, lastSeenAt: 5, expiresAt: 9, ipAddress: null, userAgent: null, current: false },
          { id: 'new', createdAt: 2, lastSeenAt: 8, expiresAt: 9, ipAddress: '127.0.0.1', userAgent: 'UA', current: false },
          { id: 'me', createdAt: 3, lastSeenAt: 1, expiresAt: 9, ipAddress: '127.0.0.1', userAgent: 'UA', current: true },
        ],
      });
    server.routes['DELETE /api/v1/me/sessions/old'] = () => new Response(null, { status: 204 });
    expect((await handlers.listSessions({}, sender)).map((s) => s.id)).toEqual(['me', 'new', 'old']);
    expect(await handlers.revokeSession({ id: 'old' }, sender)).toEqual({ revoked: true });
  });

  it('exports the account data as a dated JSON file', async () => {
    await signIn();
    server.routes['GET /api/v1/me/export'] = () => json(200, { user: ME, cases: [] });
    const { json: text, filename } = await handlers.exportAccount({}, sender);
    expect(JSON.parse(text)).toEqual({ user: ME, cases: [] });
    expect(filename).toBe(`docket-watch-account-${new Date(ctx.now()).toISOString().slice(0, 10)}.json`);
  });

  it('signs out here even when the server cannot be told', async () => {
    await signIn();
    server.routes['POST /api/auth/sign-out'] = () => json(200, { success: true });
    expect(await handlers.signOut({}, sender)).toEqual({ signedIn: false, server: S, notice: null });
    expect(await store().session()).toBeNull();

    await signIn();
    server.routes['POST /api/auth/sign-out'] = () => Promise.reject(new TypeError('Failed to fetch'));
    const out = await handlers.signOut({}, sender);
    expect(out).toMatchObject({ signedIn: false, notice: expect.stringContaining('Signed out on this browser, but the sync server could not be told') });
    expect(await store().session()).toBeNull();
  });

  it('deletes the account with the password and forgets the token; a wrong password changes nothing', async () => {
    await signIn();
    server.routes['DELETE /api/v1/me'] = (req) =>
      (req.body as { password: string }).password === 'Secret123' ? json(200, { deleted: true }) : json(400, { code: 'INVALID_PASSWORD', message: 'Wrong password.' });
    await expect(handlers.deleteAccount({ password: 'nope' }, sender)).rejects.toThrow('Wrong password.');
    expect(await store().session()).not.toBeNull();
    expect(await handlers.deleteAccount({ password: 'Secret123' }, sender)).toEqual({
      signedIn: false,
      server: S,
      notice: 'Your account was deleted. The case folder in this browser stays.',
    });
    expect(await store().session()).toBeNull();
  });
});

describe('settings with the sync server', () => {
  it('reads settings stored before serverUrl existed without losing the others', async () => {
    await ctx.db.meta.put({ key: 'settings', value: { refreshMinutes: 60, windowStartHour: 7, windowEndHour: 20, notifications: false } });
    expect(await readSettings(ctx)).toEqual({ refreshMinutes: 60, windowStartHour: 7, windowEndHour: 20, notifications: false, serverUrl: S });
  });

  it('falls back to the defaults for an unreadable stored value', async () => {
    await ctx.db.meta.put({ key: 'settings', value: { refreshMinutes: 'often', serverUrl: 'ftp://x' } });
    expect((await readSettings(ctx)).refreshMinutes).toBe(30);
    await ctx.db.meta.put({ key: 'settings', value: 'garbage' });
    expect((await readSettings(ctx)).serverUrl).toBe(S);
  });
});
