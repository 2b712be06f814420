import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { remindHearings } from '../../../backend/src/watch/hearing-reminders';
import { signedInUser } from '../../support/accounts';
import type { ApiClient } from '../../support/api-client';
import { startTestBackend, type TestBackend } from '../../support/backend';
import { startCasenetSim, type CasenetSim } from '../../fakes/casenet-sim/server';
import { DOE } from '../../fakes/casenet-sim/seed';

// The server watching Case.net (the project's simulator) for its users: one fetch per case for every
// follower, a first read as baseline, an added entry → one alert per follower → one email each,
// doubtful reads (maintenance, layout change, 503, empty) alert nobody and lose nothing after recovery.

let sim: CasenetSim;
let t: TestBackend;
let ann: ApiClient;
let bob: ApiClient;

const control = (method: string, path: string, body?: unknown) => sim.control(method, path, body);
const poller = () => t.poller();
/** Make every watched case due, poll once, and relay what the poll enqueued. */
async function pollNow() {
  t.backend.services.db.prepare('UPDATE watched_case SET next_check_at = 0').run();
  const outcomes = await poller().pollDue();
  await t.backend.services.notifier.relayOnce(Date.now());
  return outcomes;
}
const track = (api: ApiClient, clientId: string) =>
  api.post('/api/v1/sync/push', {
    clientId,
    mutations: [{ id: 1, op: 'putCase', args: { key: DOE.key, courtId: 'CT22', caseNumber: '22SL-CC00807', caption: null, saved: true, tracked: true, source: DOE.source } }],
  });
const docketEmails = async () => (await t.emails()).filter((e) => e.subject.startsWith('22SL-CC00807'));
const alertsOf = (email: string) =>
  t.backend.services.db.prepare('SELECT a.kind, a.origin FROM alert a JOIN user u ON u.id = a.user_id WHERE u.email = ? ORDER BY a.created_at').all(email) as { kind: string; origin: string }[];

beforeAll(async () => {
  sim = await startCasenetSim();
  t = await startTestBackend({ env: { CASENET_BASE_URL: sim.url, POLL_INTERVAL_SECONDS: '60', POLL_SPACING_MS: '0', CASENET_TIMEOUT_MS: '1000', NOTIFY_INTERVAL_MS: '0' } });
  ann = await signedInUser(t, 'ann@example.com');
  bob = await signedInUser(t, 'bob@example.com');
  expect((await track(ann, 'ann-chrome-1')).status).toBe(200);
  expect((await track(bob, 'bob-firefox-1')).status).toBe(200);
});
afterAll(async () => {
  await t?.close();
  await sim?.close();
});
beforeEach(async () => {
  await control('DELETE', '/__sim/faults');
});

