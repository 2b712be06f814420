// @vitest-environment node
// (Node's own fetch: the extension talks over real HTTP to the real backend, which watches the Case.net simulator.)
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AccountDeps } from '../../../../extension/entrypoints/background/account';
import { serverCheckHandlers } from '../../../../extension/entrypoints/background/server-checks';
import { saveSettings } from '../../../../extension/entrypoints/background/settings';
import { enableSync } from '../../../../extension/entrypoints/background/sync/lifecycle';
import { SyncRunner } from '../../../../extension/entrypoints/background/sync/runner';
import { caseDetail } from '../../../../extension/entrypoints/background/views';
import { storageAccountStore } from '../../../../extension/lib/account/store';
import { DEFAULT_SETTINGS } from '../../../../extension/lib/protocol';
import { checkStatus } from '../../../../extension/lib/ui/format';
import { signedInUser } from '../../../support/accounts';
import type { ApiClient } from '../../../support/api-client';
import { startTestBackend, type TestBackend } from '../../../support/backend';
import { startCasenetSim, type CasenetSim } from '../../../fakes/casenet-sim/server';
import { fakeServer, json } from '../account/support/fake-server';
import { makeCtx, type TestCtx } from '../support/ctx';
import { KEY, saveTestCase } from '../sync/support';

// The server's own reads of the user's tracked cases reach each case row after a sync round
// (GET /api/v1/watch), and the status line says who checked last; "Check on server now" asks for one.

let sim: CasenetSim;
let t: TestBackend;
let ann: ApiClient;
let ctx: TestCtx;
let runner: SyncRunner;

const deps = (fetchImpl: typeof fetch = (input, init) => fetch(input, init)): AccountDeps => ({ store: storageAccountStore(), fetch: fetchImpl });
const control = (method: string, path: string, body?: unknown) => sim.control(method, path, body);
const poller = () => t.poller();
const statusLine = async () => checkStatus((await caseDetail(ctx, KEY)).summary, Date.now());

/** This browser signed in to `server` as Ann, with sync on and her tracked case in the folder. */
async function signedIn(server: string): Promise<void> {
  await saveSettings(ctx, { ...DEFAULT_SETTINGS, serverUrl: server });
  await storageAccountStore().saveSession({ server, token: ann.token ?? '', email: 'ann@example.com' });
  await saveTestCase(ctx, true);
  await enableSync(ctx);
}

beforeAll(async () => {
  sim = await startCasenetSim();
  t = await startTestBackend({ env: { CASENET_BASE_URL: sim.url, POLL_INTERVAL_SECONDS: '3600', POLL_SPACING_MS: '0', CASENET_TIMEOUT_MS: '2000' } });
  ann = await signedInUser(t, 'ann@example.com');
});
afterAll(async () => {
  await t?.close();
  await sim?.close();
});
beforeEach(async () => {
  fakeBrowser.reset();
  await control('DELETE', '/__sim/faults');
  // The folder's docket was read by this browser an hour ago (the test clock is the real one).
  ctx = makeCtx(Date.now() - 60 * 60_000);
  runner = new SyncRunner(ctx, { ...deps(), random: () => 0.5 });
});

describe('server check state after a sync round', () => {
  it('lands on the case row, and the status line says "by the server" when its read is newer', async () => {
    await signedIn(t.url);
    expect(await statusLine()).toBe('Checked 1 h ago by this browser');
    await runner.run(); // the server learns the case is tracked
    expect((await poller().checkNow(KEY))?.ok).toBe(true);

    await runner.run();
    const row = await ctx.db.cases.get(KEY);
    expect(row?.serverCheckedAt).toBeGreaterThan(Date.now() - 60_000);
    expect(row?.serverError).toBeNull();
    expect(await statusLine()).toBe('Checked just now by the server');

    // A failed server read: its reason, in plain words, on the same line.
    await control('POST', '/__sim/faults', { mode: 'maintenance', count: 1 });
    expect((await poller().checkNow(KEY))?.ok).toBe(false);
    await runner.run();
    expect(await statusLine()).toMatch(/^Checked just now by the server — could not read the docket: .*maintenance/i);

    // No longer tracked here: the server's state is dropped from the row with the next round.
    await ctx.db.cases.update(KEY, { tracked: false });
    await runner.run();
    expect(await ctx.db.cases.get(KEY)).toMatchObject({ serverCheckedAt: null, serverError: null });
    expect(await statusLine()).toBe('Checked 1 h ago by this browser');
  });

  it('a server without GET /api/v1/watch (or down for it) leaves sync and the rows alone', async () => {
    const server = fakeServer({
      'POST /api/v1/sync/push': (req) => json(200, { lastMutationId: (req.body as { mutations: { id: number }[] }).mutations.at(-1)?.id ?? 0, rejected: [] }),
      'GET /api/v1/sync/pull': () => json(200, { cursor: 1, more: false, changes: [], lastMutationIds: {} }),
      'GET /api/v1/watch': () => json(500, { code: 'INTERNAL', message: 'Internal error' }),
    });
    runner = new SyncRunner(ctx, { ...deps(server.fetch), random: () => 0.5 });
    await signedIn('http://127.0.0.1:8787');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await runner.run();
    expect(warn).toHaveBeenCalledTimes(1);
    warn.mockRestore();
    expect(await runner.state()).toMatchObject({ lastError: null, pending: 0 });
    expect(server.received.map((r) => `${r.method} ${r.path}`)).toContain('GET /api/v1/watch');
    expect((await ctx.db.cases.get(KEY))?.serverCheckedAt).toBeUndefined();
  });
});

