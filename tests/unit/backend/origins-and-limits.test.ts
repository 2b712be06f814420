import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROME_EXTENSION_ID } from '../../../shared/extension-ids';
import { ApiClient, codeIn, type ApiResponse } from '../../support/api-client';
import { rowCount, signedInUser, TEST_PASSWORD } from '../../support/accounts';
import { startTestBackend, type TestBackend } from '../../support/backend';

/**
 * Who may call the API from a browser (CORS: the extension only), whom better-auth accepts a
 * sign-in from (trusted origins), and the per-address limit on auth routes, keyed by the real
 * client address: X-Forwarded-For counts only behind a proxy we run (TRUST_PROXY).
 */
const CHROME = `chrome-extension://${CHROME_EXTENSION_ID}`;
const FIREFOX = 'moz-extension://4b0c6f3e-9d2a-4e71-8f15-2c3d4e5f6a7b';
const EVIL = 'https://evil.example';
const UNTRUSTED = [EVIL, 'chrome-extension://aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', 'moz-extension://not-a-uuid', 'https://127.0.0.1.evil.example', 'null'];

const started: TestBackend[] = [];
async function backend(env: Record<string, string> = {}): Promise<TestBackend> {
  const t = await startTestBackend({ env });
  started.push(t);
  return t;
}
afterAll(async () => {
  await Promise.all(started.map((t) => t.close()));
});

const preflight = (t: TestBackend, origin: string, method = 'PUT') =>
  fetch(`${t.url}/api/v1/cases/${encodeURIComponent('CT22|22SL-CC00807')}`, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': method, 'access-control-request-headers': 'authorization, content-type, x-device-id' },
  });
const list = (s: string | null) => (s ?? '').split(',').map((x) => x.trim().toLowerCase());

