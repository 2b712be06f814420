import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../../support/api-client';
import { rowCount, signedInUser, TEST_PASSWORD } from '../../support/accounts';
import { startTestBackend, type TestBackend } from '../../support/backend';

/**
 * Every /api/v1 route acts on the caller's own data only: another user's case or session is
 * simply not there (404), and nothing of it changes. Without a session every route is 401.
 */
const KEY = 'CT22|22SL-CC00807';
const path = (key: string) => `/api/v1/cases/${encodeURIComponent(key)}`;
const aCase = { courtId: 'CT22', caseNumber: '22SL-CC00807', caption: 'SMITH V JONES', saved: true, tracked: true, note: "A's note", tags: ['client-a'] };

let t: TestBackend;
let a: ApiClient;
let b: ApiClient;

/** Every row of a user's folder straight from the database (all columns, removed cases' tombstones too). */
const rowsOf = (email: string) =>
  (t.backend.services.db.prepare('SELECT c.* FROM user_case c JOIN user u ON u.id = c.user_id WHERE u.email = ? ORDER BY c.case_key').all(email) as object[]).map((r) => ({ ...r }));

beforeAll(async () => {
  t = await startTestBackend();
  a = await signedInUser(t, 'a@example.com');
  b = await signedInUser(t, 'b@example.com');
  expect((await a.put(path(KEY), aCase)).status).toBe(201);
}, 30_000);
afterAll(() => t?.close());

describe('a user never reaches another user’s data', () => {
  it("B's list does not show A's case, and B's export holds none of A's data", async () => {
    const list = await b.get('/api/v1/cases');
    expect(list.status).toBe(200);
    expect(list.body).toEqual({ cases: [], nextAfter: null });
    const exported = await b.get('/api/v1/me/export');
    expect(exported.status).toBe(200);
    expect(JSON.stringify(exported.body)).not.toContain('a@example.com');
    expect(exported.body.cases).toEqual([]);
    // A still sees it.
    expect(((await a.get('/api/v1/cases')).body.cases as { key: string }[]).map((c) => c.key)).toEqual([KEY]);
  });

  it("B deleting A's case key gets 404 and A's case is intact", async () => {
    const before = rowsOf('a@example.com');
    const res = await b.delete(path(KEY));
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ code: 'NOT_FOUND' });
    expect(rowsOf('a@example.com')).toEqual(before);
    expect(before).toHaveLength(1);
    // Not even a tombstone for B.
    expect(rowsOf('b@example.com')).toEqual([]);
  });

  it("B putting the same key creates B's own record and leaves A's note and tags alone", async () => {
    const before = rowsOf('a@example.com');
    const res = await b.put(path(KEY), { courtId: 'ct22', caseNumber: '22sl-cc00807', saved: false, tracked: true, note: "B's note", tags: ['b-only'] });
    // 201: a new record for B, not an update of A's (that would be 200 and carry A's note).
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ key: KEY, note: "B's note", tags: ['b-only'], saved: false, caption: null });
    expect(rowsOf('a@example.com')).toEqual(before);
    expect((await a.get('/api/v1/cases')).body.cases).toEqual([expect.objectContaining({ key: KEY, note: "A's note", tags: ['client-a'], caption: 'SMITH V JONES', saved: true })]);
    expect((await b.get('/api/v1/cases')).body.cases).toEqual([expect.objectContaining({ key: KEY, note: "B's note", tags: ['b-only'] })]);

    // Each deletes only their own: B's removal leaves A's row (B keeps a tombstone, for sync).
    expect((await b.delete(path(KEY))).status).toBe(204);
    expect(rowsOf('b@example.com')).toEqual([expect.objectContaining({ case_key: KEY, deleted: 1 })]);
    expect(rowsOf('a@example.com')).toEqual(before);
    expect((await a.get('/api/v1/cases')).body.cases).toEqual([expect.objectContaining({ key: KEY, note: "A's note" })]);
  });

  it("B's sync push cannot edit or remove A's case, and B's pull shows none of A's data", async () => {
    const before = rowsOf('a@example.com');
    const push = await b.post('/api/v1/sync/push', {
      clientId: 'b-browser-1',
      mutations: [
        { id: 1, op: 'setNote', args: { key: KEY, note: 'B was here' } },
        { id: 2, op: 'setTags', args: { key: KEY, tags: ['b'] } },
        { id: 3, op: 'setFlags', args: { key: KEY, saved: false, tracked: false } },
        { id: 4, op: 'removeCase', args: { key: KEY } },
      ],
    });
    expect(push.status).toBe(200);
    expect(rowsOf('a@example.com')).toEqual(before);
    const pulled = await b.get('/api/v1/sync/pull');
    expect(pulled.status).toBe(200);
    expect(JSON.stringify(pulled.body)).not.toContain("A's note");
    expect(JSON.stringify(pulled.body)).not.toContain('SMITH V JONES');
    // A's own pull still has it, unchanged.
    const mine = await a.get('/api/v1/sync/pull');
    expect(mine.body.changes).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'case', key: KEY, value: expect.objectContaining({ note: "A's note", tags: ['client-a'] }) })]));
  });

  it("B cannot sign out A's session (404), and A stays signed in", async () => {
    const mine = await a.get('/api/v1/me/sessions');
    const aSession = (mine.body.sessions as { id: string; current: boolean }[]).find((s) => s.current);
    expect(aSession).toBeDefined();
    const res = await b.delete(`/api/v1/me/sessions/${encodeURIComponent(aSession!.id)}`);
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ code: 'NOT_FOUND' });
    expect((await a.get('/api/v1/me')).status).toBe(200);
    expect((await a.get('/api/v1/me/sessions')).body.sessions).toEqual(mine.body.sessions);
    // B's own list never shows A's session.
    const theirs = (await b.get('/api/v1/me/sessions')).body.sessions as { id: string }[];
    expect(theirs.map((s) => s.id)).not.toContain(aSession!.id);

    // The route itself works: B signs in a second browser (a trusted device, so no code) and signs it out.
    const b2 = new ApiClient(t.url, b.deviceId);
    expect((await b2.post('/api/auth/sign-in/email', { email: 'b@example.com', password: TEST_PASSWORD })).status).toBe(200);
    const other = ((await b.get('/api/v1/me/sessions')).body.sessions as { id: string; current: boolean }[]).find((s) => !s.current);
    expect((await b.delete(`/api/v1/me/sessions/${encodeURIComponent(other!.id)}`)).status).toBe(204);
    expect((await b2.get('/api/v1/me')).status).toBe(401);
    expect((await a.get('/api/v1/me')).status).toBe(200);
  });
});

