import { readFileSync } from 'node:fs';
import { parsePage } from '../shared/casenet/parse-page';

export type Rate = { pages: number; entries: number; perPageMs: number; entriesPerPage: number };

/** Parse one page repeatedly for `ms` (after a warm-up) on this one core; pages/s and entries/s. */
export function parseRate(html: string, url: URL, ms = 2_000): Rate {
  const first = parsePage(html, url);
  if (first.kind !== 'docket') throw new Error(`bench page did not parse as a docket: ${first.kind}`);
  for (let i = 0; i < 50; i++) parsePage(html, url);
  let n = 0;
  const start = performance.now();
  while (performance.now() - start < ms) {
    parsePage(html, url);
    n++;
  }
  const secs = (performance.now() - start) / 1_000;
  return { pages: n / secs, entries: (n * first.entries.length) / secs, perPageMs: (secs * 1_000) / n, entriesPerPage: first.entries.length };
}

export const typicalPage = () => readFileSync('tests/fixtures/casenet/docket/old-docket-14BA-CV01093.html', 'utf8');
