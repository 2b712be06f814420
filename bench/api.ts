import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { signedInUser } from '../tests/support/accounts';
import { startTestBackend } from '../tests/support/backend';
import type { Row } from './row';

const CASES = 1_000;

/**
 * `GET /api/v1/cases` of a user with 1,000 cases on the real backend (HTTP on 127.0.0.1, a libsql
 * file, better-auth sessions), under autocannon: 10 connections, no pipelining, 10 s after a 2 s
 * warm-up, once without Accept-Encoding (the whole ~250 kB JSON each time) and once with gzip, as
 * browsers ask. autocannon runs in a worker thread, so the load generator does not share the
 * server's event loop (it does share the machine's cores). Targets: ≥ 2,000 requests/s, p99 ≤ 20 ms.
 */
export async function benchApi(opts: { seconds?: number; connections?: number } = {}): Promise<Row[]> {
  const seconds = opts.seconds ?? 10;
  const connections = opts.connections ?? 10;
  const t = await startTestBackend();
  try {
    const user = await signedInUser(t, 'bench-api@example.com');
    const userId = String((await user.get('/api/v1/me')).body.id);
    const now = Date.now();
    for (let i = 0; i < CASES; i++) {
      const caseNumber = `22SL-CC${String(10_000 + i).padStart(5, '0')}`;
      t.backend.services.cases.put(
        userId,
        `CT22|${caseNumber}`,
        { courtId: 'CT22', caseNumber, caption: `PLAINTIFF ${i} V DEFENDANT ${i}`, saved: true, tracked: i % 2 === 0, note: i % 5 === 0 ? `Hearing on the motion, client ${i}.` : '', tags: i % 10 === 0 ? ['client-a', 'hearing'] : [] },
        now,
      );
    }
    const first = await fetch(`${t.url}/api/v1/cases`, { headers: { authorization: `Bearer ${user.token}` } });
    const body = await first.text();
    const listed = (JSON.parse(body) as { cases: unknown[] }).cases.length;
    if (first.status !== 200 || listed !== CASES) throw new Error(`GET /api/v1/cases: ${first.status}, ${listed} cases`);

    const run = async (duration: number, extra: Record<string, string>) => {
      const result = await autocannon({
        url: `${t.url}/api/v1/cases`,
        headers: { authorization: `Bearer ${user.token}`, accept: 'application/json', ...extra },
        connections,
        pipelining: 1,
        duration,
        workers: 1,
      });
      if (result.errors || result.timeouts || result.non2xx) {
        throw new Error(`autocannon: ${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx answers`);
      }
      return result;
    };
    const kB = Math.round(Buffer.byteLength(body) / 1_000);
    const rows: Row[] = [];
    // As autocannon asks by default (no Accept-Encoding: the whole JSON), then as a browser asks (gzip).
    for (const [label, extra] of [
      [`${kB} kB JSON`, {}],
      ['gzip, as browsers ask', { 'accept-encoding': 'gzip, deflate, br' }],
    ] as const) {
      await run(2, extra);
      const idle = performance.eventLoopUtilization();
      const result = await run(seconds, extra);
      // The server's own time per request (its event loop's busy time over the requests served): what
      // one core could serve is 1,000 / this, whatever else the machine is running.
      const busyMs = performance.eventLoopUtilization(idle).active / result.requests.total;
      const what = `GET /api/v1/cases, ${CASES.toLocaleString('en-US')} cases (${label}), ${connections} connections, ${seconds} s`;
      rows.push(
        { name: `API: ${what}, requests/s`, value: result.requests.average, unit: 'req/s', target: 2_000, better: 'higher' },
        { name: `API: ${what}, p99 latency`, value: result.latency.p99, unit: 'ms', target: 20, better: 'lower' },
        { name: `API: ${what}, median latency`, value: result.latency.p50, unit: 'ms', target: 0, better: 'lower' },
        { name: `API: ${what}, server event-loop time per request`, value: busyMs, unit: 'ms', target: 0, better: 'lower' },
      );
    }
    return rows;
  } finally {
    await t.close();
  }
}
