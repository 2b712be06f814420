import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CasePut } from '../../../shared/api/cases';
import { CHROME_EXTENSION_ID } from '../../../shared/extension-ids';
import type { ApiClient } from '../../support/api-client';
import { rowCount, signedInUser } from '../../support/accounts';
import { startTestBackend, type TestBackend } from '../../support/backend';

/**
 * Thousands of random requests (methods, paths, query strings, headers, bodies: malformed, hostile,
 * huge, almost right and right) at the API, as a signed-in user, concurrently, and anonymously at
 * /api/v1 and better-auth. Every answer is 2xx/4xx (never 5xx, never a hang), an accepted case is
 * stored as sent, and afterwards the database is intact: the users' earlier cases unchanged,
 * `PRAGMA integrity_check` ok, no user created or lost. Seeded, so a failure replays.
 */
const SEED = 20_261_125;
const RUNS = { signedIn: 1_000, concurrentBatches: 100, anonApi: 400, anonAuth: 400 };
const CHROME = `chrome-extension://${CHROME_EXTENSION_ID}`;

/** Keys the fuzzer may write. The users' earlier cases live in courts CT98/CT99, which no valid request of it names. */
const FREE = [
  { courtId: 'CT22', caseNumber: '22SL-CC00807' },
  { courtId: 'CT13', caseNumber: '14BA-CV01093' },
  { courtId: 'CT12', caseNumber: '171155061' },
  { courtId: 'SUP', caseNumber: 'SC99999' },
  { courtId: 'CT16', caseNumber: '1616-CV24680' },
];
const FREE_KEYS = FREE.map((c) => `${c.courtId}|${c.caseNumber}`);

// ---------------------------------------------------------------- arbitraries

const anyUtf16 = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 30 });
const nasty = fc.constantFrom('', ' ', '\u0000', 'a\u0000b', '\ud800', '\udfff x', '💼', '\u202e', '<script>alert(1)</script>', "'; DROP TABLE user_case; --", 'null', '%00', '../../etc/passwd', '__proto__', 'constructor');
const text = fc.oneof(
  { weight: 5, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 2, arbitrary: anyUtf16 },
  { weight: 2, arbitrary: nasty },
  { weight: 1, arbitrary: fc.nat({ max: 12_000 }).map((n) => 'x'.repeat(n)) },
);
const anyJson = fc.oneof({ weight: 3, arbitrary: fc.jsonValue({ maxDepth: 3 }) }, { weight: 1, arbitrary: text }, { weight: 1, arbitrary: fc.constantFrom(null, true, 0, -1, 1e308, [], {}) });
/** Printable ASCII: what a header value may carry. */
const headerText = fc.stringMatching(/^[\x20-\x7e]{0,60}$/);

/** A path segment for a case key: the free keys (encoded or raw), random text, broken escapes. */
const wellFormed = (s: string) => encodeURIComponent(s.toWellFormed());
const keySegment = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...FREE_KEYS).map((k) => encodeURIComponent(k)) },
  { weight: 1, arbitrary: fc.constantFrom(...FREE_KEYS, ...FREE_KEYS.map((k) => k.toLowerCase())) },
  { weight: 2, arbitrary: text.map(wellFormed) },
  { weight: 2, arbitrary: fc.constantFrom('%00', '%zz', '%E0%A4%A', '%ED%A0%80', '..%2F..', '%2e%2e', 'CT22%7C', '%7CX', 'A'.repeat(150), 'CT22%7C22SL-CC00807%00', 'CT22%7C22SL-CC00807%7CX', '%25', '.', '..') },
  { weight: 1, arbitrary: fc.webSegment() },
);

