import './check-node.mjs';
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';

/**
 * `npm start`: build the extension, run the backend on its embedded database and, with `--sim`, a
 * local Case.net simulator (port 8790) so Track → new entry → notification can be tried without the
 * real site. `--browser` also opens Debian's Chromium with the extension loaded and Case.net's host
 * names mapped to the simulator.
 */
const { values } = parseArgs({
  options: {
    sim: { type: 'boolean', default: false },
    'sim-port': { type: 'string', default: '8790' },
    browser: { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
  },
});

const children: ChildProcess[] = [];
const run = (cmd: string, args: string[], env: NodeJS.ProcessEnv = {}) => {
  const child = spawn(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  children.push(child);
  return child;
};
const stopAll = () => {
  for (const c of children) c.kill('SIGTERM');
  process.exit(0);
};
process.on('SIGINT', stopAll);
process.on('SIGTERM', stopAll);

async function main(): Promise<void> {
  if (!values['no-build']) {
    const build = run('npx', ['wxt', 'build']);
    const code = await new Promise<number | null>((r) => build.on('exit', r));
    if (code !== 0) throw new Error('Extension build failed.');
  }
  const extDir = resolve('.output/chrome-mv3');
  console.log(`\nExtension built: load ${extDir} in chrome://extensions (Developer mode → Load unpacked).`);
  console.log('Firefox: npm run build:firefox, then about:debugging → Load Temporary Add-on → .output/firefox-mv3/manifest.json\n');

  if (!values.sim && !values.browser) {
    run('npx', ['tsx', 'backend/src/server.ts']);
    return;
  }
  const port = Number(values['sim-port']);
  const { startCasenetSim } = await import('../tests/fakes/casenet-sim/server');
  const sim = await startCasenetSim({ port, seed: true });
  // The backend watches the simulator too (server-side alerts), unless CASENET_BASE_URL says otherwise.
  run('npx', ['tsx', 'backend/src/server.ts'], { CASENET_BASE_URL: process.env.CASENET_BASE_URL ?? sim.url });
  console.log(`Case.net simulator: ${sim.url} (control API under ${sim.url}/__sim/)`);
  const rules = `MAP www.courts.mo.gov 127.0.0.1:${port}, MAP courts.mo.gov 127.0.0.1:${port}`;
  console.log(`To use it from your own Chromium: chromium --host-resolver-rules="${rules}" --load-extension=${extDir}`);
  console.log(`Then open http://www.courts.mo.gov/casenet/cases/searchDockets.do?inputVO.caseNumber=22SL-CC00807&inputVO.courtId=SMPDB0010_CT22`);
  console.log(`Add a docket entry: curl -X POST ${sim.url}/__sim/cases/SMPDB0010_CT22/22SL-CC00807/entries -H 'content-type: application/json' -d '{"date":"2026-11-25","title":"Motion to Dismiss Filed"}'`);
  if (values.browser) {
    const { launchExtensionBrowser } = await import('../tests/e2e/harness');
    const b = await launchExtensionBrowser(port, { headless: false });
    const page = await b.context.newPage();
    await page.goto('http://www.courts.mo.gov/casenet/cases/searchDockets.do?inputVO.caseNumber=22SL-CC00807&inputVO.courtId=SMPDB0010_CT22');
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  stopAll();
});
