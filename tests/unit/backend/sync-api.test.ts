import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_CASES_PER_USER } from '../../../backend/src/cases/case-store';
import { syncOnce } from '../../../shared/sync/engine';
import type { MutationInput } from '../../../shared/sync/protocol';
import { signedInUser, signInOnNewBrowser } from '../../support/accounts';
import type { ApiClient } from '../../support/api-client';
import { startTestBackend, type TestBackend } from '../../support/backend';
import { MemoryReplica } from '../../support/memory-replica';
import { httpTransport } from '../../support/sync-transport';

// The sync routes through the real server: at-most-once pushes, gaps, tombstones, merge rules,
// paging and bounds.
let t: TestBackend;
beforeAll(async () => {
  t = await startTestBackend();
});
afterAll(async () => {
  await t?.close();
});

const K = 'CT22|22SL-CC00807';
const put = (key = K, extra: Partial<Extract<MutationInput, { op: 'putCase' }>['args']> = {}): MutationInput => {
  const [courtId = '', caseNumber = ''] = key.split('|');
  return { op: 'putCase', args: { key, courtId, caseNumber, caption: 'State v. Doe', saved: true, tracked: true, source: null, ...extra } };
};
const numbered = (ms: MutationInput[], first = 1) => ms.map((m, i) => ({ ...m, id: first + i }));
let n = 0;
const freshUser = () => signedInUser(t, `sync-api-${++n}@example.com`);
const pull = async (api: ApiClient, cursor = 0) => (await api.get(`/api/v1/sync/pull?cursor=${cursor}`)).body as { cursor: number; more: boolean; changes: { type: string; key?: string; value?: { note: string } }[]; lastMutationIds: Record<string, number> };

describe('push', () => {
  it('applies each mutation once: a replayed push is a no-op, and pull reports the client’s last id', async () => {
    const api = await freshUser();
    const body = { clientId: 'chrome-profile-1', mutations: numbered([put(), { op: 'setNote', args: { key: K, note: 'first' } }]) };
    expect((await api.post('/api/v1/sync/push', body)).body).toEqual({ lastMutationId: 2, rejected: [] });
    const before = await pull(api);
    expect((await api.post('/api/v1/sync/push', body)).body).toEqual({ lastMutationId: 2, rejected: [] });
    const after = await pull(api);
    expect(after.cursor).toBe(before.cursor);
    expect(after.lastMutationIds).toEqual({ 'chrome-profile-1': 2 });
    expect(after.changes).toHaveLength(1);
    expect(after.changes[0]).toMatchObject({ type: 'case', key: K, value: { note: 'first', caption: 'State v. Doe', tracked: true } });
  });

  it('refuses a gap with 409 MUTATION_GAP and the last applied id, applying nothing', async () => {
    const api = await freshUser();
    await api.post('/api/v1/sync/push', { clientId: 'firefox-1', mutations: numbered([put()]) });
    const gap = await api.post('/api/v1/sync/push', { clientId: 'firefox-1', mutations: numbered([{ op: 'setNote', args: { key: K, note: 'lost?' } }], 5) });
    expect(gap.status).toBe(409);
    expect(gap.body).toMatchObject({ code: 'MUTATION_GAP', lastMutationId: 1 });
    expect((await pull(api)).changes[0]?.value?.note).toBe('');
  });

  it('refuses a malformed mutation with 400 naming it, applying none of the push', async () => {
    const api = await freshUser();
    const bad = await api.post('/api/v1/sync/push', { clientId: 'c-123456', mutations: [{ id: 1, ...put() }, { id: 2, op: 'setNote', args: { key: 'not a key', note: 'x' } }] });
    expect(bad.status).toBe(400);
    expect(String(bad.body.message)).toMatch(/mutations\.1/);
    const notConsecutive = await api.post('/api/v1/sync/push', { clientId: 'c-123456', mutations: [{ id: 1, ...put() }, { id: 3, ...put() }] });
    expect(notConsecutive.status).toBe(400);
    // Text the database would not give back as sent (a NUL cuts it short) is refused, not mangled.
    const nul = await api.post('/api/v1/sync/push', { clientId: 'c-123456', mutations: [{ id: 1, ...put() }, { id: 2, op: 'setNote', args: { key: K, note: 'before\u0000after' } }] });
    expect(nul.status).toBe(400);
    expect(String(nul.body.message)).toMatch(/NUL/);
    expect((await pull(api)).changes).toEqual([]);
  });
});