const apiPath = fc.oneof(
  { weight: 3, arbitrary: fc.constant('/api/v1/cases') },
  { weight: 6, arbitrary: keySegment.map((k) => `/api/v1/cases/${k}`) },
  { weight: 3, arbitrary: fc.constantFrom('/api/v1/me', '/api/v1/me/sessions', '/api/v1/me/export', '/api/v1/openapi.json', '/api/v1', '/api/v1/', '/api/v1/cases/', '/api/v1//cases', '/api/v1/CASES', '/api/v1/me/') },
  { weight: 2, arbitrary: fc.constantFrom('/api/v1/sync/push', '/api/v1/sync/pull', '/api/v1/sync', '/api/v1/sync/pull/') },
  { weight: 1, arbitrary: text.map((s) => `/api/v1/me/sessions/${wellFormed(s)}`) },
  { weight: 1, arbitrary: fc.array(fc.webSegment(), { maxLength: 4 }).map((ss) => `/api/v1/${ss.join('/')}`) },
  { weight: 1, arbitrary: keySegment.map((k) => `/api/v1/cases/${k}/more`) },
);
const query = fc.oneof(
  { weight: 4, arbitrary: fc.constant('') },
  {
    weight: 2,
    arbitrary: fc
      .record({ limit: fc.oneof(fc.integer().map(String), fc.constantFrom('1000', '1', '0', '-1', '1e3', 'NaN', 'Infinity', '0x10', '2.5', ''), text), after: fc.oneof(fc.constantFrom(...FREE_KEYS), text), cursor: fc.oneof(fc.integer().map(String), fc.constantFrom('0', '-1', '1e9', '9007199254740993', ''), text) }, { requiredKeys: [] })
      .map((q) => `?${new URLSearchParams(q).toString()}`),
  },
  { weight: 1, arbitrary: fc.webQueryParameters().map((q) => `?${q}`) },
  { weight: 1, arbitrary: fc.constantFrom('?limit=1&limit=2', '?limit=%ff', '?after=%00', '?__proto__[x]=1', '?limit[]=1') },
);

/** A body shaped like a case (each field right, wrong or missing, plus strays). */
const casePutish = fc.record(
  {
    courtId: fc.oneof(fc.constantFrom('CT22', 'ct22', 'SMPDB0010_CT22', 'CT13', 'SUP', 'CT98'), text, anyJson),
    caseNumber: fc.oneof(fc.constantFrom('22SL-CC00807', '22sl-cc00807', ' 22SL-CC00807 ', '14BA-CV01093'), text, anyJson),
    caption: fc.oneof(text, fc.constant(null), anyJson),
    saved: fc.oneof({ weight: 3, arbitrary: fc.boolean() }, { weight: 1, arbitrary: anyJson }),
    tracked: fc.oneof({ weight: 3, arbitrary: fc.boolean() }, { weight: 1, arbitrary: anyJson }),
    note: fc.oneof(text, anyJson),
    tags: fc.oneof(fc.array(text, { maxLength: 55 }), anyJson),
    extra: anyJson,
    userId: fc.constantFrom('someone-else', ''),
    key: fc.constantFrom(...FREE_KEYS, 'CT98|98AB-CD00001'),
  },
  { requiredKeys: [] },
);

type Put = { courtId: string; caseNumber: string; caption?: string | null; saved: boolean; tracked: boolean; note?: string; tags?: string[] };
/** A valid PUT of a free key (court and number in any accepted spelling). */
const validPut = fc
  .record({
    which: fc.nat({ max: FREE.length - 1 }),
    lower: fc.boolean(),
    caption: fc.option(fc.option(text, { nil: null }), { nil: undefined }),
    saved: fc.boolean(),
    tracked: fc.boolean(),
    note: fc.option(text.filter((s) => s.length <= 10_000), { nil: undefined }),
    tags: fc.option(fc.array(fc.oneof(fc.string({ minLength: 1, maxLength: 20 }), nasty), { maxLength: 8 }), { nil: undefined }),
  })
  .map(({ which, lower, ...rest }) => {
    const c = FREE[which]!;
    const body: Put = { courtId: lower ? c.courtId.toLowerCase() : c.courtId, caseNumber: lower ? c.caseNumber.toLowerCase() : c.caseNumber, saved: rest.saved, tracked: rest.tracked };
    if (rest.caption !== undefined) body.caption = rest.caption;
    if (rest.note !== undefined) body.note = rest.note;
    if (rest.tags !== undefined) body.tags = rest.tags;
    return { key: FREE_KEYS[which]!, body };
  });

