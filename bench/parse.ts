import { readFileSync } from 'node:fs';
import { parsePage } from '../shared/casenet/parse-page';

export type Rate = { pages: number; entries: number; perPageMs: number; entriesPerPage: number };

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

/** CPU time this process has used, in ms (all its threads, so GC helpers count against us). */
const cpuMs = (): number => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1_000;
};

/**
 * Parse one page over and over on this one core (after a warm-up): pages/s and entries/s per
 * second of CPU time, the median of `windows` runs of `windowMs` CPU time each. Wall time would
 * count the time other processes take on a shared machine as ours (at a load of 3 on 2 cores the
 * same code measured 5x slower), and the median keeps one disturbed window from moving the result.
 */
export function parseRate(html: string, url: URL, windows = 20, windowMs = 100): Rate {
  const first = parsePage(html, url);
  if (first.kind !== 'docket') throw new Error(`bench page did not parse as a docket: ${first.kind}`);
  for (let i = 0; i < 50; i++) parsePage(html, url);
  const rates: number[] = [];
  for (let w = 0; w < windows; w++) {
    let n = 0;
    const start = cpuMs();
    while (cpuMs() - start < windowMs) {
      parsePage(html, url);
      n++;
    }
    rates.push((n * 1_000) / (cpuMs() - start));
  }
  const pages = median(rates);
  return { pages, entries: pages * first.entries.length, perPageMs: 1_000 / pages, entriesPerPage: first.entries.length };
}

export const typicalPage = () => readFileSync('tests/fixtures/casenet/docket/old-docket-14BA-CV01093.html', 'utf8');
