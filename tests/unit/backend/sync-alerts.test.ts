import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { currentVersion } from '../../../backend/src/sync/version';
import { createAlerts } from '../../../backend/src/watch/alerts';
import { DEFAULT_PREFS } from '../../../shared/api/prefs';
import { fingerprintEntries } from '../../../shared/casenet/fingerprint';
import type { DocketEntry } from '../../../shared/casenet/types';
import { PullResponse, type Change } from '../../../shared/sync/protocol';
import { signedInUser } from '../../support/accounts';
import type { ApiClient } from '../../support/api-client';
import { startTestBackend, type TestBackend } from '../../support/backend';
import { startCasenetSim, type CasenetSim } from '../../fakes/casenet-sim/server';
import { DOE } from '../../fakes/casenet-sim/seed';

// Alerts the server raises (its poller, a browser's snapshot) reach every browser of their user
// through sync pull, once each, under the id the extension gives the same entry; handing one to a
// browser records its browser delivery as sent to that client.

vi.setConfig({ testTimeout: 30_000, hookTimeout: 60_000 });

let sim: CasenetSim;
let t: TestBackend;
let ann: ApiClient;
let bob: ApiClient;

const db = () => t.backend.services.db;
const control = (method: string, path: string, body?: unknown) => sim.control(method, path, body);
async function pollNow() {
  db().prepare('UPDATE watched_case SET next_check_at = 0').run();
  return t.poller().pollDue();
}
const putCase = (key: string) => {
  const [courtId = '', caseNumber = ''] = key.split('|');
  return { op: 'putCase', args: { key, courtId, caseNumber, caption: null, saved: true, tracked: true, source: key === DOE.key ? DOE.source : null } };
};
const lastMutation = new Map<string, number>();
async function push(api: ApiClient, clientId: string, ops: Record<string, unknown>[]): Promise<void> {
  const last = lastMutation.get(clientId) ?? 0;
  const res = await api.post('/api/v1/sync/push', { clientId, mutations: ops.map((m, i) => ({ id: last + i + 1, ...m })) });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  lastMutation.set(clientId, last + ops.length);
}
const userId = async (api: ApiClient) => String((await api.get('/api/v1/me')).body.id);

/** Every page from `cursor` on, `limit` changes at a time, checked against the protocol. */
async function pullAll(api: ApiClient, opts: { cursor?: number; limit?: number; clientId?: string } = {}): Promise<{ changes: Change[]; cursor: number; pages: number }> {
  let cursor = opts.cursor ?? 0;
  const changes: Change[] = [];
  for (let pages = 1; ; pages++) {
    const query = `cursor=${cursor}${opts.limit ? `&limit=${opts.limit}` : ''}${opts.clientId ? `&clientId=${opts.clientId}` : ''}`;
    const res = await api.get(`/api/v1/sync/pull?${query}`);
    expect(res.status).toBe(200);
    const page = PullResponse.parse(res.body);
    changes.push(...page.changes);
    cursor = page.cursor;
    if (!page.more) return { changes, cursor, pages };
  }
}
const alertsIn = (changes: Change[]) => changes.flatMap((c) => (c.type === 'alert' ? [c] : []));

type Delivery = { channel: string; status: string; providerId: string | null; tries: number; attempts: { outcome: string; providerId: string | null }[] };
async function browserDelivery(api: ApiClient, entryTitle: string): Promise<Delivery | undefined> {
  const list = (await api.get('/api/v1/notifications')).body.notifications as { entry: DocketEntry; deliveries: Delivery[] }[];
  return list.find((n) => n.entry.title === entryTitle)?.deliveries.find((d) => d.channel === 'browser');
}

beforeAll(async () => {
  sim = await startCasenetSim();
  t = await startTestBackend({ env: { CASENET_BASE_URL: sim.url, POLL_INTERVAL_SECONDS: '60', POLL_SPACING_MS: '0', CASENET_TIMEOUT_MS: '1000', NOTIFY_INTERVAL_MS: '0' } });
  ann = await signedInUser(t, 'ann-alerts@example.com');
  bob = await signedInUser(t, 'bob-alerts@example.com');
  const withBrowser = structuredClone(DEFAULT_PREFS);
  withBrowser.channels.browser.enabled = true;
  expect((await ann.put('/api/v1/prefs', withBrowser)).status).toBe(200);
  await push(ann, 'ann-chrome-1', [putCase(DOE.key)]);
  await push(bob, 'bob-firefox-1', [putCase(DOE.key)]);
  await pollNow(); // the baseline: no alerts
});
afterAll(async () => {
  await t?.close();
  await sim?.close();
});