/** A sync push: right or wrong client ids, mutation ids with or without gaps, ops right or wrong, free keys only. */
const freeKey = fc.constantFrom(...FREE_KEYS);
const syncOp = fc.oneof(
  fc.record({
    op: fc.constant('putCase'),
    args: fc.record({ key: freeKey, courtId: fc.constantFrom('CT22', 'CT13', 'SUP'), caseNumber: fc.constantFrom('22SL-CC00807', '14BA-CV01093', 'SC99999'), caption: fc.option(text, { nil: null }), saved: fc.boolean(), tracked: fc.boolean(), source: fc.constant(null) }),
  }),
  fc.record({ op: fc.constant('setFlags'), args: fc.record({ key: freeKey, saved: fc.boolean(), tracked: fc.boolean() }, { requiredKeys: ['key'] }) }),
  fc.record({ op: fc.constant('setNote'), args: fc.record({ key: freeKey, note: text }) }),
  fc.record({ op: fc.constant('setTags'), args: fc.record({ key: freeKey, tags: fc.array(text, { maxLength: 6 }) }) }),
  fc.record({ op: fc.constant('removeCase'), args: fc.record({ key: fc.oneof(freeKey, text) }) }),
  fc.record({ op: fc.constant('markRead'), args: fc.record({ alertId: fc.oneof(fc.constant('CT22|22SL-CC00807|abc123|new'), text), readAt: fc.oneof(fc.nat(), anyJson) }) }),
  fc.record({ op: fc.constant('setSettings'), args: fc.record({ settings: fc.oneof(fc.dictionary(fc.string({ maxLength: 12 }), anyJson, { maxKeys: 5 }), anyJson) }) }),
  fc.record({ op: fc.oneof(text, fc.constant('__proto__')), args: anyJson }),
);
const syncPush = fc
  .record({
    clientId: fc.oneof(fc.constantFrom('fuzz-client-1', 'fuzz-client-2'), text),
    first: fc.oneof(fc.constant(1), fc.nat({ max: 20 }), fc.integer()),
    ops: fc.array(fc.record({ m: syncOp, skip: fc.nat({ max: 9 }).map((n) => n === 0) }), { maxLength: 6 }),
  })
  .map(({ clientId, first, ops }) => {
    let id = first;
    return { clientId, mutations: ops.map(({ m, skip }) => ({ id: (id += skip ? 2 : 1) - 1, ...m })) };
  });

type Body = { kind: 'none' } | { kind: 'json'; value: unknown } | { kind: 'raw'; text: string };
const rawBody = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 60 }) },
  { weight: 2, arbitrary: fc.jsonValue().map((v) => JSON.stringify(v).slice(0, -1)) },
  { weight: 2, arbitrary: fc.constantFrom('', '{', '}', '[', 'null', 'undefined', "{'a':1}", '{"a":1,}', '{"courtId":"CT22","courtId":"CT13"}', '\u0000', '\ufeff{}', '{"__proto__":{"saved":false},"courtId":"CT22","caseNumber":"22SL-CC00807","saved":true,"tracked":true}') },
  { weight: 1, arbitrary: fc.nat({ max: 100_000 }).map((n) => `${'['.repeat(n)}${']'.repeat(n)}`) },
  { weight: 1, arbitrary: fc.nat({ max: 50_000 }).map((n) => `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`) },
);
const body: fc.Arbitrary<Body> = fc.oneof(
  { weight: 40, arbitrary: fc.constant({ kind: 'none' as const }) },
  { weight: 100, arbitrary: casePutish.map((value) => ({ kind: 'json' as const, value })) },
  { weight: 40, arbitrary: anyJson.map((value) => ({ kind: 'json' as const, value })) },
  { weight: 60, arbitrary: rawBody.map((t) => ({ kind: 'raw' as const, text: t })) },
  // Rarely, over the 1 MB limit.
  { weight: 1, arbitrary: fc.constant({ kind: 'raw' as const, text: `{"note":"${'x'.repeat(1024 * 1024)}"}` }) },
);

