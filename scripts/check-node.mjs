// Guard: the project runs on Node 24 (the `node` npm package, pinned in devDependencies).
// npm scripts put node_modules/.bin first on PATH, so they get Node 24; calling tools directly
// from a shell, or `npm ci --ignore-scripts`, falls back to the system node. Fail clearly then.
const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  console.error(
    `Docket Watch needs Node >= 24 but this is Node ${process.versions.node}.\n` +
      'Run it through npm (npm start, npm test, npm run …): npm scripts use the pinned node@24 from node_modules.\n' +
      'If node_modules/.bin/node is missing, run `npm ci` (without --ignore-scripts).',
  );
  process.exit(1);
}
