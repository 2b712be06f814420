import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../../support/api-client';
import { rowCount, signedInUser, TEST_PASSWORD } from '../../support/accounts';
import { startTestBackend, type TestBackend } from '../../support/backend';

/**
 * Bad input on every route is a 4xx JSON answer whose `message` names the problem, and nothing is
 * written: the whole database (every table, every row) is the same before and after.
 */
const KEY = 'CT22|22SL-CC00807';
const casePath = (key: string) => `/api/v1/cases/${encodeURIComponent(key)}`;
const good = { courtId: 'CT22', caseNumber: '22SL-CC00807', saved: true, tracked: false };
const MB = 1024 * 1024;

let t: TestBackend;
let user: ApiClient;
let anon: ApiClient;

beforeAll(async () => {
  t = await startTestBackend();
  user = await signedInUser(t, 'owner@example.com');
  anon = new ApiClient(t.url);
  // Something stored already, so an overwrite would show too.
  expect((await user.put(casePath('CT13|14BA-CV01093'), { courtId: 'CT13', caseNumber: '14BA-CV01093', saved: true, tracked: true, note: 'keep me', tags: ['x'] })).status).toBe(201);
}, 30_000);
afterAll(() => t?.close());

/** Every row of every table, in a stable order. */
function snapshot(): Record<string, string[]> {
  const db = t.backend.services.db;
  const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
  return Object.fromEntries(tables.map((name) => [name, (db.prepare(`SELECT * FROM "${name}"`).all() as object[]).map((r) => JSON.stringify({ ...r })).sort()]));
}

type Bad = { name: string; method: string; path: string; body?: unknown; raw?: string; headers?: Record<string, string>; status?: number; message: RegExp };

/** Send a bad request; expect 4xx JSON naming the problem, and an unchanged database. */
async function expectRefused(client: ApiClient, bad: Bad): Promise<void> {
  const before = snapshot();
  const body = bad.raw ?? (bad.body === undefined ? undefined : JSON.stringify(bad.body));
  const res = await client.request(bad.method, bad.path, body, body === undefined ? bad.headers : { 'content-type': 'application/json', ...bad.headers });
  const where = `${bad.name}: ${bad.method} ${bad.path} → ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`;
  if (bad.status) expect(res.status, where).toBe(bad.status);
  expect(res.status, where).toBeGreaterThanOrEqual(400);
  expect(res.status, where).toBeLessThan(500);
  expect(res.headers.get('content-type'), where).toMatch(/^application\/json/);
  expect(res.body.message, where).toEqual(expect.any(String));
  expect(res.body.message as string, where).toMatch(bad.message);
  expect(snapshot(), `${where}: the database changed`).toEqual(before);
}

