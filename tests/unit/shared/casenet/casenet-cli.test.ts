import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// Runs the real CLI (scripts/casenet-cli.ts) through tsx under this Node.
const ROOT = join(import.meta.dirname, '../../../..');
const FIXTURES = join(ROOT, 'tests/fixtures/casenet');

function cli(...args: string[]) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/casenet-cli.ts', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 30_000 });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('casenet CLI', () => {
  it('prints the docket sample as one JSON object', () => {
    const run = cli('parse', join(FIXTURES, 'docket/old-docket-14BA-CV01093.html'));
    expect(run.code).toBe(0);
    expect(run.stdout.trim().split('\n')).toHaveLength(1);
    const out = JSON.parse(run.stdout);
    expect(out).toMatchObject({ kind: 'docket', caseNumber: '14BA-CV01093', courtId: 'CT13', caption: 'LEIGH BRITT V THE CURATORS OF THE UNIVERSITY OF MI' });
    expect(out.entries).toHaveLength(32);
    expect(out.entries[0]).toEqual({
      date: '2015-03-04',
      title: 'Notice to Take Deposition',
      text: 'Notice to Take Deposition - Harriet Green-Sappington; Electronic Filing Certificate of Service.',
      filedBy: 'RICHARD ANDREW BARRY III',
      onBehalfOf: 'LEIGH BRITT, STORMY BRITT',
      scheduledFor: null,
    });
  });

  it('says not-a-case-page for another site', () => {
    const run = cli('parse', join(FIXTURES, 'hostile/other-site.html'), '--url', 'https://example.com/news');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ kind: 'not-a-case-page' });
  });

  it('exits 1 with one line on stderr and nothing on stdout for a broken case page', () => {
    const run = cli('parse', join(FIXTURES, 'hostile/docket-truncated.html'));
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^truncated: /);
  });

  it('exits 2 on usage errors', () => {
    expect(cli().code).toBe(2);
    expect(cli('parse').code).toBe(2);
    expect(cli('frobnicate', 'x').code).toBe(2);
    expect(cli('parse', join(FIXTURES, 'no-such-file.html')).code).toBe(2);
    expect(cli('parse', join(FIXTURES, 'hostile/other-site.html'), '--url', 'not a url').code).toBe(2);
  });
});