const headers = fc.record(
  {
    'content-type': fc.constantFrom('application/json', 'application/json', 'application/json; charset=utf-8', 'APPLICATION/JSON', 'application/vnd.api+json', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'multipart/form-data', 'application/octet-stream', 'application/json; charset=latin1', ''),
    origin: fc.constantFrom('SELF', CHROME, 'moz-extension://4b0c6f3e-9d2a-4e71-8f15-2c3d4e5f6a7b', 'https://evil.example', 'null'),
    'x-forwarded-for': fc.oneof(fc.ipV4(), headerText),
    'x-device-id': fc.oneof(fc.stringMatching(/^[A-Za-z0-9_-]{20,40}$/), headerText),
    'user-agent': headerText,
    accept: fc.constantFrom('application/json', '*/*', 'text/html', ''),
    'accept-encoding': fc.constantFrom('gzip', 'br', 'identity', '*'),
    'content-encoding': fc.constantFrom('gzip', 'deflate', 'identity'),
    'if-none-match': headerText,
    cookie: fc.oneof(headerText, fc.constant('better-auth.session_token=forged.sig')),
    'x-docket-watch-client-ip': fc.ipV4(),
  },
  { requiredKeys: [] },
);

const METHODS = ['GET', 'GET', 'PUT', 'PUT', 'PUT', 'DELETE', 'DELETE', 'POST', 'PATCH', 'HEAD', 'OPTIONS'] as const;
type Req = { method: string; path: string; body: Body; headers: Record<string, string>; valid?: { key: string; body: Put }; mustRefuse?: boolean };

/** Counterexamples print short: bodies can be a megabyte. */
function short(r: Req): string {
  const text = r.body.kind === 'json' ? JSON.stringify(r.body.value) ?? '' : r.body.kind === 'raw' ? r.body.text : '';
  return `${r.method} ${r.path.slice(0, 200)} headers=${JSON.stringify(r.headers).slice(0, 300)} body(${r.body.kind}, ${text.length} chars)=${text.slice(0, 200)}`;
}
const printable = (a: fc.Arbitrary<Req>): fc.Arbitrary<Req> => a.map((r) => Object.assign(r, { [fc.toStringMethod]: () => short(r) }));

const randomApiRequest: fc.Arbitrary<Req> = fc.record({ method: fc.constantFrom(...METHODS), path: apiPath, query, body, headers }).map((r) => ({ ...r, path: r.path + r.query }));
const validPutRequest: fc.Arbitrary<Req> = fc.tuple(validPut, fc.boolean()).map(([v, raw]) => ({
  method: 'PUT',
  path: `/api/v1/cases/${raw ? v.key : encodeURIComponent(v.key)}`,
  body: { kind: 'json', value: v.body },
  headers: { 'content-type': 'application/json' },
  valid: v,
}));
const syncRequest: fc.Arbitrary<Req> = fc.record({ push: syncPush, headers }).map(({ push, headers: h }) => ({
  method: 'POST',
  path: '/api/v1/sync/push',
  body: { kind: 'json', value: push },
  headers: { ...h, 'content-type': 'application/json' },
}));
const apiRequest = printable(fc.oneof({ weight: 8, arbitrary: randomApiRequest }, { weight: 2, arbitrary: validPutRequest }, { weight: 1, arbitrary: syncRequest }));