describe('the cached case list and its ETag belong to one user and one version', () => {
  it("B sending A's ETag gets B's own list, never A's 304", async () => {
    const mine = await a.request('GET', '/api/v1/cases', undefined, { 'accept-encoding': 'identity' });
    const etag = mine.headers.get('etag')!;
    expect(etag).toMatch(/^W\/"[\w-]+"$/);
    expect(mine.headers.get('cache-control')).toBe('private, no-cache');
    expect(mine.headers.get('vary')).toMatch(/Accept-Encoding/);
    const theirs = await b.request('GET', '/api/v1/cases', undefined, { 'if-none-match': etag });
    expect(theirs.status).toBe(200);
    expect(JSON.stringify(theirs.body)).not.toContain("A's note");
    expect(theirs.headers.get('etag')).not.toBe(etag);
    // A itself gets the 304, with no body.
    const again = await a.request('GET', '/api/v1/cases', undefined, { 'if-none-match': `"other", ${etag}` });
    expect(again.status).toBe(304);
    expect(again.body).toEqual({});
  });

  it('every write, by REST or by sync, shows at once and changes the ETag', async () => {
    const etagOf = async () => (await a.get('/api/v1/cases')).headers.get('etag');
    const noteOf = async () => ((await a.get('/api/v1/cases')).body.cases as { key: string; note: string }[]).find((x) => x.key === KEY)?.note;
    const first = await etagOf();
    expect((await a.put(path(KEY), { ...aCase, note: 'edited by REST' })).status).toBe(200);
    expect(await noteOf()).toBe('edited by REST');
    const second = await etagOf();
    expect(second).not.toBe(first);
    expect((await a.post('/api/v1/sync/push', { clientId: 'a-browser-1', mutations: [{ id: 1, op: 'setNote', args: { key: KEY, note: "A's note" } }] })).status).toBe(200);
    expect(await noteOf()).toBe("A's note");
    const third = await etagOf();
    expect(third).not.toBe(second);
    // An old ETag is answered with the new list.
    expect((await a.request('GET', '/api/v1/cases', undefined, { 'if-none-match': String(first) })).status).toBe(200);
    // Pages are cached apart.
    expect(((await a.get('/api/v1/cases?limit=1&after=CT22%7C22SL-CC00807')).body.cases as unknown[]).length).toBe(0);
    expect(((await a.get('/api/v1/cases?limit=1')).body.cases as unknown[]).length).toBe(1);
  });

  it('the list is gzip for a client that asks, the same JSON either way', async () => {
    const gz = await fetch(`${t.url}/api/v1/cases`, { headers: { authorization: `Bearer ${a.token}`, 'accept-encoding': 'gzip' } });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    const plain = await fetch(`${t.url}/api/v1/cases`, { headers: { authorization: `Bearer ${a.token}`, 'accept-encoding': 'gzip;q=0, identity' } });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await gz.json()).toEqual(await plain.json());
  });
});

