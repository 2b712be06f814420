import '../scripts/check-node.mjs';
import { benchApi } from './api';
import { report } from './report';

/** `npm run bench:api -- [seconds]`: the API benchmark alone, printed as bench/results.md rows (the file is not written). */
const seconds = Number(process.argv[2] ?? 10);
console.log(report(await benchApi({ seconds })));