describe('PUT /api/v1/cases/:key', () => {
  const put = (name: string, body: unknown, message: RegExp, key = KEY): Bad => ({ name, method: 'PUT', path: casePath(key), body, message, status: 400 });
  const cases: Bad[] = [
    // wrong types
    put('courtId a number', { ...good, courtId: 22 }, /courtId: .*expected string/),
    put('saved a string', { ...good, saved: 'yes' }, /saved: .*expected boolean/),
    put('tracked a number', { ...good, tracked: 1 }, /tracked: .*expected boolean/),
    put('tags a string', { ...good, tags: 'client-a' }, /tags: .*expected array/),
    put('a tag a number', { ...good, tags: ['ok', 7] }, /tags\.1: .*expected string/),
    put('a blank tag', { ...good, tags: ['   '] }, /tags\.0: /),
    put('note an object', { ...good, note: { text: 'x' } }, /note: .*expected string/),
    put('caption a number', { ...good, caption: 5 }, /caption: .*expected string/),
    put('note over 10,000 characters', { ...good, note: 'n'.repeat(10_001) }, /note: Too big/),
    put('51 tags', { ...good, tags: Array.from({ length: 51 }, (_, i) => `t${i}`) }, /tags: Too big/),
    put('a required field missing', { courtId: 'CT22', caseNumber: '22SL-CC00807', saved: true }, /tracked: .*expected boolean/),
    put('the body null', null, /body: .*expected object, received null/),
    put('the body an array', [good], /body: .*expected object, received array/),
    put('the body a string', 'CT22|22SL-CC00807', /body: .*expected object, received string/),
    put('a NUL in the note', { ...good, note: 'before\u0000after' }, /note: must not contain NUL/),
    put('a lone surrogate in the caption', { ...good, caption: 'SMITH \ud800 JONES' }, /caption: .*unpaired surrogate/),
    // unknown fields: the bodies are strict
    put('an unknown field', { ...good, extra: 1 }, /Unrecognized key: "extra"/),
    put('another user id', { ...good, userId: 'someone-else' }, /Unrecognized key: "userId"/),
    put('server-set dates', { ...good, createdAt: '2000-01-01T00:00:00.000Z' }, /Unrecognized key: "createdAt"/),
    put('a __proto__ key', JSON.parse(`{"__proto__":{"saved":false},"courtId":"CT22","caseNumber":"22SL-CC00807","saved":true,"tracked":false}`), /Unrecognized key: "__proto__"/),
    // the key in the URL must be the body's case
    put('the body names another court', { ...good, courtId: 'CT13' }, /CT13\|22SL-CC00807, not the key in the URL \(CT22\|22SL-CC00807\)/),
    put('the body names no valid case', { ...good, caseNumber: '!!!!!' }, /no valid key/),
    // malformed JSON and other media types
    { name: 'truncated JSON', method: 'PUT', path: casePath(KEY), raw: '{"courtId":"CT22",', message: /Malformed JSON/, status: 400 },
    { name: 'single quotes', method: 'PUT', path: casePath(KEY), raw: "{'courtId':'CT22'}", message: /Malformed JSON/, status: 400 },
    { name: 'an empty body', method: 'PUT', path: casePath(KEY), raw: '', message: /Malformed JSON/, status: 400 },
    { name: 'text/plain', method: 'PUT', path: casePath(KEY), raw: JSON.stringify(good), headers: { 'content-type': 'text/plain' }, message: /Unsupported Media Type/, status: 400 },
    { name: 'a form', method: 'PUT', path: casePath(KEY), raw: 'courtId=CT22', headers: { 'content-type': 'application/x-www-form-urlencoded' }, message: /Unsupported Media Type/, status: 400 },
  ];
  it.each(cases.map((c) => [c.name, c] as const))('%s → 400 naming it, nothing stored', async (_name, bad) => {
    await expectRefused(user, bad);
  });

  it('the same body with a good key is accepted (the refusals above are about the input, not the route)', async () => {
    const res = await user.put(casePath(KEY), { ...good, note: 'fine', tags: ['a', 'a'] });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ key: KEY, note: 'fine', tags: ['a'] });
    expect((await user.delete(casePath(KEY))).status).toBe(204);
  });
});

describe('invalid case keys in the URL', () => {
  const keys: [string, string][] = [
    ['nope', 'nope'],
    ['court only', 'CT22|'],
    ['number only', '|X'],
    ['over 100 characters', `CT22|${'1'.repeat(120)}`],
    ['three parts', 'CT22|22SL-CC00807|X'],
    ['lower case', 'ct22|22sl-cc00807'],
    ['a space', 'CT22 |22SL-CC00807'],
    ['a database prefix', 'SMPDB0010_CT22|22SL-CC00807'],
    ['an empty segment', ''],
  ];
  for (const [name, key] of keys) {
    it(`${name} (${JSON.stringify(key.slice(0, 30))}) → 400 on PUT and DELETE`, async () => {
      const path = key === '' ? '/api/v1/cases/%20' : casePath(key);
      await expectRefused(user, { name, method: 'PUT', path, body: good, message: /^key: /, status: 400 });
      await expectRefused(user, { name, method: 'DELETE', path, message: /^key: /, status: 400 });
    });
  }
  it.each([
    ['%00', /^key: not a case key/],
    ['CT22%7C22SL-CC00807%00', /^key: not a case key/],
    ['%E0%A4%A', /^key: not a case key/],
    ['CT22%7C%2E%2E%2F%2E%2E', /^key: not a case key/],
  ])('raw path segment %s → 400', async (segment, message) => {
    await expectRefused(user, { name: segment, method: 'PUT', path: `/api/v1/cases/${segment}`, body: good, message, status: 400 });
    await expectRefused(user, { name: segment, method: 'DELETE', path: `/api/v1/cases/${segment}`, message, status: 400 });
  });
  it('a key over 100 characters says so', async () => {
    const res = await user.delete(casePath(`CT22|${'1'.repeat(120)}`));
    expect(res.body.message).toMatch(/key: Too big: expected string to have <=100 characters/);
  });
});

