// @vitest-environment node
// (Node's own fetch: the snapshot goes over real HTTP to the real backend, which is not a web page's CORS peer.)
import { createServer, type Server } from 'node:http';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AccountDeps } from '../../../../extension/entrypoints/background/account';
import { saveCase } from '../../../../extension/entrypoints/background/folder';
import { checkCase } from '../../../../extension/entrypoints/background/refresher';
import { saveSettings } from '../../../../extension/entrypoints/background/settings';
import { storageAccountStore } from '../../../../extension/lib/account/store';
import { DEFAULT_SETTINGS } from '../../../../extension/lib/protocol';
import { signedInUser } from '../../../support/accounts';
import type { ApiClient } from '../../../support/api-client';
import { startTestBackend, type TestBackend } from '../../../support/backend';
import { docketJson, E1, E2, E3, makeCtx, ok, SOURCE_NEW, type TestCtx } from '../support/ctx';

// The refresher hands each good docket of a tracked case to the sync server (POST
// /api/v1/cases/:key/snapshot), signed in only, once, and nothing the server does touches the refresh.

const KEY = 'CT22|22SL-CC00807';
const SNAPSHOT_PATH = `/api/v1/cases/${encodeURIComponent(KEY)}/snapshot`;

let t: TestBackend;
let ann: ApiClient;
let ctx: TestCtx;
/** Every request the extension sent to a sync server, with the status it got (null: no answer). */
let sent: { method: string; path: string; body: unknown; status: number | null }[];

/** The account deps the background uses, over Node's fetch, recording what is sent. */
const account = (): AccountDeps => ({
  store: storageAccountStore(),
  fetch: async (input, init) => {
    const url = new URL(String(input));
    const entry = { method: init?.method ?? 'GET', path: url.pathname, body: typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined, status: null as number | null };
    sent.push(entry);
    const res = await fetch(input, init);
    entry.status = res.status;
    return res;
  },
});

/** Signed in to `server` on this browser (as Ann, whose token the real backend issued). */
async function signedInTo(server: string): Promise<void> {
  await saveSettings(ctx, { ...DEFAULT_SETTINGS, serverUrl: server });
  await storageAccountStore().saveSession({ server, token: ann.token ?? '', email: 'ann@example.com' });
}

async function saveTracked(track = true): Promise<void> {
  await saveCase(ctx, { key: KEY, courtId: 'CT22', caseNumber: '22SL-CC00807', caption: 'JANE DOE V ACME CORP', fields: null, source: SOURCE_NEW, docket: null, track });
}

/** Refresh the case once (Case.net answers with `entries`) and wait for the deferred work. */
async function refresh(deps: AccountDeps, entries = [E2, E1]) {
  ctx.answers.length = 0;
  ctx.answers.push(ok(docketJson(entries)));
  const result = await checkCase(ctx, KEY, deps);
  await Promise.all(ctx.deferred);
  return result;
}

/** A sync server that answers every request with `status`, counting them. */
async function brokenServer(status: number): Promise<{ url: string; hits: () => number; close: () => Promise<void> }> {
  let hits = 0;
  const server: Server = createServer((req, res) => {
    hits += 1;
    req.resume();
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ code: 'INTERNAL', message: 'Internal error' }));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}`, hits: () => hits, close: () => new Promise((done) => server.close(() => done())) };
}

beforeAll(async () => {
  t = await startTestBackend();
  ann = await signedInUser(t, 'ann@example.com');
  // The server knows Ann tracks the case (as after a sync round).
  const push = await ann.post('/api/v1/sync/push', {
    clientId: 'ann-chrome-1',
    mutations: [{ id: 1, op: 'putCase', args: { key: KEY, courtId: 'CT22', caseNumber: '22SL-CC00807', caption: null, saved: true, tracked: true, source: SOURCE_NEW } }],
  });
  expect(push.status).toBe(200);
});
afterAll(async () => {
  await t?.close();
});
beforeEach(() => {
  fakeBrowser.reset();
  ctx = makeCtx();
  sent = [];
});

describe('refresher → server snapshot', () => {
  it('posts one snapshot of a tracked case after a good refresh while signed in, and the server takes it', async () => {
    await signedInTo(t.url);
    await saveTracked();
    const result = await refresh(account());
    expect(result).toMatchObject({ ok: true });
    const snapshots = sent.filter((r) => r.path === SNAPSHOT_PATH);
    expect(snapshots).toHaveLength(1);
    expect(snapshots[0]).toMatchObject({ method: 'POST', status: 200 });
    expect((snapshots[0]?.body as { entries: { title: string }[] }).entries.map((e) => e.title)).toEqual(['Summons Issued', 'Petition Filed']);

    // The next refresh sends the docket as read then, again once.
    ctx.clock.now += 60 * 60_000;
    expect(await refresh(account(), [E3, E2, E1])).toMatchObject({ ok: true, alerts: 1 });
    expect(sent.filter((r) => r.path === SNAPSHOT_PATH)).toHaveLength(2);
    expect((sent.at(-1)?.body as { entries: unknown[] }).entries).toHaveLength(3);
  });

  it('sends nothing when signed out, for a saved (untracked) case, or after a failed read', async () => {
    await saveTracked();
    expect(await refresh(account())).toMatchObject({ ok: true });
    expect(sent).toEqual([]);

    await signedInTo(t.url);
    ctx.answers.length = 0;
    ctx.answers.push(ok('<html><head><title>Case.net Maintenance</title></head><body><p>Case.net is currently unavailable due to scheduled maintenance.</p></body></html>'));
    expect(await checkCase(ctx, KEY, account())).toMatchObject({ ok: false });
    await Promise.all(ctx.deferred);
    expect(sent).toEqual([]);

    ctx = makeCtx();
    await signedInTo(t.url);
    await saveTracked(false);
    expect(await refresh(account())).toMatchObject({ ok: true });
    expect(sent).toEqual([]);
  });

  it('a 404 (the server does not know the case is tracked yet) is fine and not logged', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const bob = await signedInUser(t, 'bob@example.com');
      await saveSettings(ctx, { ...DEFAULT_SETTINGS, serverUrl: t.url });
      await storageAccountStore().saveSession({ server: t.url, token: bob.token ?? '', email: 'bob@example.com' });
      await saveTracked();
      expect(await refresh(account())).toMatchObject({ ok: true });
      expect(sent.filter((r) => r.path === SNAPSHOT_PATH).map((r) => r.status)).toEqual([404]);
      expect(warn).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
    }
  });

  it.each([
    ['answers 500', 500],
    ['is not there', null],
  ])('a sync server that %s never affects the refresh, and is tried once, not retried', async (_name, status) => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const broken = await brokenServer(status ?? 500);
    if (status === null) await broken.close();
    try {
      await signedInTo(broken.url);
      await saveTracked();
      const result = await refresh(account());
      expect(result).toEqual({ key: KEY, ok: true, message: 'No new docket entries.', alerts: 0 });
      const row = await ctx.db.cases.get(KEY);
      expect(row).toMatchObject({ lastError: null, lastCheckedBy: 'browser', failures: 0 });
      expect(await ctx.db.entries.count()).toBe(2);
      expect(sent.filter((r) => r.path === SNAPSHOT_PATH)).toHaveLength(1);
      await new Promise((r) => setTimeout(r, 200));
      expect(sent).toHaveLength(1);
      if (status !== null) expect(broken.hits()).toBe(1);
      expect(warn).toHaveBeenCalledTimes(1);
      expect(String(warn.mock.calls[0]?.[0])).toContain(KEY);
    } finally {
      warn.mockRestore();
      if (status !== null) await broken.close();
    }
  });
});
