import '../scripts/check-node.mjs';
import { benchApi } from './api';

/** `npx tsx bench/api-cli.ts [seconds]`: the API benchmark alone, its rows printed. */
const seconds = Number(process.argv[2] ?? 10);
const rows = await benchApi({ seconds });
for (const r of rows) {
  const pass = r.target === 0 ? '' : (r.better === 'higher' ? r.value >= r.target : r.value <= r.target) ? ' pass' : ' FAIL';
  const target = r.target === 0 ? '' : ` (target ${r.better === 'higher' ? '≥' : '≤'} ${r.target.toLocaleString('en-US')} ${r.unit})`;
  console.log(`${r.name}: ${r.value.toLocaleString('en-US', { maximumFractionDigits: 2 })} ${r.unit}${target}${pass}`);
}