describe('the other /api/v1 routes', () => {
  const cases: Bad[] = [
    { name: 'limit not a number', method: 'GET', path: '/api/v1/cases?limit=abc', message: /^limit: /, status: 400 },
    { name: 'limit 0', method: 'GET', path: '/api/v1/cases?limit=0', message: /^limit: Too small/, status: 400 },
    { name: 'limit over 1000', method: 'GET', path: '/api/v1/cases?limit=1001', message: /^limit: Too big/, status: 400 },
    { name: 'limit a fraction', method: 'GET', path: '/api/v1/cases?limit=2.5', message: /^limit: /, status: 400 },
    { name: 'limit twice', method: 'GET', path: '/api/v1/cases?limit=1&limit=2', message: /^limit: /, status: 400 },
    { name: 'after over 100 characters', method: 'GET', path: `/api/v1/cases?after=${'A'.repeat(101)}`, message: /^after: Too big/, status: 400 },
    { name: 'a session id over 200 characters', method: 'DELETE', path: `/api/v1/me/sessions/${'s'.repeat(201)}`, message: /^id: Too big/, status: 400 },
    { name: 'delete account: no password', method: 'DELETE', path: '/api/v1/me', body: {}, message: /^password: /, status: 400 },
    { name: 'delete account: password a number', method: 'DELETE', path: '/api/v1/me', body: { password: 12345678 }, message: /^password: .*expected string/, status: 400 },
    { name: 'delete account: an unknown field', method: 'DELETE', path: '/api/v1/me', body: { password: 'wrong', confirm: true }, message: /Unrecognized key: "confirm"/, status: 400 },
    { name: 'delete account: malformed JSON', method: 'DELETE', path: '/api/v1/me', raw: '{"password":', message: /Malformed JSON/, status: 400 },
    { name: 'delete account: text/plain', method: 'DELETE', path: '/api/v1/me', raw: '{"password":"x"}', headers: { 'content-type': 'text/plain' }, message: /Unsupported Media Type/, status: 400 },
    { name: 'delete account: right password, but with an unknown field', method: 'DELETE', path: '/api/v1/me', body: { password: TEST_PASSWORD, id: 'other' }, message: /Unrecognized key: "id"/, status: 400 },
    { name: 'delete account: wrong password', method: 'DELETE', path: '/api/v1/me', body: { password: 'Wr0ngPassword' }, message: /password is not right/, status: 403 },
    { name: 'no such route', method: 'PATCH', path: casePath(KEY), body: good, message: /No route for PATCH/, status: 404 },
    // sync
    { name: 'sync push: wrong types', method: 'POST', path: '/api/v1/sync/push', body: { clientId: 5, mutations: 'x' }, message: /clientId: .*expected string.*mutations: .*expected array/, status: 400 },
    { name: 'sync push: an unknown field', method: 'POST', path: '/api/v1/sync/push', body: { clientId: 'client-123456', mutations: [], extra: 1 }, message: /Unrecognized key: "extra"/, status: 400 },
    { name: 'sync push: an unknown op', method: 'POST', path: '/api/v1/sync/push', body: { clientId: 'client-123456', mutations: [{ id: 1, op: 'dropTable', args: {} }] }, message: /mutations\.0\.op: /, status: 400 },
    {
      name: 'sync push: an unknown argument',
      method: 'POST',
      path: '/api/v1/sync/push',
      body: { clientId: 'client-123456', mutations: [{ id: 1, op: 'setNote', args: { key: KEY, note: 'x', userId: 'other' } }] },
      message: /mutations\.0\.args: Unrecognized key: "userId"/,
      status: 400,
    },
    { name: 'sync push: a bad case key', method: 'POST', path: '/api/v1/sync/push', body: { clientId: 'client-123456', mutations: [{ id: 1, op: 'removeCase', args: { key: 'CT22|' } }] }, message: /mutations\.0\.args\.key: not a case key/, status: 400 },
    {
      name: 'sync push: ids not consecutive (nothing applied, not even the first)',
      method: 'POST',
      path: '/api/v1/sync/push',
      body: { clientId: 'client-123456', mutations: [{ id: 1, op: 'setNote', args: { key: 'CT13|14BA-CV01093', note: 'changed' } }, { id: 3, op: 'removeCase', args: { key: 'CT13|14BA-CV01093' } }] },
      message: /consecutive/,
      status: 400,
    },
    { name: 'sync push: malformed JSON', method: 'POST', path: '/api/v1/sync/push', raw: '{"clientId":', message: /Malformed JSON/, status: 400 },
    { name: 'sync pull: cursor below 0', method: 'GET', path: '/api/v1/sync/pull?cursor=-1', message: /^cursor: Too small/, status: 400 },
    { name: 'sync pull: limit not a number', method: 'GET', path: '/api/v1/sync/pull?limit=abc', message: /^limit: /, status: 400 },
  ];
  it.each(cases.map((c) => [c.name, c] as const))('%s → 4xx naming it, nothing stored', async (_name, bad) => {
    await expectRefused(user, bad);
  });
  it('the account is still there', async () => {
    expect((await user.get('/api/v1/me')).status).toBe(200);
  });
});

