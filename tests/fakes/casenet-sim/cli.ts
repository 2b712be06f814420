import { parseArgs } from 'node:util';
import { CONTROL_ENDPOINTS } from './control';
import { startCasenetSim } from './server';

// `npm run casenet-sim -- --port 8790 [--no-seed] [--generated N]`: run the simulator until SIGINT/SIGTERM.

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8790' },
    'no-seed': { type: 'boolean', default: false },
    generated: { type: 'string', default: '0' },
  },
});

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  console.error(`--port must be a port number, got ${JSON.stringify(values.port)}`);
  process.exit(2);
}

const generated = Number(values.generated);
if (!Number.isInteger(generated) || generated < 0) {
  console.error(`--generated must be a whole number of cases, got ${JSON.stringify(values.generated)}`);
  process.exit(2);
}

const sim = await startCasenetSim({ port, seed: !values['no-seed'], generated });
const example = sim.state.listCases()[0];
console.log(`Case.net simulator listening on ${sim.url} (paths under /casenet/ and /cnet/, any Host header)`);
if (example) {
  const query = `inputVO.caseNumber=${encodeURIComponent(example.caseNumber)}&inputVO.courtId=${encodeURIComponent(example.courtId)}`;
  console.log(`  docket:   ${sim.url}/casenet/cases/searchDockets.do?${query}`);
  console.log(`  new view: ${sim.url}/casenet/cases/newHeader.do?${query}#docket`);
}
console.log(`  Chromium: --host-resolver-rules="MAP www.courts.mo.gov 127.0.0.1:${sim.port}, MAP courts.mo.gov 127.0.0.1:${sim.port}"`);
console.log('Control endpoints:');
for (const line of CONTROL_ENDPOINTS) console.log(`  ${line}`);

let stopping = false;
const stop = (signal: string): void => {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: stopping the Case.net simulator`);
  void sim.close().then(() => process.exit(0));
};
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