describe('merge rules', () => {
  it('a removal wins over a later edit, and the editing browser still learns of the removal', async () => {
    const email = `merge-${++n}@example.com`;
    const chrome = new MemoryReplica('chrome-aaaa');
    const firefox = new MemoryReplica('firefox-bbbb');
    const chromeApi = httpTransport(await signedInUser(t, email));
    const firefoxApi = httpTransport(await signInOnNewBrowser(t, email));
    chrome.change(put());
    await syncOnce(chrome, chromeApi);
    await syncOnce(firefox, firefoxApi);
    expect(firefox.folder.cases.has(K)).toBe(true);

    chrome.change({ op: 'removeCase', args: { key: K } });
    await syncOnce(chrome, chromeApi);
    // Firefox edits the note while the removal is on its way: its pull must not undo the pending edit…
    firefox.change({ op: 'setNote', args: { key: K, note: 'call the clerk' } });
    const page = await firefoxApi.pull(await firefox.cursor());
    expect(page.changes).toEqual([expect.objectContaining({ type: 'caseRemoved', key: K })]);
    await firefox.applyPulled(page.changes, page.cursor);
    expect(firefox.folder.cases.get(K)?.note).toBe('call the clerk');
    // …and once the edit reaches the server, the case stays removed everywhere.
    await syncOnce(firefox, firefoxApi);
    await syncOnce(chrome, chromeApi);
    expect(firefox.folder.cases.has(K)).toBe(false);
    expect(chrome.folder.cases.has(K)).toBe(false);
  });

  it('concurrent notes: the later arrival wins for that field only', async () => {
    const email = `fields-${++n}@example.com`;
    const a = new MemoryReplica('a-browser');
    const b = new MemoryReplica('b-browser');
    const aApi = httpTransport(await signedInUser(t, email));
    const bApi = httpTransport(await signInOnNewBrowser(t, email));
    a.change(put());
    await syncOnce(a, aApi);
    await syncOnce(b, bApi);
    a.change({ op: 'setNote', args: { key: K, note: 'from A' } });
    b.change({ op: 'setNote', args: { key: K, note: 'from B' } });
    b.change({ op: 'setTags', args: { key: K, tags: ['urgent'] } });
    a.change({ op: 'setFlags', args: { key: K, tracked: false } });
    await syncOnce(a, aApi);
    await syncOnce(b, bApi);
    await syncOnce(a, aApi);
    for (const r of [a, b]) expect(r.folder.cases.get(K)).toMatchObject({ note: 'from B', tags: ['urgent'], tracked: false, saved: true });
  });

  it('an explicit save brings a removed case back, with a clean note', async () => {
    const api = await freshUser();
    const ms = numbered([put(), { op: 'setNote', args: { key: K, note: 'old' } }, { op: 'removeCase', args: { key: K } }]);
    await api.post('/api/v1/sync/push', { clientId: 'client-xyz1', mutations: ms });
    expect((await pull(api)).changes).toEqual([expect.objectContaining({ type: 'caseRemoved', key: K })]);
    await api.post('/api/v1/sync/push', { clientId: 'client-xyz1', mutations: numbered([{ op: 'setNote', args: { key: K, note: 'ignored' } }, put()], 4) });
    expect((await pull(api)).changes).toEqual([expect.objectContaining({ type: 'case', key: K, value: expect.objectContaining({ note: '' }) })]);
    expect((await api.get('/api/v1/cases')).body.cases).toHaveLength(1);
  });

  it('the REST API and sync see the same folder (a REST delete is a tombstone for sync)', async () => {
    const api = await freshUser();
    await api.put(`/api/v1/cases/${encodeURIComponent(K)}`, { courtId: 'CT22', caseNumber: '22SL-CC00807', saved: true, tracked: false, note: 'via REST' });
    const first = await pull(api);
    expect(first.changes[0]).toMatchObject({ type: 'case', value: { note: 'via REST' } });
    expect((await api.delete(`/api/v1/cases/${encodeURIComponent(K)}`)).status).toBe(204);
    expect((await pull(api, first.cursor)).changes).toEqual([expect.objectContaining({ type: 'caseRemoved', key: K })]);
  });
});

describe('pull', () => {
  it('pages with `more` and a cursor, oldest change first', async () => {
    const api = await freshUser();
    const keys = ['CT22|22SL-CC00001', 'CT22|22SL-CC00002', 'CT22|22SL-CC00003', 'CT22|22SL-CC00004', 'CT22|22SL-CC00005'];
    await api.post('/api/v1/sync/push', { clientId: 'pager-001', mutations: numbered(keys.map((k) => put(k))) });
    const seen: string[] = [];
    let cursor = 0;
    for (;;) {
      const page = (await api.get(`/api/v1/sync/pull?cursor=${cursor}&limit=2`)).body as { cursor: number; more: boolean; changes: { key: string }[] };
      seen.push(...page.changes.map((c) => c.key));
      cursor = page.cursor;
      if (!page.more) break;
    }
    expect(seen).toEqual(keys);
    expect((await pull(api, cursor)).changes).toEqual([]);
  });
});

describe('bounds', () => {
  it(`refuses a case beyond ${MAX_CASES_PER_USER.toLocaleString('en-US')} per user, and says so, without blocking the client`, async () => {
    const api = await freshUser();
    const userId = String((await api.get('/api/v1/me')).body.id);
    const db = t.backend.services.db;
    const insert = db.prepare(
      `INSERT INTO user_case (user_id, case_key, court_id, case_number, caption, saved, tracked, note, tags, created_at, updated_at, version) VALUES (?, ?, 'CT22', ?, NULL, 1, 0, '', '[]', 0, 0, 0)`,
    );
    db.exec('BEGIN');
    for (let i = 0; i < MAX_CASES_PER_USER; i++) {
      const number = `22SL-CC${String(i).padStart(6, '0')}`;
      insert.run(userId, `CT22|${number}`, number);
    }
    db.exec('COMMIT');
    const res = await api.post('/api/v1/sync/push', { clientId: 'full-folder', mutations: numbered([put('CT13|14BA-CV01093'), put('CT22|22SL-CC000001', { caption: 'still editable' })]) });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ lastMutationId: 2, rejected: [{ id: 1, code: 'LIMIT_REACHED' }] });
    const rest = await api.put(`/api/v1/cases/${encodeURIComponent('CT13|14BA-CV01093')}`, { courtId: 'CT13', caseNumber: '14BA-CV01093', saved: true, tracked: true });
    expect(rest.status).toBe(409);
    expect(rest.body.code).toBe('LIMIT_REACHED');
  });
});