describe('better-auth routes', () => {
  const post = (path: string, name: string, body: unknown, message: RegExp, status = 400): Bad => ({ name, method: 'POST', path: `/api/auth${path}`, body, message, status });
  const raw = (path: string, name: string, text: string, message: RegExp, headers?: Record<string, string>, status = 400): Bad => ({ name, method: 'POST', path: `/api/auth${path}`, raw: text, headers, message, status });
  const cases: Bad[] = [
    post('/sign-up/email', 'wrong types', { email: 5, password: ['Str0ngPass1'], name: {} }, /^(?=.*\[body\.email\] .*expected string)(?=.*\[body\.password\] .*expected string)(?=.*\[body\.name\] .*expected string)/),
    post('/sign-up/email', 'email a number', { email: 5, password: TEST_PASSWORD, name: 'x' }, /\[body\.email\] .*expected string, received number/),
    post('/sign-up/email', 'password an array', { email: 'new@example.com', password: [TEST_PASSWORD], name: 'x' }, /\[body\.password\] .*expected string/),
    post('/sign-up/email', 'not an email', { email: 'not-an-email', password: TEST_PASSWORD, name: 'x' }, /email/i),
    post('/sign-up/email', 'a weak password, with unknown fields', { email: 'new@example.com', password: 'weakpass', name: 'x', emailVerified: true, role: 'admin' }, /Password needs an upper-case letter, a digit/),
    post('/sign-up/email', 'the body null', null, /\[body\] .*expected object, received null/),
    raw('/sign-up/email', 'malformed JSON', '{"email":"new@example.com",', /Invalid JSON/),
    raw('/sign-up/email', 'text/plain', '{}', /Content-Type "text\/plain" is not allowed/, { 'content-type': 'text/plain' }, 415),
    post('/sign-in/email', 'wrong types', { email: 5, password: 1 }, /\[body\.email\] .*expected string, received number; \[body\.password\] .*expected string, received number/),
    post('/sign-in/email', 'email an array', { email: ['owner@example.com'], password: TEST_PASSWORD }, /\[body\.email\] .*expected string, received array/),
    post('/sign-in/email', 'password missing', { email: 'owner@example.com' }, /\[body\.password\]/),
    post('/sign-in/email', 'the body an array', [], /\[body\] .*expected object, received array/),
    raw('/sign-in/email', 'malformed JSON', '{"email":', /Invalid JSON/),
    raw('/sign-in/email', 'an empty body', '', /Invalid JSON/),
    post('/device/verify', 'wrong types', { challengeId: 5, code: 123456 }, /\[body\.challengeId\] .*expected string.*\[body\.code\]/),
    post('/device/verify', 'a code that is not 6 digits', { challengeId: 'c'.repeat(24), code: '12345a' }, /\[body\.code\] The code is 6 digits/),
    post('/device/verify', 'a challenge id too short', { challengeId: 'short', code: '123456' }, /\[body\.challengeId\] Too small/),
    post('/device/verify', 'an unknown challenge', { challengeId: 'c'.repeat(24), code: '123456' }, /expired/),
    raw('/device/verify', 'malformed JSON', '{"challengeId":', /Invalid JSON/),
    post('/request-password-reset', 'email a number', { email: 5 }, /\[body\.email\] .*expected string, received number/),
    post('/request-password-reset', 'not an email', { email: 'nope' }, /email/i),
    post('/request-password-reset', 'the body null', null, /\[body\] .*expected object, received null/),
    raw('/request-password-reset', 'malformed JSON', '[1,2', /Invalid JSON/),
  ];
  it.each(cases.map((c) => [`${c.path.replace('/api/auth', '')}: ${c.name}`, c] as const))('%s → 4xx naming it, nothing stored', async (_name, bad) => {
    await expectRefused(anon, bad);
  });

  it('unknown fields on sign-up are ignored, never stored: no self-verified account, no chosen id', async () => {
    const users = rowCount(t, 'user');
    const res = await anon.post('/api/auth/sign-up/email', { email: 'sneaky@example.com', password: TEST_PASSWORD, name: 'S', emailVerified: true, id: 'chosen-id', role: 'admin', banned: false, createdAt: '2000-01-01' });
    expect(res.status).toBe(200);
    expect(rowCount(t, 'user')).toBe(users + 1);
    const [row] = t.backend.services.db.prepare('SELECT * FROM user WHERE email = ?').all('sneaky@example.com') as Record<string, unknown>[];
    expect(row).toMatchObject({ emailVerified: 0 });
    expect(row!.id).not.toBe('chosen-id');
    expect(Object.keys(row!).sort()).toEqual(['createdAt', 'email', 'emailVerified', 'id', 'image', 'name', 'updatedAt']);
    expect(String(row!.createdAt)).not.toMatch(/^2000/);
    const signIn = await anon.post('/api/auth/sign-in/email', { email: 'sneaky@example.com', password: TEST_PASSWORD });
    expect(signIn.status).toBe(403);
    expect(signIn.body).toMatchObject({ code: 'EMAIL_NOT_VERIFIED' });
  });
});