describe('alerts in sync pull', () => {
  it('an entry the poller finds reaches each follower once, under the extension’s id; the browser delivery becomes sent to the pulling client', async () => {
    expect((await control('POST', `${DOE.simPath}/entries`, { date: '2026-11-25', title: 'Motion to Dismiss Filed' })).status).toBeLessThan(300);
    expect((await pollNow())[0]).toMatchObject({ ok: true, alerts: 2 });

    const docket = t.backend.services.watch.store.entries(DOE.key) ?? [];
    const index = docket.findIndex((e) => e.title === 'Motion to Dismiss Filed');
    const expectedId = `${DOE.key}|${fingerprintEntries(docket)[index]}|new`;

    const annPull = await pullAll(ann, { clientId: 'ann-chrome-1' });
    expect(alertsIn(annPull.changes)).toEqual([
      expect.objectContaining({ alertId: expectedId, caseKey: DOE.key, kind: 'new', date: '2026-11-25', title: 'Motion to Dismiss Filed', scheduledFor: null, origin: 'server', notify: true }),
    ]);
    // Bob follows the case too: his own alert, same id; he has browser notifications off.
    expect(alertsIn((await pullAll(bob)).changes)).toEqual([expect.objectContaining({ alertId: expectedId, notify: false })]);

    expect(await browserDelivery(ann, 'Motion to Dismiss Filed')).toMatchObject({ status: 'sent', providerId: 'ann-chrome-1', tries: 1, attempts: [{ outcome: 'sent', providerId: 'ann-chrome-1' }] });
    expect(await browserDelivery(bob, 'Motion to Dismiss Filed')).toBeUndefined();

    // Nothing new after the cursor; a second browser still gets the alert from 0, and the delivery
    // stays as the first browser's.
    expect(alertsIn((await pullAll(ann, { cursor: annPull.cursor, clientId: 'ann-chrome-1' })).changes)).toEqual([]);
    expect(alertsIn((await pullAll(ann, { clientId: 'ann-firefox-1' })).changes).map((a) => a.alertId)).toEqual([expectedId]);
    expect(await browserDelivery(ann, 'Motion to Dismiss Filed')).toMatchObject({ status: 'sent', providerId: 'ann-chrome-1', tries: 1, attempts: [{ outcome: 'sent' }] });
  });

  it('a browser snapshot alerts only its sender: only the sender’s pull carries it', async () => {
    const [annFrom, bobFrom] = [(await pullAll(ann)).cursor, (await pullAll(bob)).cursor];
    const entries = (t.backend.services.watch.store.entries(DOE.key) ?? []).concat([{ date: '2026-11-27', title: 'Seen first by Ann', text: null, filedBy: null, onBehalfOf: null, scheduledFor: null, sequence: null }]);
    expect((await ann.post(`/api/v1/cases/${encodeURIComponent(DOE.key)}/snapshot`, { entries })).body).toMatchObject({ accepted: true, alerts: 1 });
    expect(alertsIn((await pullAll(ann, { cursor: annFrom, clientId: 'ann-chrome-1' })).changes)).toEqual([
      expect.objectContaining({ title: 'Seen first by Ann', origin: 'browser', notify: true }),
    ]);
    expect(alertsIn((await pullAll(bob, { cursor: bobFrom })).changes)).toEqual([]);
  });

  it('keeps every change exactly once, in version order, across page boundaries; a repeat alert takes no version', async () => {
    const carol = await signedInUser(t, 'carol-alerts@example.com');
    const carolId = await userId(carol);
    const keys = ['CT22|22SL-CC00001', 'CT22|22SL-CC00002', 'CT22|22SL-CC00003'];
    const entry = (i: number): DocketEntry => ({ date: '2026-11-20', title: `Entry ${i}`, text: null, filedBy: null, onBehalfOf: null, scheduledFor: null, sequence: null });
    const raise = (key: string, from: number, n: number) =>
      createAlerts(db(), key, Array.from({ length: n }, (_, i) => ({ kind: 'new' as const, fingerprint: `fp-${from + i}`, entry: entry(from + i), previous: null })), [carolId], 'server', Date.now());

    await push(carol, 'carol-chrome-1', [putCase(keys[0]!), putCase(keys[1]!)]);
    expect(raise(keys[0]!, 0, 3)).toHaveLength(3);
    await push(carol, 'carol-chrome-1', [{ op: 'setNote', args: { key: keys[0], note: 'after the first alerts' } }, putCase(keys[2]!)]);
    expect(raise(keys[1]!, 3, 2)).toHaveLength(2);
    await push(carol, 'carol-chrome-1', [{ op: 'markRead', args: { alertId: `${keys[0]}|fp-1|new`, readAt: 5 } }]);
    expect(raise(keys[2]!, 5, 1)).toHaveLength(1);
    const before = currentVersion(db(), carolId);
    expect(raise(keys[0]!, 0, 3)).toEqual([]); // already raised: no alert, no version
    expect(currentVersion(db(), carolId)).toBe(before);

    const whole = await pullAll(carol);
    expect(whole.pages).toBe(1);
    expect(alertsIn(whole.changes).map((a) => a.fingerprint)).toEqual(['fp-0', 'fp-1', 'fp-2', 'fp-3', 'fp-4', 'fp-5']);
    const versions = whole.changes.map((c) => c.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
    expect(whole.cursor).toBe(before);
    for (const limit of [1, 2, 3, 5]) {
      const paged = await pullAll(carol, { limit });
      expect(paged.changes, `limit ${limit}`).toEqual(whole.changes);
      expect(paged.cursor).toBe(whole.cursor);
      expect(paged.pages).toBeGreaterThan(1);
    }

    // A removed case takes its alerts out of later pulls (every browser dropped them with the case).
    await push(carol, 'carol-chrome-1', [{ op: 'removeCase', args: { key: keys[1] } }]);
    expect(alertsIn((await pullAll(carol)).changes).map((a) => a.fingerprint)).toEqual(['fp-0', 'fp-1', 'fp-2', 'fp-5']);
  });
});
