import { performance } from 'node:perf_hooks';
import { getHeapStatistics } from 'node:v8';
import { caseKey } from '../shared/casenet/key';
import { GENERATED_COURT, generatedNumber } from '../tests/fakes/casenet-sim/generated';
import { describeFailure, docketOf, interpretAnswer } from '../shared/casenet/read';
import { docketRequest } from '../shared/casenet/urls';
import { assessRefresh } from '../shared/diff';
import { inTransaction } from '../backend/src/db/transaction';
import type { Services } from '../backend/src/services';
import type { CheckOutcome, Poller } from '../backend/src/watch/poller';
import { serverFetch } from '../backend/src/watch/server-fetch';
import { createWatcher } from '../backend/src/watch/watcher';
import type { Row } from './row';
import { benchServices, oldSource, progress, seedUsers, startSimChild, trackCases } from './watch-env';

const CASES = Number(process.env['BENCH_WATCH_CASES'] ?? 10_000);
const USERS = 10;

type Cycle = { outcomes: CheckOutcome[]; wallMs: number; cpuMs: number; peakRssMb: number; peakHeapMb: number };

/** Everything due, the way the poll loop takes it (pollDue's default batch, tick after tick), measured. */
async function fullCycle(pollDue: () => Promise<CheckOutcome[]>, label: string): Promise<Cycle> {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  let peakRss = 0;
  let peakHeap = 0;
  // Cheap reads only (process.memoryUsage() itself costs CPU that would count against the cycle).
  const sample = () => {
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
    peakHeap = Math.max(peakHeap, getHeapStatistics().used_heap_size);
  };
  sample();
  const sampler = setInterval(sample, 100);
  const outcomes: CheckOutcome[] = [];
  const cpu = process.cpuUsage();
  const started = performance.now();
  for (;;) {
    const batch = await pollDue();
    if (batch.length === 0) break;
    outcomes.push(...batch);
    if (outcomes.length % 2_000 === 0) progress(`${label}: ${outcomes.length} cases checked`);
  }
  const wallMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  clearInterval(sampler);
  sample();
  return { outcomes, wallMs, cpuMs: (used.user + used.system) / 1000, peakRssMb: peakRss / 2 ** 20, peakHeapMb: peakHeap / 2 ** 20 };
}

