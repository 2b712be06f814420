import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Poller } from '../../../../backend/src/watch/poller';
import { serverFetch } from '../../../../backend/src/watch/server-fetch';
import type { FetchCasenet } from '../../../../shared/casenet/read';
import { PoliteQueue } from '../../../../shared/schedule';
import { signedInUser } from '../../../support/accounts';
import { startTestBackend, type TestBackend } from '../../../support/backend';
import { DOE } from '../../../fakes/casenet-sim/seed';
import { startCasenetSim, type CasenetSim } from '../../../fakes/casenet-sim/server';

// Two pollers on one database (two processes with POLL_SHARD, a "check now" served by the other
// one): a read that another poller overtook while it was on the way is dropped, never diffed
// against the newer docket (an older page would look like a clerk's correction, or a removal).

let sim: CasenetSim;
let t: TestBackend;

beforeAll(async () => {
  sim = await startCasenetSim();
  t = await startTestBackend({ env: { CASENET_BASE_URL: sim.url, POLL_INTERVAL_SECONDS: '3600', POLL_SPACING_MS: '0', NOTIFY_INTERVAL_MS: '0' } });
  const ann = await signedInUser(t, 'race@example.com');
  const mutations = [{ id: 1, op: 'putCase', args: { key: DOE.key, courtId: 'CT22', caseNumber: '22SL-CC00807', caption: null, saved: true, tracked: true, source: DOE.source } }];
  expect((await ann.post('/api/v1/sync/push', { clientId: 'race-chrome-1', mutations })).status).toBe(200);
  expect(await t.poller().checkNow(DOE.key)).toMatchObject({ ok: true, message: 'First read: this docket is the baseline.' });
});
afterAll(async () => {
  await t?.close();
  await sim?.close();
});

describe('a read overtaken by another poller', () => {
  it('is dropped: no write, no alert; the newer read stands', async () => {
    const s = t.backend.services;
    // The second poller's answer is held after it arrived: it is the page before the correction.
    const plain = serverFetch({ baseUrl: sim.url, userAgent: 'DocketWatch/test' });
    let release: () => void = () => undefined;
    const held = new Promise<void>((r) => (release = r));
    let arrived: () => void = () => undefined;
    const hasArrived = new Promise<void>((r) => (arrived = r));
    const slowFetch: FetchCasenet = async (request, opts) => {
      const answer = await plain(request, opts);
      arrived();
      await held;
      return answer;
    };
    const other = new Poller({ db: s.db, store: s.watch.store, fetch: slowFetch, queue: new PoliteQueue({ spacingMs: 0, jitterMs: 0 }), sink: s.notifier, logger: pino({ level: 'silent' }), now: Date.now, timeoutMs: 5_000 });
    const slow = other.checkNow(DOE.key);
    await hasArrived;

    const entries = (await (await sim.control('GET', `${DOE.simPath}/entries`)).json()) as { sequence: number }[];
    expect((await sim.control('PUT', `${DOE.simPath}/entries/${entries.at(-1)?.sequence}`, { text: 'Corrected by the clerk' })).status).toBe(200);
    expect(await t.poller().checkNow(DOE.key)).toMatchObject({ ok: true, alerts: 1 });
    const stored = s.watch.store.entries(DOE.key);

    release();
    expect(await slow).toMatchObject({ ok: true, alerts: 0, message: 'Another server process checked this case a moment ago; its result stands.' });
    expect(s.watch.store.entries(DOE.key)).toEqual(stored);
    const alerts = s.db.prepare("SELECT kind FROM alert WHERE case_key = ? AND origin = 'server'").all(DOE.key) as { kind: string }[];
    expect(alerts.map((a) => a.kind)).toEqual(['changed']);
  });
});