const AUTH_PATHS = ['sign-up/email', 'sign-in/email', 'device/verify', 'request-password-reset', 'reset-password', 'verify-email', 'get-session', 'sign-out', 'list-sessions', 'revoke-sessions', 'change-password', 'update-user', 'delete-user', 'change-email', 'send-verification-email', 'ok'];
/** Auth bodies, never a new valid address (the user count must not change): the fuzz's own users, or no address at all. */
const authBody = fc.record(
  {
    email: fc.oneof(fc.constantFrom('victim@example.com', 'VICTIM@EXAMPLE.COM', 'fuzzer@example.com', 'not-an-email', '@', 'a@', ''), text.filter((s) => !s.includes('@')), anyJson),
    password: fc.oneof(text, fc.constantFrom('Str0ngPass2', 'weak'), anyJson),
    name: fc.oneof(text, anyJson),
    challengeId: fc.oneof(text, fc.stringMatching(/^[A-Za-z0-9_-]{24}$/)),
    code: fc.oneof(fc.stringMatching(/^\d{6}$/), text),
    token: text,
    newPassword: fc.oneof(text, fc.constant('N3wStrongPass')),
    callbackURL: fc.constantFrom('https://evil.example/x', '/account/verified', 'javascript:alert(1)', '//evil.example'),
    redirectTo: fc.constantFrom('https://evil.example/x', '/account/reset-password'),
    rememberMe: anyJson,
    extra: anyJson,
  },
  { requiredKeys: [] },
);
const authRequest: fc.Arbitrary<Req> = printable(fc
  .record({
    method: fc.constantFrom('POST', 'POST', 'POST', 'POST', 'POST', 'POST', 'GET', 'GET', 'PUT', 'DELETE'),
    path: fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...AUTH_PATHS) }, { weight: 1, arbitrary: fc.webSegment() }),
    query: fc.oneof(fc.constant(''), fc.constantFrom('?token=junk', '?token=junk&callbackURL=https://evil.example', '?token=', '?callbackURL=%00')),
    body: fc.oneof({ weight: 4, arbitrary: authBody.map((value) => ({ kind: 'json' as const, value })) }, { weight: 2, arbitrary: body }),
    headers,
    json: fc.nat({ max: 4 }).map((n) => n > 0),
  })
  .map((r) => ({
    method: r.method,
    path: `/api/auth/${r.path}${r.query}`,
    body: r.body,
    // Mostly JSON and a trusted origin, so that most requests reach better-auth's validation and handlers.
    headers: r.json ? { ...r.headers, 'content-type': 'application/json', origin: 'SELF' } : r.headers,
  })));

// ---------------------------------------------------------------- the run

let t: TestBackend;
let fuzzer: ApiClient;
const statuses = new Map<string, number>();
const count = (label: string) => statuses.set(label, (statuses.get(label) ?? 0) + 1);
let sent = 0;
const history: string[] = [];

