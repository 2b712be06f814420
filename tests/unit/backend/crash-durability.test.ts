import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MutationInput } from '../../../shared/sync/protocol';
import { signedInUser } from '../../support/accounts';
import { ApiClient } from '../../support/api-client';
import { freePort } from '../../support/backend';
import { startFakeResend, type FakeResend } from '../../fakes/resend/server';

// The backend as its own process (the `npm run backend` entry point), killed with SIGKILL in the
// middle of a push storm: after a restart on the same libsql file, every push it acknowledged is there.

let resend: FakeResend;
let dir: string;
let port: number;
let child: ChildProcess | null = null;

async function startServer(): Promise<string> {
  const url = `http://127.0.0.1:${port}`;
  child = spawn(process.execPath, ['--import', 'tsx', 'backend/src/server.ts'], {
    env: {
      ...process.env,
      NODE_ENV: 'test',
      PORT: String(port),
      PUBLIC_URL: url,
      DATABASE_URL: `file:${join(dir, 'docketwatch.db')}`,
      RESEND_API_KEY: resend.apiKey,
      RESEND_BASE_URL: resend.url,
      LOG_LEVEL: 'silent',
      AUTH_RATE_LIMIT: '1000',
    },
    stdio: 'ignore',
  });
  for (let i = 0; i < 200; i++) {
    const up = await fetch(`${url}/healthz`).then((r) => r.ok, () => false);
    if (up) return url;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('backend did not start');
}

beforeAll(async () => {
  resend = await startFakeResend();
  dir = mkdtempSync(join(tmpdir(), 'dw-crash-'));
  port = await freePort();
});
afterAll(async () => {
  child?.kill('SIGKILL');
  await resend?.close();
  rmSync(dir, { recursive: true, force: true });
});

const caseOf = (client: number, id: number): MutationInput => {
  const number = `22SL-CC${client}${String(id).padStart(5, '0')}`;
  return { op: 'putCase', args: { key: `CT22|${number}`, courtId: 'CT22', caseNumber: number, caption: null, saved: true, tracked: false, source: null } };
};

describe('a backend killed with SIGKILL mid-push', () => {
  it('keeps every acknowledged push after a restart', async () => {
    const url = await startServer();
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
    child?.kill('SIGKILL');
    stop = true;
    await Promise.all(storm);
    expect(acked.reduce((a, b) => a + b, 0)).toBeGreaterThan(100);

    const again = await startServer();
    const api = new ApiClient(again);
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
