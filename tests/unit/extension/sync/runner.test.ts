import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { accountHandlers, SIGNED_OUT_NOTICE } from '../../../../extension/entrypoints/background/account';
import { updateCase } from '../../../../extension/entrypoints/background/folder';
import { syncEnabled } from '../../../../extension/entrypoints/background/sync/state';
import { SyncRunner } from '../../../../extension/entrypoints/background/sync/runner';
import { storageAccountStore } from '../../../../extension/lib/account/store';
import type { Change, Mutation, PushRequest } from '../../../../shared/sync/protocol';
import { fakeServer, json } from '../account/support/fake-server';
import { makeCtx, type TestCtx } from '../support/ctx';
import { KEY, saveTestCase } from './support';

const USER = { id: 'u1', email: 'ann@example.com', emailVerified: true };

/**
 * A fake sync server on the fake fetch: applies pushes at most once per id (409 MUTATION_GAP on a
 * gap, like the real one) and answers pulls with `changes`. `down` makes every sync request fail.
 */
function syncServer() {
  const server = fakeServer({
    'POST /api/auth/sign-in/email': () => json(200, { token: 'tok-1', user: USER }),
    'GET /api/v1/me': () => json(200, USER),
  });
  const sync = { applied: [] as Mutation[], pushes: [] as PushRequest[], last: 0, changes: [] as Change[], down: null as null | (() => Response | Promise<Response>), inFlight: 0, maxInFlight: 0 };
  const track = async (answer: () => Response | Promise<Response>) => {
    sync.inFlight += 1;
    sync.maxInFlight = Math.max(sync.maxInFlight, sync.inFlight);
    await new Promise((r) => setImmediate(r));
    try {
      return await (sync.down ?? answer)();
    } finally {
      sync.inFlight -= 1;
    }
  };
  server.routes['POST /api/v1/sync/push'] = (req) =>
    track(() => {
      const body = req.body as PushRequest;
      sync.pushes.push(body);
      const first = body.mutations[0]?.id ?? sync.last + 1;
      if (first > sync.last + 1) return json(409, { code: 'MUTATION_GAP', message: 'Gap.', lastMutationId: sync.last });
      for (const m of body.mutations) if (m.id > sync.last) sync.applied.push(m);
      sync.last = Math.max(sync.last, body.mutations.at(-1)?.id ?? 0);
      return json(200, { lastMutationId: sync.last, rejected: [] });
    });
  server.routes['GET /api/v1/sync/pull'] = () => track(() => json(200, { cursor: 10, more: false, changes: sync.changes, lastMutationIds: {} }));
  // After each round: the server's own check state of the tracked cases (none read here).
  server.routes['GET /api/v1/watch'] = () => json(200, { watching: false, cases: [] });
  return { ...server, sync };
}

let ctx: TestCtx;
let server: ReturnType<typeof syncServer>;
let runner: SyncRunner;
let account: ReturnType<typeof accountHandlers>;
const store = () => storageAccountStore();

beforeEach(() => {
  fakeBrowser.reset();
  ctx = makeCtx();
  server = syncServer();
  account = accountHandlers(ctx, { fetch: server.fetch, store: store() });
  runner = new SyncRunner(ctx, { fetch: server.fetch, store: store(), random: () => 0.5 });
});
afterEach(() => {
  vi.useRealTimers();
});

const signIn = () => account.signIn({ email: 'ann@example.com', password: 'Secret123' }, {});

describe('sign-in merges this browser’s folder into the account', () => {
  it('queues every case (note and tags when set) and the settings, says how many, and sends them in one round', async () => {
    await saveTestCase(ctx, true);
    await updateCase(ctx, { key: KEY, note: 'Hearing prep', tags: ['client'] });
    await saveTestCase(ctx, false, 'CT22|22SL-CC00999');
    expect(await signIn()).toMatchObject({ status: 'signedIn', account: { notice: '2 cases from this browser were added to your account.' } });
    expect((await ctx.db.outbox.toArray()).map((m) => m.op)).toEqual(['putCase', 'setNote', 'setTags', 'putCase', 'setSettings']);

    await runner.run();
    // A sign-in is a new client for the server: its ids start at 1, nothing is mistaken for a replay.
    expect(server.sync.pushes.map((p) => p.mutations[0]?.id)).toEqual([1]);
    expect(server.sync.applied.map((m) => [m.id, m.op])).toEqual([[1, 'putCase'], [2, 'setNote'], [3, 'setTags'], [4, 'putCase'], [5, 'setSettings']]);
    expect(await runner.state()).toMatchObject({ enabled: true, pending: 0, lastError: null, lastSyncedAt: ctx.clock.now, merged: 2 });

    // Later changes follow on from the server's numbering.
    await updateCase(ctx, { key: KEY, note: 'Call the clerk' });
    await runner.run();
    expect(server.sync.applied.at(-1)).toEqual({ id: 6, op: 'setNote', args: { key: KEY, note: 'Call the clerk' } });
  });

  it('pulls the account’s folder into this browser and recounts the badge', async () => {
    await signIn();
    server.sync.changes = [{ type: 'case', key: 'CT22|22SL-CC00999', version: 3, value: { courtId: 'CT22', caseNumber: '22SL-CC00999', caption: 'STATE V DOE', saved: true, tracked: false, note: '', tags: [], source: null } }];
    await runner.run();
    expect(await ctx.db.cases.get('CT22|22SL-CC00999')).toMatchObject({ caption: 'STATE V DOE' });
    expect((await runner.state()).pulledAt).toBe(ctx.clock.now);
    expect(ctx.badge.at(-1)).toBe(0);
  });

  it('sign-out stops sync and drops the queue; the folder stays', async () => {
    await saveTestCase(ctx, true);
    await signIn();
    server.routes['POST /api/auth/sign-out'] = () => json(200, { success: true });
    await account.signOut({}, {});
    expect(await ctx.db.outbox.count()).toBe(0);
    expect(await runner.state()).toMatchObject({ enabled: false, lastError: null });
    await updateCase(ctx, { key: KEY, note: 'offline only' });
    await runner.run();
    expect(server.sync.pushes).toEqual([]);
    expect(await ctx.db.cases.count()).toBe(1);
  });
});

