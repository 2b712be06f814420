import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'libsql';
import { signedInUser } from '../tests/support/accounts';
import { spawnBackend, until } from '../tests/support/backend-process';
import { startCasenetSim } from '../tests/fakes/casenet-sim/server';
import { startFakeResend } from '../tests/fakes/resend/server';
import { percentile, type Row } from './row';
import { watchTickMs } from '../backend/src/watch/watcher';
import { progress } from './watch-env';

const POLL_SECONDS = 5;
const SAMPLES = Number(process.env['BENCH_LATENCY_SAMPLES'] ?? 5);
const COURT = 'CT22';
const NUMBER = '26SL-CC40001';
const CAPTION = 'LATENCY V BENCHMARK';

/**
 * End to end through real processes: the backend as `npm run backend` runs it (its own process,
 * POLL_INTERVAL_SECONDS=5, the relay on its default interval, woken by each new alert, and the
 * production watcher tick), watching the
 * simulator and sending through the fake Resend server (both in this process, on 127.0.0.1). A user
 * signs up, confirms, signs in and tracks a case through the HTTP API; then, SAMPLES times, at a
 * random moment an entry is added on the simulator and the time until its email reaches the fake
 * Resend is taken.
 */
export async function benchNotifyLatency(): Promise<Row[]> {
  const [sim, resend] = await Promise.all([startCasenetSim({ seed: false }), startFakeResend()]);
  progress(`latency: starting the backend process (poll interval ${POLL_SECONDS} s)`);
  const b = await spawnBackend({
    env: { CASENET_BASE_URL: sim.url, POLL_INTERVAL_SECONDS: String(POLL_SECONDS), RESEND_API_KEY: resend.apiKey, RESEND_BASE_URL: resend.url, LOG_LEVEL: 'warn' },
  });
  try {
    const simCase = sim.state.addCase({ courtId: COURT, caseNumber: NUMBER, caption: CAPTION, entries: [{ date: '2026-01-05', title: 'Pet Filed in Circuit Ct' }, { date: '2026-01-06', title: 'Judge Assigned' }] });
    const email = 'latency@example.com';
    const user = await signedInUser({ url: b.url, lastEmail: (to, subject) => resend.lastEmail(to, subject) }, email);
    const key = `${COURT}|${NUMBER}`;
    const res = await user.put(`/api/v1/cases/${encodeURIComponent(key)}`, { courtId: COURT, caseNumber: NUMBER, caption: CAPTION, saved: true, tracked: true, note: '' });
    if (res.status !== 200 && res.status !== 201) throw new Error(`track: ${res.status} ${JSON.stringify(res.body)}`);
    const db = new Database(join(b.dir, 'docketwatch.db'), { readonly: true });
    try {
      await until('the baseline', () => (db.prepare('SELECT baseline_at FROM watched_case WHERE case_key = ?').get(key) as { baseline_at: number | null } | undefined)?.baseline_at != null, 30_000, 100);
    } finally {
      db.close();
    }
    const alertEmails = () => resend.emails.filter((e) => e.to.includes(email) && e.subject.startsWith(NUMBER));
    const samples: number[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      await new Promise((r) => setTimeout(r, Math.random() * POLL_SECONDS * 1_000)); // any phase of the poll and relay timers
      const title = `Order Entered ${i + 1}`;
      const added = performance.now();
      sim.state.addEntry(simCase, { date: `2026-02-${String(i + 10).padStart(2, '0')}`, title });
      await until(`the email of entry ${i + 1}`, () => alertEmails().some((e) => e.subject.endsWith(title)), 60_000, 10);
      samples.push((performance.now() - added) / 1000);
      progress(`latency: entry ${i + 1} → email in ${samples.at(-1)?.toFixed(2)} s`);
    }
    await new Promise((r) => setTimeout(r, POLL_SECONDS * 1_000 + watchTickMs(POLL_SECONDS))); // one more poll and relay: nothing twice
    if (alertEmails().length !== SAMPLES) throw new Error(`latency: ${alertEmails().length} alert emails for ${SAMPLES} entries`);
    const what = `poll interval ${POLL_SECONDS} s, relay at its default interval and woken by new alerts, watcher tick ${watchTickMs(POLL_SECONDS) / 1000} s; ${SAMPLES} entries`;
    return [
      { name: `notify: end-to-end latency, new entry on Case.net → email at Resend (backend process; ${what}), max`, value: Math.max(...samples), unit: 's', target: POLL_SECONDS + 5, better: 'lower' },
      { name: `notify: same, median`, value: percentile(samples, 50), unit: 's', target: 0, better: 'lower' },
    ];
  } finally {
    await b.cleanup();
    await Promise.all([sim.close(), resend.close()]);
  }
}
