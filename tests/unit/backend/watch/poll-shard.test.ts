import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../../backend/src/config';
import { signedInUser } from '../../../support/accounts';
import { startTestBackend, type TestBackend } from '../../../support/backend';
import { startCasenetSim, type CasenetSim } from '../../../fakes/casenet-sim/server';

// Two backend processes' worth of services on one database (DATABASE_URL shared), each polling its
// POLL_SHARD: every watched case is read by exactly one of them.

const NUMBERS = Array.from({ length: 8 }, (_, i) => `26SL-CC0010${i}`);
const COURT = 'SMPDB0010_CT22';

let sim: CasenetSim;
let a: TestBackend;
let b: TestBackend;

beforeAll(async () => {
  sim = await startCasenetSim();
  for (const caseNumber of NUMBERS) {
    expect((await sim.control('POST', '/__sim/cases', { courtId: COURT, caseNumber, caption: `SHARD ${caseNumber}`, entries: [{ date: '2026-01-05', title: 'Petition Filed' }] })).ok).toBe(true);
  }
  const env = { CASENET_BASE_URL: sim.url, POLL_INTERVAL_SECONDS: '3600', POLL_SPACING_MS: '0', NOTIFY_INTERVAL_MS: '0' };
  a = await startTestBackend({ env: { ...env, POLL_SHARD: '0/2' } });
  b = await startTestBackend({ env: { ...env, POLL_SHARD: '1/2' }, dir: a.dir });
  const ann = await signedInUser(a, 'shard@example.com');
  const mutations = NUMBERS.map((caseNumber, i) => ({
    id: i + 1,
    op: 'putCase',
    args: { key: `CT22|${caseNumber}`, courtId: 'CT22', caseNumber, caption: null, saved: true, tracked: true, source: { origin: 'https://www.courts.mo.gov', base: 'casenet', generation: 'old', courtId: COURT, caseNumber } },
  }));
  expect((await ann.post('/api/v1/sync/push', { clientId: 'shard-chrome-1', mutations })).status).toBe(200);
});
afterAll(async () => {
  await b?.close();
  await a?.close();
  await sim?.close();
});

describe('POLL_SHARD', () => {
  it('splits the watched cases between processes: each read once, none twice, none left out', async () => {
    const first = (await a.poller().pollDue()).map((o) => o.key);
    const second = (await b.poller().pollDue()).map((o) => o.key);
    expect(first.length).toBeGreaterThan(0);
    expect(second.length).toBeGreaterThan(0);
    expect([...first, ...second].sort()).toEqual(NUMBERS.map((n) => `CT22|${n}`));
    // Both are done for the hour: a second round reads nothing.
    expect(await a.poller().pollDue()).toEqual([]);
    expect(await b.poller().pollDue()).toEqual([]);
  });

  it('is read as i/n with 0 ≤ i < n ≤ 64; anything else stops the server with the variable named', () => {
    expect(loadConfig({ CASENET_BASE_URL: sim.url, POLL_SHARD: '2/3' }).poll?.shard).toEqual({ index: 2, count: 3 });
    expect(loadConfig({ CASENET_BASE_URL: sim.url }).poll?.shard).toEqual({ index: 0, count: 1 });
    for (const bad of ['3/3', '1', '0/0', 'a/b', '0/65']) {
      expect(() => loadConfig({ CASENET_BASE_URL: sim.url, POLL_SHARD: bad })).toThrow(ConfigError);
      expect(() => loadConfig({ CASENET_BASE_URL: sim.url, POLL_SHARD: bad })).toThrow(/POLL_SHARD/);
    }
  });
});