describe('server-side watching', () => {
  it('reads a newly tracked case once as its baseline and alerts nobody', async () => {
    await control('DELETE', '/__sim/requests');
    const [outcome] = await pollNow();
    expect(outcome).toMatchObject({ key: DOE.key, ok: true, alerts: 0 });
    expect(outcome?.message).toMatch(/baseline/);
    const requests = (await (await control('GET', '/__sim/requests')).json()) as { path: string }[];
    expect(requests.filter((r) => r.path.includes('searchDockets.do'))).toHaveLength(1);
    expect(requests.every((r) => r.path.startsWith('/casenet/'))).toBe(true);
    expect(await docketEmails()).toHaveLength(0);
  });

  it('turns one new entry into exactly one email per follower, from one fetch', async () => {
    await control('DELETE', '/__sim/requests');
    expect((await control('POST', `${DOE.simPath}/entries`, { date: '2026-11-25', title: 'Motion to Dismiss Filed', filedBy: 'Attorney for Defendant' })).status).toBeLessThan(300);
    const [outcome] = await pollNow();
    expect(outcome).toMatchObject({ ok: true, alerts: 2 });
    const requests = (await (await control('GET', '/__sim/requests')).json()) as unknown[];
    expect(requests).toHaveLength(1);
    const mails = await docketEmails();
    expect(mails.map((m) => m.to[0]).sort()).toEqual(['ann@example.com', 'bob@example.com']);
    expect(mails[0]?.subject).toContain('Motion to Dismiss Filed');
    // Polling again finds nothing new and sends nothing more.
    await pollNow();
    expect(await docketEmails()).toHaveLength(2);
  });

  it.each([
    ['maintenance', { mode: 'maintenance' }],
    ['a layout change', { mode: 'layout' }],
    ['a 503', { mode: '503' }],
    ['an empty docket', { mode: 'empty' }],
    ['a timeout', { mode: 'timeout' }],
  ])('alerts nobody on %s, keeps the last good docket, and loses nothing after recovery', async (_name, fault) => {
    const before = (await docketEmails()).length;
    await control('POST', `${DOE.simPath}/entries`, { date: '2026-11-26', title: `Entry during ${_name}` });
    await control('POST', '/__sim/faults', { ...fault, count: 1 });
    const [failed] = await pollNow();
    expect(failed, JSON.stringify(failed)).toMatchObject({ ok: false });
    const row = t.backend.services.db.prepare('SELECT last_error, failures FROM watched_case WHERE case_key = ?').get(DOE.key) as { last_error: string; failures: number };
    expect(row.last_error).toMatch(/could not read the docket|no docket entries|keeping the last good copy/);
    expect(await docketEmails()).toHaveLength(before);
    // Recovered: the entry added meanwhile alerts both followers once.
    await control('DELETE', '/__sim/faults');
    t.backend.services.db.prepare('UPDATE watched_case SET failures = 0').run();
    const [ok] = await pollNow();
    expect(ok).toMatchObject({ ok: true, alerts: 2 });
    expect(await docketEmails()).toHaveLength(before + 2);
  }, 60_000);

  it('reports a clerk correction as a corrected entry, never as a new filing', async () => {
    const entries = (await (await control('GET', `${DOE.simPath}/entries`)).json()) as { sequence: number }[];
    const last = entries.at(-1);
    expect(last).toBeTruthy();
    expect((await control('PUT', `${DOE.simPath}/entries/${last?.sequence}`, { text: 'Corrected by the clerk' })).status).toBe(200);
    const [outcome] = await pollNow();
    expect(outcome).toMatchObject({ ok: true, alerts: 2 });
    const kinds = alertsOf('ann@example.com').map((a) => a.kind);
    expect(kinds.at(-1)).toBe('changed');
  });

  it("lets a browser's snapshot alert only the user who sent it", async () => {
    const entries = (t.backend.services.watch.store.entries(DOE.key) ?? []).concat([{ date: '2026-11-27', title: 'Seen first by Ann', text: null, filedBy: null, onBehalfOf: null, scheduledFor: null, sequence: null }]);
    const res = await ann.post(`/api/v1/cases/${encodeURIComponent(DOE.key)}/snapshot`, { entries });
    expect(res.body).toMatchObject({ accepted: true, alerts: 1 });
    expect(alertsOf('ann@example.com').at(-1)).toEqual({ kind: 'new', origin: 'browser' });
    expect(alertsOf('bob@example.com').some((a) => a.origin === 'browser')).toBe(false);
    // A snapshot of a case the caller does not track is refused.
    const carol = await signedInUser(t, 'carol@example.com');
    expect((await carol.post(`/api/v1/cases/${encodeURIComponent(DOE.key)}/snapshot`, { entries })).status).toBe(404);
  });

  it('reminds each follower of a scheduled hearing once, when it is a chosen number of days away', async () => {
    const inTwoDays = new Date(Date.now() + 2 * 86_400_000 - 6 * 3_600_000); // a Central calendar date two days on
    const [y, m, d] = inTwoDays.toISOString().slice(0, 10).split('-');
    await control('POST', `${DOE.simPath}/entries`, { date: '2026-11-27', title: 'Hearing Scheduled', scheduledFor: `${m}/${d}/${y}; 9:00 AM; Division 12` });
    await pollNow();
    const deps = { db: t.backend.services.db, sink: t.backend.services.notifier, daysBeforeOf: () => [10, 2] };
    const before = (await t.emails()).length;
    expect(remindHearings(deps, Date.now())).toBe(2);
    expect(remindHearings(deps, Date.now())).toBe(0);
    await t.backend.services.notifier.relayOnce(Date.now());
    const reminders = (await t.emails()).slice(before);
    expect(reminders.map((e) => e.to[0]).sort()).toEqual(['ann@example.com', 'bob@example.com']);
    expect(alertsOf('ann@example.com').at(-1)).toEqual({ kind: 'hearing', origin: 'server' });
  });

  it('checks one case on request, limited to 3 a minute per user', async () => {
    const path = `/api/v1/cases/${encodeURIComponent(DOE.key)}/check`;
    for (let i = 0; i < 3; i++) expect((await bob.post(path, {})).status).toBe(200);
    const limited = await bob.post(path, {});
    expect(limited.status).toBe(429);
    expect(limited.body.code).toBe('RATE_LIMITED');
  });
});