describe('without a session every /api/v1 route is 401', () => {
  /** Every operation the OpenAPI document lists (so a new route is covered the day it is added). */
  async function operations(): Promise<{ method: string; url: string }[]> {
    const doc = (await (await fetch(`${t.url}/api/v1/openapi.json`)).json()) as { paths: Record<string, Record<string, { security?: unknown[] }>> };
    const ops: { method: string; url: string }[] = [];
    for (const [p, methods] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        expect(op.security, `${method} ${p} declares its security`).toEqual([{ bearer: [] }]);
        ops.push({ method: method.toUpperCase(), url: `/api/v1${p.replace('{key}', encodeURIComponent(KEY)).replace('{id}', 'some-session-id')}` });
      }
    }
    return ops;
  }

  it('lists every route in the OpenAPI document', async () => {
    const ops = (await operations()).map((o) => `${o.method} ${o.url}`);
    expect(ops).toEqual(
      expect.arrayContaining([
        'GET /api/v1/me',
        'DELETE /api/v1/me',
        'GET /api/v1/me/sessions',
        'DELETE /api/v1/me/sessions/some-session-id',
        'GET /api/v1/me/export',
        'GET /api/v1/cases',
        `PUT /api/v1/cases/${encodeURIComponent(KEY)}`,
        `DELETE /api/v1/cases/${encodeURIComponent(KEY)}`,
      ]),
    );
  });

  const credentials: [string, (token: string) => Record<string, string>][] = [
    ['no token', () => ({})],
    ['a made-up bearer token', () => ({ authorization: 'Bearer not-a-real-token.c2lnbmF0dXJl' })],
    ["another user's token with its signature altered", (token) => ({ authorization: `Bearer ${token.replace(/.$/, (ch) => (ch === 'A' ? 'B' : 'A'))}` })],
    ['a made-up session cookie', () => ({ cookie: 'better-auth.session_token=forged.value' })],
    ['an empty bearer', () => ({ authorization: 'Bearer ' })],
  ];
  it.each(credentials)('%s → 401 {code: UNAUTHORIZED} on every route, nothing changed', async (_label, headers) => {
    const before = rowsOf('a@example.com');
    const users = rowCount(t, 'user');
    for (const op of await operations()) {
      const body = op.method === 'PUT' ? JSON.stringify({ ...aCase, note: 'overwritten' }) : op.method === 'DELETE' && op.url === '/api/v1/me' ? JSON.stringify({ password: 'Str0ngPass1' }) : undefined;
      const res = await fetch(`${t.url}${op.url}`, {
        method: op.method,
        headers: { origin: t.url, ...(body ? { 'content-type': 'application/json' } : {}), ...headers(a.token!) },
        body,
      });
      expect(res.status, `${op.method} ${op.url}`).toBe(401);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      expect(await res.json(), `${op.method} ${op.url}`).toMatchObject({ code: 'UNAUTHORIZED', message: expect.any(String) });
    }
    expect(rowsOf('a@example.com')).toEqual(before);
    expect(rowCount(t, 'user')).toBe(users);
  });

  it('an expired session is refused at once; one due for its daily refresh is extended', async () => {
    const c = await signedInUser(t, 'expiring@example.com');
    const token = c.token!.split('.')[0]!;
    const db = t.backend.services.db;
    const expiresAt = () => Date.parse(String((db.prepare('SELECT expiresAt FROM session WHERE token = ?').all(token) as { expiresAt: string }[])[0]?.expiresAt));
    const day = 24 * 3_600_000;
    // Due for refresh (better-auth extends a session once it is a day old): used, it gets 30 days again.
    db.prepare('UPDATE session SET expiresAt = ? WHERE token = ?').run(new Date(Date.now() + 28 * day).toISOString(), token);
    expect((await c.get('/api/v1/cases')).status).toBe(200);
    expect(expiresAt()).toBeGreaterThan(Date.now() + 29 * day);
    // Expired: 401, whatever the signature says.
    db.prepare('UPDATE session SET expiresAt = ? WHERE token = ?').run(new Date(Date.now() - 1_000).toISOString(), token);
    const res = await c.get('/api/v1/cases');
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ code: 'UNAUTHORIZED' });
  });

  it('a signed-out token no longer opens anything', async () => {
    const c = await signedInUser(t, 'c@example.com');
    const token = c.token!;
    expect((await c.get('/api/v1/me')).status).toBe(200);
    expect((await c.post('/api/auth/sign-out', {})).status).toBe(200);
    c.token = token;
    const res = await c.get('/api/v1/cases');
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ code: 'UNAUTHORIZED' });
  });
});
