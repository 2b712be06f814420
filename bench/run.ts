import '../scripts/check-node.mjs';
import { readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { startCasenetSim } from '../tests/fakes/casenet-sim/server';
import { buttonsDelay, popupFirstRender } from './browser';
import { folderOf } from './folder';
import { parseRate, typicalPage } from './parse';
import { benchApi } from './api';
import { report } from './report';
import type { Row } from './row';
import { benchSync } from './sync';
import { benchFirstSyncInBrowser } from './sync-browser';

/** `npm run bench`: measures the targets of the issues and writes bench/results.md. */
const CONTENT_JS = '.output/chrome-mv3/content-scripts/content.js';


/** The watch benchmarks (bench/watch-cli.ts) in their own process: its peak memory is theirs alone. */
function watchRows(): Row[] {
  const out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', 'bench/watch-cli.ts', '--json'], { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8', maxBuffer: 16 * 2 ** 20 });
  return JSON.parse(out.trim().split('\n').at(-1) ?? '[]') as Row[];
}

async function main(): Promise<void> {
  // Always build: measuring an .output left from older sources would report on other code.
  execFileSync('npx', ['wxt', 'build'], { stdio: 'inherit' });
  const sim = await startCasenetSim({ port: 0 });
  const rows: Row[] = [];
  try {
    const typical = parseRate(typicalPage(), new URL('https://www.courts.mo.gov/casenet/cases/searchDockets.do?inputVO.caseNumber=14BA-CV01093&inputVO.courtId=CT13'));
    const bigUrl = `${sim.url}/casenet/cases/searchDockets.do?inputVO.caseNumber=1616-CV24680&inputVO.courtId=SMPDB0005_CT16`;
    const big = parseRate(await (await fetch(bigUrl)).text(), new URL(bigUrl));
    rows.push({ name: `parse typical docket page (${typical.entriesPerPage} entries, 80 kB real sample), 1 core`, value: typical.pages, unit: 'pages/s', target: 2_000, better: 'higher' });
    rows.push({ name: 'parse typical docket page, entries/s', value: typical.entries, unit: 'entries/s', target: 0, better: 'higher' });
    rows.push({ name: `parse ${big.entriesPerPage}-entry docket page, 1 core`, value: big.pages, unit: 'pages/s', target: 0, better: 'higher' });
    rows.push({ name: `parse ${big.entriesPerPage}-entry docket page, entries/s`, value: big.entries, unit: 'entries/s', target: 0, better: 'higher' });
    const content = readFileSync(CONTENT_JS);
    rows.push({ name: 'content script bundle (gzip)', value: gzipSync(content).length / 1_000, unit: 'kB', target: 25, better: 'lower' });
    const bigView = `http://www.courts.mo.gov/casenet/cases/searchDockets.do?inputVO.caseNumber=1616-CV24680&inputVO.courtId=SMPDB0005_CT16`;
    const buttons = await buttonsDelay(sim.port, bigView);
    rows.push({ name: 'DOMContentLoaded → Track/Save buttons, 500-entry docket (median of 5; 0 = drawn before it)', value: buttons.afterDomContentLoaded, unit: 'ms', target: 50, better: 'lower' });
    rows.push({ name: 'navigation start → Track/Save buttons, same loads', value: buttons.fromNavigationStart, unit: 'ms', target: 0, better: 'lower' });
    rows.push({ name: 'popup first render with 1,000 cases (median of 5)', value: await popupFirstRender(sim.port, folderOf(1_000)), unit: 'ms', target: 100, better: 'lower' });
  } finally {
    await sim.close();
  }
  rows.push(...(await benchApi()), ...(await benchSync()), ...(await benchFirstSyncInBrowser()), ...watchRows());
  writeFileSync('bench/results.md', report(rows));
  console.log(report(rows));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
