import './check-node.mjs';
import { isDeepStrictEqual } from 'node:util';
import { parseArgs } from 'node:util';
import { startTestBackend } from '../tests/support/backend';
import { plain, runConvergence } from '../tests/support/sync-convergence';

/**
 * `npm run fuzz:sync -- --seed N --ops N [--clients N] [--runs N]`: the convergence scenario of
 * tests/unit/backend/sync-convergence.test.ts with any seed and size, against a real backend.
 * Exits 1 on the first seed whose browsers or server disagree, printing how to replay it.
 */
const { values } = parseArgs({ options: { seed: { type: 'string', default: String(Date.now() % 1_000_000) }, ops: { type: 'string', default: '5000' }, clients: { type: 'string', default: '3' }, runs: { type: 'string', default: '1' } } });
const t = await startTestBackend();
let failed = false;
try {
  for (let i = 0; i < Number(values.runs); i++) {
    const seed = Number(values.seed) + i;
    const result = await runConvergence(t, { seed, ops: Number(values.ops), clients: Number(values.clients) });
    const server = plain(result.server);
    const ok = isDeepStrictEqual(server, plain(result.oracle)) && result.clients.every((c) => isDeepStrictEqual(plain(c.folder), server));
    console.log(`seed ${seed}: ${ok ? 'converged' : 'DIVERGED'} — ${JSON.stringify(result.stats)}, ${result.server.cases.size} cases on the server`);
    if (!ok) {
      failed = true;
      console.log(`replay: npm run fuzz:sync -- --seed ${seed} --ops ${values.ops} --clients ${values.clients}`);
      break;
    }
  }
} finally {
  await t.close();
}
process.exit(failed ? 1 : 0);