/** Send one request as-is; `token` signs it in. Fails on a 5xx, a hang, or an /api/v1 error not in our JSON shape. */
async function send(req: Req, token: string | null, label: string): Promise<void> {
  const h: Record<string, string> = { ...req.headers };
  if (h.origin === 'SELF') h.origin = t.url;
  if (token) h.authorization = `Bearer ${token}`;
  const method = req.method;
  const withBody = method !== 'GET' && method !== 'HEAD' && req.body.kind !== 'none';
  const text = !withBody ? undefined : req.body.kind === 'json' ? JSON.stringify(req.body.value) : req.body.kind === 'raw' ? req.body.text : undefined;
  const where = () => `${method} ${req.path} ${JSON.stringify(h).slice(0, 300)} body=${(text ?? '').slice(0, 300)}`;
  let res: Response;
  try {
    res = await fetch(`${t.url}${req.path}`, { method, headers: h, body: text, redirect: 'manual', signal: AbortSignal.timeout(15_000) });
  } catch (err) {
    throw new Error(`no answer (${(err as Error).message}; ${String((err as Error).cause ?? '')}) to ${where()}; the requests before: ${history.join(' || ')}`, { cause: err });
  }
  const answer = await res.text();
  history.push(`${res.status} ${res.headers.get('connection')} ← ${where().slice(0, 400)}`);
  history.splice(0, history.length - 3);
  sent += 1;
  count(`${label} ${res.status}`);
  if (res.status >= 500 || res.status < 200) throw new Error(`${res.status} ${answer.slice(0, 300)} for ${where()}`);
  if (!req.path.startsWith('/api/v1')) return;
  expect(res.status < 300 || res.status >= 400, `${res.status} for ${where()}`).toBe(true);
  if (res.status >= 400 && method !== 'HEAD') {
    expect(res.headers.get('content-type'), where()).toMatch(/^application\/json/);
    const err = JSON.parse(answer) as { code?: unknown; message?: unknown };
    expect(typeof err.code === 'string' && typeof err.message === 'string', `${answer.slice(0, 200)} for ${where()}`).toBe(true);
  }
  if (req.mustRefuse && token) expect(res.status, `${answer.slice(0, 200)} for ${where()}`).toBe(400);
  if (req.valid && token) {
    // An accepted case is stored exactly as sent (tags trimmed and de-duplicated, as documented).
    expect([200, 201], `${res.status} ${answer.slice(0, 300)} for ${where()}`).toContain(res.status);
    const got = JSON.parse(answer) as Record<string, unknown>;
    const sentBody = req.valid.body;
    expect(got, where()).toMatchObject({ key: req.valid.key, saved: sentBody.saved, tracked: sentBody.tracked });
    if (sentBody.note !== undefined) expect(got.note, where()).toBe(sentBody.note);
    if (sentBody.caption !== undefined) expect(got.caption, where()).toBe(sentBody.caption);
    if (sentBody.tags !== undefined) expect(got.tags, where()).toEqual([...new Set(sentBody.tags.map((tag) => tag.trim()))]);
  }
}

/** The valid-PUT generator also makes bodies the API must refuse (schema limits, NUL, lone surrogates): those must be a 400. */
function refusedOnPurpose(b: Put): boolean {
  const texts = [b.caption ?? '', b.note ?? '', ...(b.tags ?? [])];
  return !CasePut.safeParse(b).success || texts.some((s) => s.includes('\u0000') || !s.isWellFormed());
}

async function sendChecked(req: Req, token: string | null, label: string): Promise<void> {
  if (req.valid && refusedOnPurpose(req.valid.body)) return send({ ...req, valid: undefined, mustRefuse: true }, token, label);
  return send(req, token, label);
}

/** Every row (all columns, tombstones too) of a user's folder, and the user's version. */
function folderOf(email: string): { rows: Record<string, unknown>[]; version: unknown } {
  const db = t.backend.services.db;
  const rows = (db.prepare('SELECT c.* FROM user_case c JOIN user u ON u.id = c.user_id WHERE u.email = ? ORDER BY c.case_key').all(email) as Record<string, unknown>[]).map((r) => ({ ...r }));
  const version = (db.prepare('SELECT v.version FROM sync_user v JOIN user u ON u.id = v.user_id WHERE u.email = ?').all(email) as { version: unknown }[])[0]?.version;
  return { rows, version };
}
const own = (rows: Record<string, unknown>[]) => rows.filter((r) => String(r.case_key).startsWith('CT98|'));

let before: { victim: ReturnType<typeof folderOf>; fuzzerOwn: Record<string, unknown>[]; users: number };

beforeAll(async () => {
  t = await startTestBackend();
  const victim = await signedInUser(t, 'victim@example.com');
  fuzzer = await signedInUser(t, 'fuzzer@example.com');
  for (let i = 0; i < 20; i++) {
    const caseNumber = `99AB-CD${String(i).padStart(5, '0')}`;
    expect((await victim.put(`/api/v1/cases/${encodeURIComponent(`CT99|${caseNumber}`)}`, { courtId: 'CT99', caseNumber, caption: `V ${i}`, saved: true, tracked: i % 2 === 0, note: `victim note ${i}`, tags: ['v'] })).status).toBe(201);
  }
  for (let i = 0; i < 10; i++) {
    const caseNumber = `98AB-CD${String(i).padStart(5, '0')}`;
    expect((await fuzzer.put(`/api/v1/cases/${encodeURIComponent(`CT98|${caseNumber}`)}`, { courtId: 'CT98', caseNumber, caption: null, saved: true, tracked: true, note: `own note ${i}`, tags: ['mine', 'keep'] })).status).toBe(201);
  }
  before = { victim: folderOf('victim@example.com'), fuzzerOwn: own(folderOf('fuzzer@example.com').rows), users: rowCount(t, 'user') };
  expect(before.victim.rows).toHaveLength(20);
  expect(before.fuzzerOwn).toHaveLength(10);
}, 60_000);
afterAll(() => t?.close());