describe('worker start', () => {
  it('a browser signed in before sync existed joins it: its folder is merged and sent', async () => {
    await saveTestCase(ctx, true);
    await store().saveSession({ server: 'http://127.0.0.1:8787', token: 'tok-1', email: USER.email });
    await runner.start();
    expect(server.sync.applied.map((m) => m.op)).toEqual(['putCase', 'setSettings']);
    expect(await runner.state()).toMatchObject({ enabled: true, merged: 1, pending: 0 });
    // Signed out by choice later: a restart does not turn sync back on.
    await account.signOut({}, {});
    await runner.start();
    expect(await syncEnabled(ctx.db)).toBe(false);
  });
});

describe('sync rounds', () => {
  it('a refused token signs this browser out: token forgotten, sync off, the user told why', async () => {
    await saveTestCase(ctx, true);
    await signIn();
    server.sync.down = () => json(401, { code: 'UNAUTHORIZED', message: 'Sign in again.' });
    await runner.run();
    expect(await store().session()).toBeNull();
    expect(await syncEnabled(ctx.db)).toBe(false);
    expect(await runner.state()).toMatchObject({ enabled: false, pending: 0, lastError: SIGNED_OUT_NOTICE });
    expect(await account.getAccount({}, {})).toMatchObject({ signedIn: false, notice: SIGNED_OUT_NOTICE });
    expect(await ctx.db.cases.count()).toBe(1);
  });

  it('retries a failed round with growing, jittered delays, and keeps the changes until one succeeds', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    await saveTestCase(ctx, true);
    await signIn();
    server.sync.down = () => Promise.reject(new TypeError('Failed to fetch'));
    await runner.run();
    expect(await runner.state()).toMatchObject({ pending: 2, lastError: 'Cannot reach the sync server at http://127.0.0.1:8787.', lastSyncedAt: null });
    const attempts = () => server.received.filter((r) => r.path === '/api/v1/sync/push').length;
    expect(attempts()).toBe(1);

    // random 0.5: the first retry comes after 2.5 s (half of 5 s), the next after 5 s (half of 10 s).
    await vi.advanceTimersByTimeAsync(2_499);
    expect(attempts()).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    await runner.idle();
    expect(attempts()).toBe(2);
    // A local change meanwhile does not cut the wait short.
    await updateCase(ctx, { key: KEY, note: 'x' });
    runner.soon();
    await vi.advanceTimersByTimeAsync(4_999);
    expect(attempts()).toBe(2);

    server.sync.down = null;
    await vi.advanceTimersByTimeAsync(1);
    await runner.idle();
    expect(attempts()).toBe(3); // the push that now gets through
    expect(server.sync.applied.map((m) => m.op)).toEqual(['putCase', 'setSettings', 'setNote']);
    expect(await runner.state()).toMatchObject({ pending: 0, lastError: null, lastSyncedAt: ctx.clock.now });
  });

  it('does not retry by itself what the server refuses as wrong', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    await signIn();
    server.sync.down = () => json(400, { code: 'INVALID_INPUT', message: 'mutations.0: bad.' });
    await runner.run();
    expect((await runner.state()).lastError).toBe('mutations.0: bad.');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('never runs two rounds at once: asking during a round runs one more after it', async () => {
    await signIn();
    const first = runner.run();
    const second = runner.run();
    const third = runner.run();
    await Promise.all([first, second, third]);
    expect(server.sync.maxInFlight).toBe(1);
    expect(server.received.filter((r) => r.path === '/api/v1/sync/pull')).toHaveLength(2);
  });

  it('debounces local changes into one round about a second later', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    await signIn();
    runner.soon();
    await vi.advanceTimersByTimeAsync(500);
    runner.soon();
    await vi.advanceTimersByTimeAsync(999);
    expect(server.received.some((r) => r.path.startsWith('/api/v1/sync/'))).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await runner.idle();
    expect(server.received.filter((r) => r.path === '/api/v1/sync/pull')).toHaveLength(1);
  });
});
