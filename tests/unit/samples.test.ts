import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePage, printable } from '../../shared/casenet/parse-page';

// ONE runner for every saved page under tests/fixtures/casenet/**: parse it, compare with
// `<file>.expected.json`. A new sample is two files and no code. Only the fields an expectation
// names are compared; `rows` given as a number is the length of the rows array; arrays (entries,
// parties, …) are compared whole. A page without an expectation fails: `npm run fixtures:update`
// writes missing ones from the current output, to be checked by hand in the diff.

const ROOT = join(import.meta.dirname, '../fixtures/casenet');
const pages = readdirSync(ROOT, { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile() && !entry.name.startsWith('.') && !entry.name.endsWith('.expected.json'))
  .map((entry) => join(entry.parentPath, entry.name))
  .sort();

describe('Case.net sample pages', () => {
  it('has sample pages to check', () => {
    expect(pages.length).toBeGreaterThan(0);
  });

  it.each(pages.map((path) => [relative(ROOT, path), path]))('%s parses as its .expected.json says', (name, path) => {
    const expectedPath = `${path}.expected.json`;
    if (!existsSync(expectedPath)) {
      throw new Error(`${name} has no ${name}.expected.json. Run \`npm run fixtures:update\` to write it from the parser's output, then check it by hand.`);
    }
    const expected = JSON.parse(readFileSync(expectedPath, 'utf8')) as Record<string, unknown>;
    const actual = printable(parsePage(readFileSync(path, 'utf8')));
    for (const [key, want] of Object.entries(expected)) {
      const got = actual[key];
      if (key === 'rows' && typeof want === 'number') expect(Array.isArray(got) ? got.length : got, `${name}: rows`).toBe(want);
      else expect(got, `${name}: ${key}`).toEqual(want);
    }
  });
});
