import './check-node.mjs';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parsePage, printable } from '../shared/casenet/parse-page';

// The only writer of fixture expectations: for every page under tests/fixtures/casenet/** that
// has no `<file>.expected.json`, write the parser's current output there and say so. Existing
// expectations are never touched. Check what it wrote by hand before committing.

const ROOT = join(import.meta.dirname, '../tests/fixtures/casenet');

const pages = readdirSync(ROOT, { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile() && !entry.name.startsWith('.') && !entry.name.endsWith('.expected.json'))
  .map((entry) => join(entry.parentPath, entry.name))
  .sort();

let written = 0;
for (const page of pages) {
  const target = `${page}.expected.json`;
  if (existsSync(target)) continue;
  const result = parsePage(readFileSync(page, 'utf8'));
  // An error's message is prose that may be reworded: record only its reason.
  const expected = result.kind === 'error' ? { kind: 'error', reason: result.reason } : printable(result);
  writeFileSync(target, `${JSON.stringify(expected, null, 2)}\n`);
  console.log(`wrote ${relative(process.cwd(), target)} (${result.kind}): check it by hand`);
  written++;
}
console.log(written === 0 ? 'every fixture page has its .expected.json' : `${written} expectation(s) written`);