describe('CORS and trusted origins', () => {
  let t: TestBackend;
  let user: ApiClient;
  beforeAll(async () => {
    t = await backend();
    user = await signedInUser(t, 'cors@example.com');
  }, 30_000);

  it.each([CHROME, FIREFOX])('%s: preflight allowed, with the headers and methods the extension uses', async (origin) => {
    const res = await preflight(t, origin);
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(origin);
    expect(res.headers.get('access-control-allow-credentials')).toBe('true');
    expect(list(res.headers.get('access-control-allow-headers'))).toEqual(expect.arrayContaining(['authorization', 'content-type', 'x-device-id']));
    expect(list(res.headers.get('access-control-allow-methods'))).toEqual(expect.arrayContaining(['GET', 'PUT', 'DELETE', 'POST'].map((m) => m.toLowerCase())));
  });

  it.each([CHROME, FIREFOX])('%s: the whole sign-in works, and set-auth-token is exposed to it', async (origin) => {
    const email = `ext-${origin.startsWith('chrome') ? 'chrome' : 'firefox'}@example.com`;
    const browser = new ApiClient(t.url);
    const h = { origin };
    const expectCors = (res: ApiResponse) => {
      expect(res.headers.get('access-control-allow-origin')).toBe(origin);
      expect(list(res.headers.get('access-control-expose-headers'))).toEqual(expect.arrayContaining(['set-auth-token', 'retry-after']));
      expect(list(res.headers.get('vary'))).toContain('origin');
    };
    expectCors(await browser.request('POST', '/api/auth/sign-up/email', { email, password: TEST_PASSWORD, name: 'E' }, h));
    const link = (await t.lastEmail(email, /confirm/i)).text.split(/\s+/).find((w) => w.startsWith(t.url))!;
    await (await fetch(link, { redirect: 'manual' })).body?.cancel();
    const signIn = await browser.request('POST', '/api/auth/sign-in/email', { email, password: TEST_PASSWORD }, h);
    expectCors(signIn);
    expect(signIn.body).toMatchObject({ code: 'DEVICE_CODE_REQUIRED' });
    const code = codeIn((await t.lastEmail(email, /sign-in code/)).text);
    const verified = await browser.request('POST', '/api/auth/device/verify', { challengeId: signIn.body.challengeId, code }, h);
    expect(verified.status).toBe(200);
    expectCors(verified);
    expect(verified.headers.get('set-auth-token')).toBeTruthy();
    const cases = await browser.request('GET', '/api/v1/cases', undefined, h);
    expect(cases.status).toBe(200);
    expectCors(cases);
  });

  it.each(UNTRUSTED)('%s: no Access-Control-Allow-Origin, on the preflight or the response', async (origin) => {
    const pre = await preflight(t, origin);
    expect(pre.headers.get('access-control-allow-origin')).toBeNull();
    const res = await user.request('GET', '/api/v1/cases', undefined, { origin });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    const auth = await new ApiClient(t.url).request('POST', '/api/auth/sign-in/email', { email: 'cors@example.com', password: TEST_PASSWORD }, { origin });
    expect(auth.headers.get('access-control-allow-origin')).toBeNull();
  });

  it.each([EVIL, 'chrome-extension://aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', 'https://127.0.0.1.evil.example', 'null'])(
    'better-auth refuses a sign-in POSTed from %s, before checking the password',
    async (origin) => {
      const sessions = rowCount(t, 'session');
      const challenges = rowCount(t, 'device_challenge');
      const emails = (await t.emails()).length;
      const res = await new ApiClient(t.url).request('POST', '/api/auth/sign-in/email', { email: 'cors@example.com', password: TEST_PASSWORD }, { origin });
      expect(res.status).toBe(403);
      expect(res.body).toMatchObject({ code: origin === 'null' ? 'MISSING_OR_NULL_ORIGIN' : 'INVALID_ORIGIN' });
      expect(res.headers.get('set-auth-token')).toBeNull();
      expect(rowCount(t, 'session')).toBe(sessions);
      expect(rowCount(t, 'device_challenge')).toBe(challenges);
      expect((await t.emails()).length).toBe(emails);
    },
  );

  it('an untrusted origin cannot sign up either', async () => {
    const users = rowCount(t, 'user');
    const emails = (await t.emails()).length;
    const res = await new ApiClient(t.url).request('POST', '/api/auth/sign-up/email', { email: 'evil@example.com', password: TEST_PASSWORD, name: 'E' }, { origin: EVIL });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ code: 'INVALID_ORIGIN' });
    expect(rowCount(t, 'user')).toBe(users);
    expect((await t.emails()).length).toBe(emails);
  });

  it('a browser request carrying a cookie is checked on every POST (here: sign-out from another site)', async () => {
    const res = await user.request('POST', '/api/auth/sign-out', {}, { origin: EVIL, cookie: 'better-auth.session_token=whatever' });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ code: 'INVALID_ORIGIN' });
    expect((await user.get('/api/v1/me')).status).toBe(200);
  });

  it('without TRUST_PROXY the session records the socket address, not X-Forwarded-For or our internal header', async () => {
    const again = new ApiClient(t.url, user.deviceId);
    const res = await again.request('POST', '/api/auth/sign-in/email', { email: 'cors@example.com', password: TEST_PASSWORD }, { 'x-forwarded-for': '198.51.100.7', 'x-docket-watch-client-ip': '198.51.100.8' });
    expect(res.status).toBe(200);
    const sessions = (await again.get('/api/v1/me/sessions')).body.sessions as { current: boolean; ipAddress: string }[];
    expect(sessions.find((s) => s.current)?.ipAddress).toBe('127.0.0.1');
  });
});

/** A sign-in with a wrong password for an unknown address: 401 while under the limit. */
const attempt = (t: TestBackend, headers: Record<string, string> = {}, email = 'nobody@example.com') =>
  new ApiClient(t.url).request('POST', '/api/auth/sign-in/email', { email, password: 'Wr0ngPassword' }, headers);

function expectLimited(res: ApiResponse): void {
  expect(res.status).toBe(429);
  expect(res.body).toMatchObject({ code: 'RATE_LIMITED', message: expect.stringMatching(/try again in \d+ s/), retryAfter: expect.any(Number) });
  const retryAfter = res.body.retryAfter as number;
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(60);
  expect(res.headers.get('retry-after')).toBe(String(retryAfter));
}

