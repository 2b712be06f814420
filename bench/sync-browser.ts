import { performance } from 'node:perf_hooks';
import { signInFromDashboard } from '../tests/e2e/dashboard-sign-in';
import { launchExtensionBrowser } from '../tests/e2e/harness';
import { startCasenetSim } from '../tests/fakes/casenet-sim/server';
import { signedInUser } from '../tests/support/accounts';
import { startTestBackend } from '../tests/support/backend';
import { percentile, type Row } from './row';
import { seedCases } from './sync';

const CASES = 10_000;
/** Counted in the extension's own IndexedDB, from its service worker (a string: no bundler helpers). */
const COUNT_CASES = `new Promise((done, fail) => {
  const open = indexedDB.open('docket-watch');
  open.onerror = () => fail(open.error);
  open.onsuccess = () => {
    const db = open.result;
    const count = db.transaction('cases').objectStore('cases').count();
    count.onsuccess = () => { db.close(); done(count.result); };
  };
})`;

/**
 * The first sync of a new browser, end to end in the real extension: an account with 10,000 cases
 * on the real backend; the clock starts when "Verify" (the last sign-in step) is clicked in the
 * dashboard and stops when the extension's IndexedDB holds all 10,000 cases.
 */
export async function benchFirstSyncInBrowser(runs = 3): Promise<Row[]> {
  const times: number[] = [];
  for (let run = 0; run < runs; run++) times.push(await firstSyncOnce());
  return [{ name: `sync: first sync of a new browser, ${CASES.toLocaleString('en-US')} cases, real extension (sign-in click → all in IndexedDB), median of ${runs}`, value: percentile(times, 50), unit: 'ms', target: 3_000, better: 'lower' }];
}

async function firstSyncOnce(): Promise<number> {
  const sim = await startCasenetSim({ port: 0 });
  const t = await startTestBackend();
  const browser = await launchExtensionBrowser(sim.port);
  try {
    const email = 'bench-browser-sync@example.com';
    await seedCases(await signedInUser(t, email), CASES);
    let started = 0;
    await signInFromDashboard(browser, t, email, () => (started = performance.now()));
    for (;;) {
      if (Number(await browser.worker.evaluate(COUNT_CASES)) >= CASES) break;
      if (performance.now() - started > 60_000) throw new Error('first sync did not finish within 60 s');
      await new Promise((r) => setTimeout(r, 25));
    }
    return performance.now() - started;
  } finally {
    await browser.close();
    await t.close();
    await sim.close();
  }
}