describe('bodies over 1 MB → 413 PAYLOAD_TOO_LARGE on every route that takes one', () => {
  const big = JSON.stringify({ ...good, note: 'x'.repeat(MB) });
  const routes: [string, string][] = [
    ['PUT', casePath(KEY)],
    ['DELETE', casePath(KEY)],
    ['DELETE', '/api/v1/me'],
    ['POST', '/api/v1/sync/push'],
    ['POST', '/api/auth/sign-up/email'],
    ['POST', '/api/auth/sign-in/email'],
    ['POST', '/api/auth/device/verify'],
    ['POST', '/api/auth/request-password-reset'],
  ];
  it.each(routes)('%s %s (with a Content-Length)', async (method, path) => {
    for (const client of [anon, user]) {
      await expectRefused(client, { name: 'over 1 MB', method, path, raw: big, message: /^Request body over 1048576 bytes\.$/, status: 413 });
      const res = await client.request(method, path, big);
      expect(res.body).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
      // The connection is closed after it, and says so: the client's next request works.
      expect(res.headers.get('connection')).toBe('close');
      expect((await client.get('/api/v1/openapi.json')).status).toBe(200);
    }
  });

  it.each([
    ['PUT', casePath(KEY)],
    ['POST', '/api/auth/sign-up/email'],
  ])('%s %s streamed without a length (chunked)', async (method, path) => {
    const before = snapshot();
    const chunk = new TextEncoder().encode('x'.repeat(64 * 1024));
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent > MB + chunk.length) return controller.close();
        sent += chunk.length;
        controller.enqueue(chunk);
      },
    });
    const res = await fetch(`${t.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', origin: t.url, authorization: `Bearer ${user.token}` },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', message: expect.stringMatching(/1048576 bytes/) });
    expect(snapshot()).toEqual(before);
  });

  it('just under the limit is read, and then refused for what it is', async () => {
    await expectRefused(user, { name: 'a 1,000,000-character note', method: 'PUT', path: casePath(KEY), body: { ...good, note: 'x'.repeat(1_000_000) }, message: /^note: Too big/, status: 400 });
  });
});
