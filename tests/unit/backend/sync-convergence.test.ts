import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBackend, type TestBackend } from '../../support/backend';
import { plain, runConvergence } from '../../support/sync-convergence';

// 3 browsers of one user, 1,000 random operations with offline periods, lost requests and answers,
// duplicated and late pushes (fixed seed; `npm run fuzz:sync -- --seed N --ops N` for more).
let t: TestBackend;
beforeAll(async () => {
  t = await startTestBackend();
});
afterAll(async () => {
  await t?.close();
});

describe('sync convergence', () => {
  it('leaves every browser and the server with the same folder, with no acknowledged change lost', async () => {
    const result = await runConvergence(t, { seed: 20261125, ops: 1_000, clients: 3 });
    expect(result.stats.ops).toBeGreaterThan(600);
    expect(result.stats.lostAnswers + result.stats.lostRequests + result.stats.duplicates + result.stats.latePushes).toBeGreaterThan(20);
    expect(plain(result.server)).toEqual(plain(result.oracle));
    for (const c of result.clients) expect(plain(c.folder), c.clientId).toEqual(plain(result.server));
    expect(result.server.cases.size).toBeGreaterThan(0);
  }, 120_000);
});