/** `work` over `items`, four at a time, results in order. */
async function inPool<T, R>(items: readonly T[], work: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await work(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
  return out;
}

/**
 * Every tracked case's baseline, as the poller's first read leaves it: the docket read from the
 * simulator with the production read path, stored through WatchStore.recordGood (500 per transaction).
 */
async function seedBaselines(services: Services, simUrl: string): Promise<void> {
  const { store } = services.watch;
  const fetchPage = serverFetch({ baseUrl: simUrl, userAgent: 'DocketWatch/bench' });
  store.refresh(Date.now());
  const due = store.due(Date.now() + 1, CASES);
  for (let i = 0; i < due.length; i += 500) {
    const batch = due.slice(i, i + 500);
    const read = await inPool(
      batch,
      async (watched) => {
        const request = docketRequest(watched.source);
        const { result } = interpretAnswer(await fetchPage(request, { timeoutMs: 30_000 }), request, watched.source, 0, Date.now());
        const docket = docketOf(result);
        if (!docket.ok) throw new Error(`seeding ${watched.key}: ${describeFailure('docket', docket)}`);
        const verdict = assessRefresh(null, docket.page.entries);
        if (!verdict.ok) throw new Error(`seeding ${watched.key}: refused`);
        return { key: watched.key, entries: verdict.entries };
      },
    );
    const t = Date.now();
    inTransaction(services.db, () => {
      for (const r of read) store.recordGood(r.key, r.entries, t, t + 3_600_000);
    });
    if ((i + 500) % 2_000 === 0) progress(`${i + 500} baselines stored`);
  }
}

/**
 * One poll cycle over 10,000 tracked cases against the simulator (in a child process, spacing 0),
 * after every case has its baseline, where nothing changed: the first cycle of a poller just started,
 * then its next (steady) cycle; wall time, this process's CPU per case (the backend's side only),
 * peak RSS and heap.
 */
export async function benchWatchPoll(): Promise<Row[]> {
  progress(`starting the simulator with ${CASES.toLocaleString('en-US')} generated cases`);
  const sim = await startSimChild(CASES);
  const b = await benchServices({ CASENET_BASE_URL: sim.url, POLL_SPACING_MS: '0', CASENET_TIMEOUT_MS: '30000' });
  try {
    const { services } = b;
    const users = await seedUsers(services, USERS, 'poll');
    const t0 = Date.now();
    users.forEach((userId, u) => {
      const cases = Array.from({ length: CASES / USERS }, (_, j) => {
        const i = u * (CASES / USERS) + j;
        const caseNumber = generatedNumber(i);
        return { key: caseKey(GENERATED_COURT, caseNumber), courtId: GENERATED_COURT, caseNumber, caption: `PLAINTIFF ${i} V DEFENDANT ${i}`, source: oldSource(GENERATED_COURT, caseNumber) };
      });
      trackCases(services, userId, cases, t0);
    });
    progress(`${CASES.toLocaleString('en-US')} cases tracked by ${USERS} users`);

    await seedBaselines(services, sim.url);

    // The poller as production builds it, on a clock the benchmark moves past every case's next check.
    let offset = 0;
    const newPoller = () => {
      const poller = createWatcher({ config: services.config, db: services.db, sink: services.notifier, logger: services.logger, now: () => Date.now() + offset }).poller;
      if (!poller) throw new Error('poller off');
      return poller;
    };
    const unchangedCycle = async (poller: Poller, label: string) => {
      offset += 3 * 3_600_000; // every case due (the longest schedule interval is an hour)
      const cycle = await fullCycle(() => poller.pollDue(), label);
      const odd = cycle.outcomes.filter((o) => !o.ok || o.alerts !== 0 || o.message !== 'No new docket entries.');
      if (cycle.outcomes.length !== CASES || odd.length) throw new Error(`${label}: ${cycle.outcomes.length} checked, ${odd.length} odd (${JSON.stringify(odd[0])})`);
      progress(`${label}: ${(cycle.wallMs / 1000).toFixed(1)} s, ${(cycle.cpuMs / CASES).toFixed(2)} ms CPU per case`);
      return cycle;
    };
    // A poller just started reads and parses every page; from its second cycle on, a page identical
    // to the one that last matched the stored docket is recognised without parsing.
    const poller = newPoller();
    const first = await unchangedCycle(poller, 'first cycle after a start');
    const steady = await unchangedCycle(poller, 'steady cycle');
    const alerts = Number((services.db.prepare('SELECT count(*) AS n FROM alert').get() as { n: number }).n);
    if (alerts !== 0) throw new Error(`unchanged cycles created ${alerts} alerts`);

    const n = CASES.toLocaleString('en-US');
    return [
      { name: `watch: poll cycle over ${n} unchanged cases (simulator in a child process, spacing 0), backend CPU per case`, value: steady.cpuMs / CASES, unit: 'ms', target: 1, better: 'lower' },
      { name: `watch: same cycle, wall time (one request at a time)`, value: steady.wallMs / 1000, unit: 's', target: 0, better: 'lower' },
      { name: `watch: same cycle, peak RSS of the backend process`, value: steady.peakRssMb, unit: 'MB', target: 0, better: 'lower' },
      { name: `watch: same cycle, peak JS heap used`, value: steady.peakHeapMb, unit: 'MB', target: 0, better: 'lower' },
      { name: `watch: first unchanged cycle after a restart (every page parsed and compared), backend CPU per case`, value: first.cpuMs / CASES, unit: 'ms', target: 1, better: 'lower' },
      { name: `watch: same first cycle, wall time`, value: first.wallMs / 1000, unit: 's', target: 0, better: 'lower' },
    ];
  } finally {
    b.close();
    await sim.close();
  }
}
