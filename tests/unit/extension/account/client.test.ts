import { describe, expect, it } from 'vitest';
import { accountClient } from '../../../../extension/lib/account/client';
import { AccountError } from '../../../../extension/lib/account/http';
import { fakeServer, json } from './support/fake-server';

const S = 'http://127.0.0.1:8787';
const DEVICE = 'd'.repeat(43);
const USER = { id: 'u1', email: 'ann@example.com', name: 'ann', emailVerified: true };

function client(routes: Parameters<typeof fakeServer>[0], baseUrl = S) {
  const server = fakeServer(routes);
  return { ...server, api: accountClient({ baseUrl, deviceId: DEVICE, fetch: server.fetch }) };
}

async function failure(p: Promise<unknown>): Promise<AccountError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AccountError);
  return err as AccountError;
}

describe('account client: requests', () => {
  it('signs up with JSON and the device id, no token, under a base URL with a trailing slash', async () => {
    const { api, received } = client({ 'POST /api/auth/sign-up/email': () => json(200, { user: USER }) }, `${S}/`);
    expect(await api.signUp({ email: 'ann@example.com', password: 'Secret123', name: 'ann' })).toEqual({ email: 'ann@example.com' });
    expect(received[0]).toMatchObject({
      method: 'POST',
      url: `${S}/api/auth/sign-up/email`,
      headers: { 'content-type': 'application/json', 'x-device-id': DEVICE },
      body: { email: 'ann@example.com', password: 'Secret123', name: 'ann' },
    });
    expect(received[0]?.headers.authorization).toBeUndefined();
  });

  it('takes the token from the set-auth-token header first, else from the body', async () => {
    const routes = { 'POST /api/auth/sign-in/email': () => json(200, { token: 'body-token', user: USER }, { 'set-auth-token': 'header-token' }) };
    const { api } = client(routes);
    expect(await api.signIn('ann@example.com', 'Secret123')).toEqual({ token: 'header-token', email: 'ann@example.com' });
    routes['POST /api/auth/sign-in/email'] = () => json(200, { token: 'body-token', user: USER });
    expect(await api.signIn('ann@example.com', 'Secret123')).toEqual({ token: 'body-token', email: 'ann@example.com' });
    routes['POST /api/auth/sign-in/email'] = () => json(200, { user: USER });
    expect((await failure(api.signIn('ann@example.com', 'Secret123'))).message).toBe('The sync server accepted the sign-in but sent no session token.');
  });

  it('sends the bearer token on authenticated calls; revoke encodes the id and takes a 204', async () => {
    const { api, received } = client({
      'GET /api/v1/me': () => json(200, { id: 'u1', email: 'ann@example.com', emailVerified: true, createdAt: '2025-05-01T10:00:00.000Z' }),
      'DELETE /api/v1/me/sessions/a%2Fb': () => new Response(null, { status: 204 }),
      'POST /api/auth/sign-out': () => json(200, { success: true }),
    });
    expect(await api.me('tok')).toEqual({ id: 'u1', email: 'ann@example.com', emailVerified: true });
    await api.revokeSession('tok', 'a/b');
    await api.signOut('tok');
    expect(received.map((r) => r.headers.authorization)).toEqual(['Bearer tok', 'Bearer tok', 'Bearer tok']);
    expect(received[2]).toMatchObject({ headers: { 'content-type': 'application/json' }, body: {} });
  });

  it('changes the password signing other sessions out, and returns a rotated token if any', async () => {
    const routes = { 'POST /api/auth/change-password': () => json(200, { token: null, user: USER }) };
    const { api, received } = client(routes);
    expect(await api.changePassword('tok', 'Old12345', 'New12345')).toBeNull();
    expect(received[0]?.body).toEqual({ currentPassword: 'Old12345', newPassword: 'New12345', revokeOtherSessions: true });
    routes['POST /api/auth/change-password'] = () => json(200, { token: 'new-tok', user: USER });
    expect(await api.changePassword('tok', 'Old12345', 'New12345')).toBe('new-tok');
    routes['POST /api/auth/change-password'] = () => json(200, { user: USER }, { 'set-auth-token': 'hdr-tok' });
    expect(await api.changePassword('tok', 'Old12345', 'New12345')).toBe('hdr-tok');
  });

  it('reads sessions with ISO or epoch times; deletes the account with the password', async () => {
    const { api, received } = client({
      'GET /api/v1/me/sessions': () =>
        json(200, {
          sessions: [
            { id: 's1', createdAt: '2025-05-01T10:00:00.000Z', lastSeenAt: 1_746_100_000_000, expiresAt: null, ipAddress: '127.0.0.1', userAgent: 'Chrome', current: true },
          ],
        }),
      'DELETE /api/v1/me': () => json(200, { deleted: true }),
    });
    expect(await api.sessions('tok')).toEqual([
      { id: 's1', createdAt: Date.UTC(2025, 4, 1, 10), lastSeenAt: 1_746_100_000_000, expiresAt: null, ipAddress: '127.0.0.1', userAgent: 'Chrome', current: true },
    ]);
    await api.deleteAccount('tok', 'Secret123');
    expect(received[1]).toMatchObject({ method: 'DELETE', path: '/api/v1/me', body: { password: 'Secret123' } });
  });
});

