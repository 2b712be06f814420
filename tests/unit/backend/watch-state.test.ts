import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WatchState } from '../../../shared/api/watch';
import type { CaseSource } from '../../../shared/casenet/types';
import { signedInUser } from '../../support/accounts';
import { ApiClient } from '../../support/api-client';
import { startTestBackend, type TestBackend } from '../../support/backend';
import { startCasenetSim, type CasenetSim } from '../../fakes/casenet-sim/server';

// GET /api/v1/watch: the server's own check state of each case the caller tracks (and only those).

const ANN_KEY = 'CT22|22SL-CC00807';
const BOB_KEY = 'CT22|22SL-CC00999';
const source = (caseNumber: string): CaseSource => ({ origin: 'https://www.courts.mo.gov', base: 'casenet', generation: 'old', courtId: 'SMPDB0010_CT22', caseNumber });
const putCase = (key: string, tracked = true) => {
  const [courtId = '', caseNumber = ''] = key.split('|');
  return { op: 'putCase', args: { key, courtId, caseNumber, caption: null, saved: true, tracked, source: source(caseNumber) } };
};

let sim: CasenetSim;
let t: TestBackend;
let ann: ApiClient;
let bob: ApiClient;

const control = (method: string, path: string, body?: unknown) => sim.control(method, path, body);
const stateOf = async (api: ApiClient) => {
  const res = await api.get('/api/v1/watch');
  expect(res.status).toBe(200);
  return WatchState.parse(res.body);
};

beforeAll(async () => {
  sim = await startCasenetSim();
  t = await startTestBackend({ env: { CASENET_BASE_URL: sim.url, POLL_INTERVAL_SECONDS: '60', POLL_SPACING_MS: '0', CASENET_TIMEOUT_MS: '1000' } });
  ann = await signedInUser(t, 'ann@example.com');
  bob = await signedInUser(t, 'bob@example.com');
  // Ann tracks one case and only saves another; Bob tracks a case of his own.
  expect((await ann.post('/api/v1/sync/push', { clientId: 'ann-chrome-1', mutations: [{ id: 1, ...putCase(ANN_KEY) }, { id: 2, ...putCase(BOB_KEY, false) }] })).status).toBe(200);
  expect((await bob.post('/api/v1/sync/push', { clientId: 'bob-firefox-1', mutations: [{ id: 1, ...putCase(BOB_KEY) }] })).status).toBe(200);
});
afterAll(async () => {
  await t?.close();
  await sim?.close();
});

describe('GET /api/v1/watch', () => {
  it('answers 401 without a token', async () => {
    const res = await new ApiClient(t.url).get('/api/v1/watch');
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('UNAUTHORIZED');
  });

  it("lists only the caller's tracked cases (not merely saved ones, not other users')", async () => {
    const state = await stateOf(ann);
    expect(state.watching).toBe(true);
    expect(state.cases.map((c) => c.key)).toEqual([ANN_KEY]);
    expect((await stateOf(bob)).cases.map((c) => c.key)).toEqual([BOB_KEY]);
  });

  it('says when the server last read a case and, after a failed read, why in plain words', async () => {
    const poller = t.poller();
    const good = await poller.checkNow(ANN_KEY);
    expect(good).toMatchObject({ ok: true });
    const [afterGood] = (await stateOf(ann)).cases;
    expect(afterGood).toMatchObject({ key: ANN_KEY, lastError: null });
    expect(Date.parse(afterGood?.lastCheckedAt ?? '')).toBeGreaterThan(Date.now() - 60_000);
    expect(Date.parse(afterGood?.nextCheckAt ?? '')).toBeGreaterThan(Date.parse(afterGood?.lastCheckedAt ?? ''));

    // A few faults: the server's own poll loop may take one for Bob's case meanwhile.
    await control('POST', '/__sim/faults', { mode: 'maintenance', count: 3 });
    expect(await poller.checkNow(ANN_KEY)).toMatchObject({ ok: false });
    await control('DELETE', '/__sim/faults');
    const [afterFailure] = (await stateOf(ann)).cases;
    expect(afterFailure?.lastError).toMatch(/^could not read the docket: .*maintenance/i);
    // Bob follows another case: Ann's reads and errors are not his to see.
    expect((await stateOf(bob)).cases.map((c) => c.key)).toEqual([BOB_KEY]);
  });
});

describe('GET /api/v1/watch on a server that does not watch Case.net', () => {
  it('says so, with no check times (a case tracked but never read has nulls)', async () => {
    const off = await startTestBackend();
    try {
      const carol = await signedInUser(off, 'carol@example.com');
      expect((await carol.post('/api/v1/sync/push', { clientId: 'carol-chrome-1', mutations: [{ id: 1, ...putCase(ANN_KEY) }] })).status).toBe(200);
      expect(await stateOf(carol)).toEqual({ watching: false, cases: [{ key: ANN_KEY, lastCheckedAt: null, lastError: null, nextCheckAt: null }] });
    } finally {
      await off.close();
    }
  });
});