describe('how often the check state is read', () => {
  it('a round after a local change reads it only when a minute has passed; any other round reads it', async () => {
    const server = fakeServer({
      'POST /api/v1/sync/push': (req) => json(200, { lastMutationId: (req.body as { mutations: { id: number }[] }).mutations.at(-1)?.id ?? 0, rejected: [] }),
      'GET /api/v1/sync/pull': () => json(200, { cursor: 1, more: false, changes: [], lastMutationIds: {} }),
      'GET /api/v1/watch': () => json(200, { watching: true, cases: [] }),
    });
    let now = Date.now();
    ctx = { ...ctx, now: () => now };
    runner = new SyncRunner(ctx, { ...deps(server.fetch), random: () => 0.5 });
    await signedIn('http://127.0.0.1:8787');
    const watchReads = () => server.received.filter((r) => r.path === '/api/v1/watch').length;
    await runner.run();
    expect(watchReads()).toBe(1);
    await runner.run({ light: true });
    await runner.run({ light: true });
    expect(watchReads()).toBe(1);
    now += 61_000;
    await runner.run({ light: true });
    expect(watchReads()).toBe(2);
    await runner.run(); // "Sync now", start-up, the alarm
    expect(watchReads()).toBe(3);
  });
});

describe('"Check on server now"', () => {
  it('has the server read the case now, answers its message and the case with the new status line', async () => {
    await signedIn(t.url);
    await runner.run();
    const { checkOnServer } = serverCheckHandlers(ctx, deps());
    const result = await checkOnServer({ key: KEY }, {});
    expect(result).toMatchObject({ ok: true, summary: { key: KEY, lastCheckedBy: 'server' } });
    expect(result.message).toMatch(/docket|baseline/i);
    expect(checkStatus(result.summary, Date.now())).toBe('Checked just now by the server');
  });

  it('fetches the alerts the check raised at once, not at the next sync round', async () => {
    await signedIn(t.url);
    await runner.run();
    const { checkOnServer } = serverCheckHandlers(ctx, deps(), () => runner.run());
    await checkOnServer({ key: KEY }, {}); // the server's baseline, if it has none yet
    expect((await control('POST', '/__sim/cases/SMPDB0010_CT22/22SL-CC00807/entries', { date: '2026-11-30', title: 'Order of Continuance' })).ok).toBe(true);
    const result = await checkOnServer({ key: KEY }, {});
    expect(result.message).toBe('1 docket change.');
    expect((await ctx.db.alerts.toArray()).map((a) => a.title)).toContain('Order of Continuance');
  });

  it('says "try again in N s" past 3 checks a minute', async () => {
    const server = fakeServer({ [`POST /api/v1/cases/${encodeURIComponent(KEY)}/check`]: () => json(429, { code: 'RATE_LIMITED', message: 'Too many checks; try again in 42 s.', retryAfter: 42 }) });
    await signedIn('http://127.0.0.1:8787');
    await expect(serverCheckHandlers(ctx, deps(server.fetch)).checkOnServer({ key: KEY }, {})).rejects.toThrow('try again in 42 s');
  });

  it('says when the server does not watch Case.net (503)', async () => {
    const off = await startTestBackend();
    try {
      const carol = await signedInUser(off, 'carol@example.com');
      await saveSettings(ctx, { ...DEFAULT_SETTINGS, serverUrl: off.url });
      await storageAccountStore().saveSession({ server: off.url, token: carol.token ?? '', email: 'carol@example.com' });
      await saveTestCase(ctx, true);
      await enableSync(ctx);
      await runner.run();
      await expect(serverCheckHandlers(ctx, deps()).checkOnServer({ key: KEY }, {})).rejects.toThrow(/This server does not watch Case.net/);
    } finally {
      await off.close();
    }
  });

  it('asks to sign in first, and refuses a case that is not tracked', async () => {
    await saveTestCase(ctx, true);
    await expect(serverCheckHandlers(ctx, deps()).checkOnServer({ key: KEY }, {})).rejects.toThrow('Sign in to ask the server to check this case.');
    await saveTestCase(ctx, false, 'CT22|22SL-CC00999');
    await expect(serverCheckHandlers(ctx, deps()).checkOnServer({ key: 'CT22|22SL-CC00999' }, {})).rejects.toThrow('Only a tracked case can be checked on the server.');
  });
});