describe('auth rate limit (AUTH_RATE_LIMIT=3), X-Forwarded-For not trusted', () => {
  it('the 4th sign-in within a minute from one address is 429 with Retry-After, and never reaches better-auth', async () => {
    const t = await backend({ AUTH_RATE_LIMIT: '3' });
    // A real account, so that the attempts that do get through count towards its lockout.
    await signedInUser(t, 'limited@example.com'); // one sign-in of the three
    const failures = () => rowCount(t, 'sign_in_failure' as 'user');
    for (let i = 0; i < 2; i++) expect((await attempt(t, {}, 'limited@example.com')).status).toBe(401);
    expect(failures()).toBe(2);
    const fourth = await attempt(t, { origin: CHROME }, 'limited@example.com');
    expectLimited(fourth);
    // The extension can read the answer and its Retry-After.
    expect(fourth.headers.get('access-control-allow-origin')).toBe(CHROME);
    expect(list(fourth.headers.get('access-control-expose-headers'))).toContain('retry-after');
    expect(failures()).toBe(2);
    // Whatever the email: the bucket is the address (and the route).
    expectLimited(await attempt(t, {}, 'someone-else@example.com'));
    // Other auth routes have their own count.
    expect((await new ApiClient(t.url).post('/api/auth/request-password-reset', { email: 'limited@example.com' })).status).toBe(200);
  }, 30_000);

  it('spoofed X-Forwarded-For values all share the one bucket of the real address', async () => {
    const t = await backend({ AUTH_RATE_LIMIT: '3' });
    const spoofed = ['203.0.113.1', '203.0.113.2', '203.0.113.3, 10.0.0.1', '203.0.113.4'];
    const results = [];
    for (const ip of spoofed) results.push(await attempt(t, { 'x-forwarded-for': ip }));
    expect(results.slice(0, 3).map((r) => r.status)).toEqual([401, 401, 401]);
    expectLimited(results[3]!);
    expectLimited(await attempt(t, { 'x-forwarded-for': '198.51.100.99', 'x-real-ip': '198.51.100.98', 'x-docket-watch-client-ip': '198.51.100.97' }));
  });
});

describe('auth rate limit behind a proxy (TRUST_PROXY=1)', () => {
  let t: TestBackend;
  beforeAll(async () => {
    t = await backend({ AUTH_RATE_LIMIT: '3', TRUST_PROXY: '1' });
  });

  it('each forwarded address has its own bucket; the first address of the list is the client', async () => {
    for (let i = 0; i < 3; i++) expect((await attempt(t, { 'x-forwarded-for': '203.0.113.1' })).status).toBe(401);
    expectLimited(await attempt(t, { 'x-forwarded-for': '203.0.113.1' }));
    // The proxy appends its own hop; the client is still 203.0.113.1.
    expectLimited(await attempt(t, { 'x-forwarded-for': '203.0.113.1, 10.0.0.1' }));
    // Another client behind the proxy is not affected.
    expect((await attempt(t, { 'x-forwarded-for': '203.0.113.2' })).status).toBe(401);
    expect((await attempt(t, { 'x-forwarded-for': '203.0.113.2, 203.0.113.1' })).status).toBe(401);
    // No header: the socket address, a bucket of its own.
    expect((await attempt(t)).status).toBe(401);
  });

  it('the session records the forwarded client address', async () => {
    const user = await signedInUser(t, 'proxied@example.com');
    const again = new ApiClient(t.url, user.deviceId);
    expect((await again.request('POST', '/api/auth/sign-in/email', { email: 'proxied@example.com', password: TEST_PASSWORD }, { 'x-forwarded-for': '198.51.100.7, 10.0.0.1' })).status).toBe(200);
    const sessions = (await again.get('/api/v1/me/sessions')).body.sessions as { current: boolean; ipAddress: string }[];
    expect(sessions.find((s) => s.current)?.ipAddress).toBe('198.51.100.7');
  }, 30_000);
});