describe('account client: failures in plain words', () => {
  it('keeps the server error code, message and details', async () => {
    const { api } = client({
      'POST /api/auth/sign-in/email': () => json(403, { code: 'DEVICE_CODE_REQUIRED', message: 'We emailed a code to ann@example.com.', challengeId: 'ch-1' }),
    });
    const err = await failure(api.signIn('ann@example.com', 'Secret123'));
    expect(err).toMatchObject({ status: 403, message: 'We emailed a code to ann@example.com.', body: { code: 'DEVICE_CODE_REQUIRED', challengeId: 'ch-1' } });
  });

  it('words an error that has no message: rate limit and lockout with their wait', async () => {
    const routes = { 'POST /api/auth/sign-in/email': () => json(429, { code: 'RATE_LIMITED', retryAfter: 120 }) };
    const { api } = client(routes);
    expect((await failure(api.signIn('a@example.com', 'x'))).message).toBe('Too many requests. Try again in 2 minutes.');
    routes['POST /api/auth/sign-in/email'] = () => json(423, { code: 'ACCOUNT_LOCKED', retryAfter: 30 });
    expect((await failure(api.signIn('a@example.com', 'x'))).message).toBe(
      'This account is locked after too many failed sign-ins. Try again in 30 seconds, or reset the password.',
    );
  });

  it('says when the server cannot be reached or does not answer in time', async () => {
    const down = accountClient({ baseUrl: 'http://127.0.0.1:9', deviceId: DEVICE, fetch: () => Promise.reject(new TypeError('Failed to fetch')) });
    expect(await failure(down.me('tok'))).toMatchObject({ status: null, message: 'Cannot reach the sync server at http://127.0.0.1:9.' });

    const hanging = (_: RequestInfo | URL, init?: RequestInit) =>
      new Promise<Response>((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
    const slow = accountClient({ baseUrl: S, deviceId: DEVICE, fetch: hanging as typeof fetch, timeoutMs: 20 });
    expect((await failure(slow.me('tok'))).message).toBe(`The sync server at ${S} did not answer within 0.02 seconds.`);
  });

  it('refuses an answer that is not what the contract says', async () => {
    const { api } = client({
      'GET /api/v1/me': () => json(200, { id: 'u1' }),
      'GET /api/v1/me/sessions': () => new Response('<html>Bad gateway</html>', { status: 502 }),
    });
    expect((await failure(api.me('tok'))).message).toBe(`The sync server at ${S} sent an answer Docket Watch cannot read (HTTP 200).`);
    expect((await failure(api.sessions('tok'))).message).toBe(`The sync server at ${S} sent an answer Docket Watch cannot read (HTTP 502).`);
  });
});
