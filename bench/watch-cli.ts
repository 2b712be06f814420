import '../scripts/check-node.mjs';
import { benchNotifyLatency } from './notify-latency';
import { report } from './report';
import type { Row } from './row';
import { benchWatchPoll } from './watch-poll';
import { benchFanOutAndRelay } from './watch-notify';

/**
 * `npm run bench:watch -- [poll] [fanout] [latency] [--json]` (default: all three): the watch
 * benchmarks alone, in a process of their own (so its memory is theirs), printed as
 * bench/results.md rows, or with `--json` as one JSON line of rows (how `npm run bench` takes them).
 * Smaller runs: BENCH_WATCH_CASES, BENCH_FANOUT_USERS, BENCH_LATENCY_SAMPLES.
 */
const parts = { poll: benchWatchPoll, fanout: benchFanOutAndRelay, latency: benchNotifyLatency };
const json = process.argv.includes('--json');
const chosen = process.argv.slice(2).filter((a) => a !== '--json');
for (const name of chosen) if (!(name in parts)) throw new Error(`unknown part ${name}: choose among ${Object.keys(parts).join(', ')}`);
const rows: Row[] = [];
for (const [name, run] of Object.entries(parts)) if (chosen.length === 0 || chosen.includes(name)) rows.push(...(await run()));
console.log(json ? JSON.stringify(rows) : report(rows));
