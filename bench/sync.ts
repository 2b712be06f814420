import { performance } from 'node:perf_hooks';
import { currentVersion } from '../backend/src/sync/version';
import { syncOnce } from '../shared/sync/engine';
import { PULL_PAGE, type Mutation } from '../shared/sync/protocol';
import { signedInUser } from '../tests/support/accounts';
import type { ApiClient } from '../tests/support/api-client';
import { startTestBackend } from '../tests/support/backend';
import { MemoryReplica } from '../tests/support/memory-replica';
import { httpTransport } from '../tests/support/sync-transport';
import { percentile, type Row } from './row';

const CASES = 10_000;

const numberOf = (i: number) => `22SL-CC${String(i).padStart(6, '0')}`;
const putCase = (i: number, id: number): Mutation => {
  const caseNumber = numberOf(i);
  return { id, op: 'putCase', args: { key: `CT22|${caseNumber}`, courtId: 'CT22', caseNumber, caption: `PLAINTIFF ${i} V DEFENDANT ${i}`, saved: true, tracked: i % 2 === 0, source: null } };
};

/** Give the user `n` tracked/saved cases through sync pushes of 500. */
export async function seedCases(api: ApiClient, n: number): Promise<void> {
  let id = 0;
  for (let i = 0; i < n; i += 500) {
    const mutations = Array.from({ length: Math.min(500, n - i) }, (_, j) => putCase(i + j, ++id));
    const res = await api.post('/api/v1/sync/push', { clientId: 'bench-seeder', mutations });
    if (res.status !== 200) throw new Error(`seeding: ${res.status} ${JSON.stringify(res.body)}`);
  }
}

/**
 * Sync on the real backend (HTTP on 127.0.0.1, a libsql file) with a user of 10,000 cases:
 * an empty pull (server time, and the whole HTTP round trip), a push of 100 mutations, and the
 * first sync of a new browser (all 10,000 cases, pulled in pages, validated and applied).
 */
export async function benchSync(): Promise<Row[]> {
  const t = await startTestBackend();
  try {
    const api = await signedInUser(t, 'bench-sync@example.com');
    const userId = String((await api.get('/api/v1/me')).body.id);
    await seedCases(api, CASES);

    const head = currentVersion(t.backend.services.db, userId);
    const server: number[] = [];
    for (let i = 0; i < 2_000; i++) {
      const started = performance.now();
      const page = t.backend.services.sync.pull(userId, head, PULL_PAGE, null, Date.now());
      server.push(performance.now() - started);
      if (page.changes.length) throw new Error('expected an empty pull');
    }
    const http: number[] = [];
    for (let i = 0; i < 500; i++) {
      const started = performance.now();
      await api.get(`/api/v1/sync/pull?cursor=${head}`);
      http.push(performance.now() - started);
    }

    const pushes: number[] = [];
    for (let round = 0; round < 30; round++) {
      const mutations: Mutation[] = Array.from({ length: 100 }, (_, j) => ({ id: round * 100 + j + 1, op: 'setNote', args: { key: `CT22|${numberOf((round * 100 + j) % CASES)}`, note: `note ${round}` } }));
      const started = performance.now();
      const res = await api.post('/api/v1/sync/push', { clientId: 'bench-pusher', mutations });
      pushes.push(performance.now() - started);
      if (res.status !== 200) throw new Error(`push: ${res.status}`);
    }

    const firstSync: number[] = [];
    for (let run = 0; run < 3; run++) {
      const replica = new MemoryReplica(`bench-new-browser-${run}`);
      const started = performance.now();
      await syncOnce(replica, httpTransport(api));
      firstSync.push(performance.now() - started);
      if (replica.folder.cases.size !== CASES) throw new Error(`first sync got ${replica.folder.cases.size} cases`);
    }

    return [
      { name: `sync: empty pull, server time (user with ${CASES.toLocaleString('en-US')} cases), p99 of 2,000`, value: percentile(server, 99), unit: 'ms', target: 5, better: 'lower' },
      { name: 'sync: empty pull, whole HTTP round trip, p99 of 500', value: percentile(http, 99), unit: 'ms', target: 0, better: 'lower' },
      { name: 'sync: push of 100 mutations (HTTP, one transaction), median of 30', value: percentile(pushes, 50), unit: 'ms', target: 0, better: 'lower' },
      { name: `sync: first sync of a new browser, ${CASES.toLocaleString('en-US')} cases end to end (HTTP, validated, applied in memory), median of 3`, value: percentile(firstSync, 50), unit: 'ms', target: 3_000, better: 'lower' },
    ];
  } finally {
    await t.close();
  }
}
