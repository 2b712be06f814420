import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MutationInput } from '../../../shared/sync/protocol';
import { signedInUser } from '../../support/accounts';
import { ApiClient } from '../../support/api-client';
import { spawnBackend, type BackendProcess } from '../../support/backend-process';
import { startFakeResend, type FakeResend } from '../../fakes/resend/server';

// The backend as its own process (the `npm run backend` entry point), killed with SIGKILL in the
// middle of a push storm: after a restart on the same libsql file, every push it acknowledged is there.

let resend: FakeResend;
let backend: BackendProcess | null = null;

beforeAll(async () => {
  resend = await startFakeResend();
});
afterAll(async () => {
  await backend?.cleanup();
  await resend?.close();
});

const caseOf = (client: number, id: number): MutationInput => {
  const number = `22SL-CC${client}${String(id).padStart(5, '0')}`;
  return { op: 'putCase', args: { key: `CT22|${number}`, courtId: 'CT22', caseNumber: number, caption: null, saved: true, tracked: false, source: null } };
};

describe('a backend killed with SIGKILL mid-push', () => {
  it('keeps every acknowledged push after a restart', async () => {
    backend = await spawnBackend({ env: { RESEND_API_KEY: resend.apiKey, RESEND_BASE_URL: resend.url, LOG_LEVEL: 'silent' } });
    const url = backend.url;
    const first = await signedInUser({ url, lastEmail: resend.lastEmail }, 'crash@example.com');
    const acked = [0, 0, 0, 0];
    let stop = false;
    const storm = acked.map(async (_, c) => {
      const api = new ApiClient(url);
      api.token = first.token;
      let next = 1;
      while (!stop) {
        const mutations = Array.from({ length: 20 }, (_, i) => ({ ...caseOf(c, next + i), id: next + i }));
        const res = await api.post('/api/v1/sync/push', { clientId: `storm-client-${c}`, mutations }).catch(() => null);
        if (!res) return; // the server died under this request: not acknowledged
        expect(res.status).toBe(200);
        acked[c] = Number(res.body.lastMutationId);
        next = acked[c] + 1;
      }
    });
    await new Promise((r) => setTimeout(r, 1_500));
    const killed = backend.kill('SIGKILL');
    stop = true;
    await killed;
    await Promise.all(storm);
    expect(acked.reduce((a, b) => a + b, 0)).toBeGreaterThan(100);

    await backend.start();
    const api = new ApiClient(backend.url);
    api.token = first.token;
    const keys = new Set<string>();
    let lastMutationIds: Record<string, number> = {};
    for (let cursor = 0; ; ) {
      const page = (await api.get(`/api/v1/sync/pull?cursor=${cursor}`)).body as { cursor: number; more: boolean; changes: { key: string }[]; lastMutationIds: Record<string, number> };
      for (const c of page.changes) keys.add(c.key);
      lastMutationIds = page.lastMutationIds;
      cursor = page.cursor;
      if (!page.more) break;
    }
    acked.forEach((last, c) => {
      expect(lastMutationIds[`storm-client-${c}`] ?? 0).toBeGreaterThanOrEqual(last);
      for (let id = 1; id <= last; id++) expect(keys.has((caseOf(c, id).args as { key: string }).key), `client ${c} mutation ${id}`).toBe(true);
    });
    // Each client's applied prefix is whole: no mutation after a missing one.
    for (const [client, last] of Object.entries(lastMutationIds)) {
      const c = Number(client.split('-').at(-1));
      for (let id = 1; id <= last; id++) expect(keys.has((caseOf(c, id).args as { key: string }).key)).toBe(true);
    }
  }, 60_000);
});