describe('random requests never break the API', () => {
  it('as a signed-in user, one at a time', async () => {
    await fc.assert(
      fc.asyncProperty(apiRequest, (req) => sendChecked(req, fuzzer.token, 'signed-in')),
      { seed: SEED, numRuns: RUNS.signedIn, endOnFailure: true },
    );
    // The run reached the handlers, not just the guards.
    const ok = [...statuses].filter(([k]) => /^signed-in 20[014]$/.test(k)).reduce((n, [, v]) => n + v, 0);
    const refused = statuses.get('signed-in 400') ?? 0;
    expect(ok, JSON.stringify([...statuses])).toBeGreaterThan(100);
    expect(refused, JSON.stringify([...statuses])).toBeGreaterThan(100);
  }, 60_000);

  it('as a signed-in user, several at once', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(apiRequest, { minLength: 2, maxLength: 8 }), async (reqs) => {
        await Promise.all(reqs.map((r) => sendChecked(r, fuzzer.token, 'concurrent')));
      }),
      { seed: SEED + 1, numRuns: RUNS.concurrentBatches, endOnFailure: true },
    );
  }, 60_000);

  it('anonymously, at /api/v1', async () => {
    await fc.assert(
      fc.asyncProperty(apiRequest, (req) => send({ ...req, valid: undefined }, null, 'anon-api')),
      { seed: SEED + 2, numRuns: RUNS.anonApi, endOnFailure: true },
    );
    // Without a session nothing but the OpenAPI document, CORS preflights and unknown routes answer otherwise than 401.
    expect(statuses.get('anon-api 200') ?? 0).toBeLessThan(RUNS.anonApi);
  }, 60_000);

  it('anonymously, at better-auth', async () => {
    await fc.assert(
      fc.asyncProperty(authRequest, (req) => send(req, null, 'anon-auth')),
      { seed: SEED + 3, numRuns: RUNS.anonAuth, endOnFailure: true },
    );
  }, 60_000);

  it('afterwards the database is intact', async () => {
    expect(sent).toBeGreaterThanOrEqual(2_000);
    const db = t.backend.services.db;
    expect((db.prepare('PRAGMA integrity_check').all() as { integrity_check: string }[]).map((r) => r.integrity_check)).toEqual(['ok']);
    expect(db.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
    expect(rowCount(t, 'user')).toBe(before.users);
    // The other user's folder and version untouched; the fuzzer's own earlier cases untouched, to the byte.
    expect(folderOf('victim@example.com')).toEqual(before.victim);
    const fuzzerRows = folderOf('fuzzer@example.com').rows;
    expect(own(fuzzerRows)).toEqual(before.fuzzerOwn);
    // Everything the fuzzer did store is a well-formed case under a free key.
    for (const r of fuzzerRows) {
      expect([...FREE_KEYS, ...before.fuzzerOwn.map((o) => o.case_key)]).toContain(r.case_key);
      expect(Array.isArray(JSON.parse(String(r.tags)))).toBe(true);
    }
    // Still signed in, and the API still answers it normally.
    expect((await fuzzer.get('/api/v1/me')).status).toBe(200);
    const listed = await fuzzer.get('/api/v1/cases');
    expect(listed.status).toBe(200);
    console.info(`fuzz: ${sent} requests; statuses ${JSON.stringify(Object.fromEntries([...statuses].sort()))}`);
  });
});
