import { describe, expect, it } from 'vitest';
import { validateSettings } from '../../../../extension/entrypoints/dashboard/settings-form';
import { casenetHref, checkStatus, formatIsoDate, timeAgo } from '../../../../extension/lib/ui/format';
import { filterBySearch } from '../../../../extension/lib/ui/search';
import { makeCase, NOW } from './support/data';

describe('ui formatting', () => {
  it('says how long ago a check was', () => {
    expect(timeAgo(NOW - 20_000, NOW)).toBe('just now');
    expect(timeAgo(NOW - 5 * 60_000, NOW)).toBe('5 min ago');
    expect(timeAgo(NOW - 3 * 3_600_000, NOW)).toBe('3 h ago');
    expect(timeAgo(NOW - 86_400_000, NOW)).toBe('1 day ago');
    expect(timeAgo(NOW - 4 * 86_400_000, NOW)).toBe('4 days ago');
    expect(timeAgo(NOW - 90 * 86_400_000, NOW)).toMatch(/^on [A-Z][a-z]{2} \d{1,2}, 2025$/);
  });

  it('writes the status line: when, by whom, and the last error in plain words', () => {
    const ago12 = NOW - 12 * 60_000;
    expect(checkStatus({ lastCheckedAt: ago12, lastCheckedBy: 'browser', lastError: null }, NOW)).toBe('Checked 12 min ago by this browser');
    expect(checkStatus({ lastCheckedAt: ago12, lastCheckedBy: 'server', lastError: null }, NOW)).toBe('Checked 12 min ago by the server');
    expect(checkStatus({ lastCheckedAt: ago12, lastCheckedBy: 'browser', lastError: 'Case.net did not answer' }, NOW)).toBe(
      'Checked 12 min ago by this browser — could not read the docket: Case.net did not answer',
    );
    // The refresher's and the poller's errors already say so: never "could not read the docket" twice.
    expect(checkStatus({ lastCheckedAt: ago12, lastCheckedBy: 'server', lastError: 'could not read the docket: Case.net is down for maintenance' }, NOW)).toBe(
      'Checked 12 min ago by the server — could not read the docket: Case.net is down for maintenance',
    );
    expect(checkStatus({ lastCheckedAt: ago12, lastCheckedBy: null, lastError: null }, NOW)).toBe('Checked 12 min ago');
    expect(checkStatus({ lastCheckedAt: null, lastCheckedBy: null, lastError: null }, NOW)).toBe('Not checked yet');
  });

  it('formats ISO dates without time-zone drift and leaves other text alone', () => {
    expect(formatIsoDate('2015-03-04')).toBe('Mar 4, 2015');
    expect(formatIsoDate('2024-12-31')).toBe('Dec 31, 2024');
    expect(formatIsoDate('03/04/2015')).toBe('03/04/2015');
  });

  it('only links to Case.net hosts', () => {
    expect(casenetHref('https://www.courts.mo.gov/cnet/cases/newHeader.do?inputVO.caseNumber=1')).toContain('https://www.courts.mo.gov/');
    expect(casenetHref('javascript:alert(1)')).toBeNull();
    expect(casenetHref('https://www.courts.mo.gov.evil.example/casenet/')).toBeNull();
    expect(casenetHref(null)).toBeNull();
  });

  it('search needs every word, in any order, any case', () => {
    const cases = [makeCase({ caption: 'JANE DOE V ACME', tags: ['Client-A'] }), makeCase({ caseNumber: '14BA-CV01093', caption: 'BRITT V CURATORS' })];
    expect(filterBySearch(cases, 'acme client-a').map((c) => c.caseNumber)).toEqual(['22SL-CC00807']);
    expect(filterBySearch(cases, '  ')).toHaveLength(2);
    expect(filterBySearch(cases, 'acme curators')).toEqual([]);
  });

  it('validates settings like the background does', () => {
    expect(validateSettings({ refreshMinutes: '15', windowStartHour: '0', windowEndHour: '24', notifications: true, serverUrl: 'http://127.0.0.1:8787/' })).toEqual({
      ok: true,
      settings: { refreshMinutes: 15, windowStartHour: 0, windowEndHour: 24, notifications: true, serverUrl: 'http://127.0.0.1:8787' },
    });
    const bad = validateSettings({ refreshMinutes: '14.5', windowStartHour: '24', windowEndHour: '0', notifications: false, serverUrl: 'javascript:alert(1)' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(Object.keys(bad.errors).sort()).toEqual(['refreshMinutes', 'serverUrl', 'windowEndHour', 'windowStartHour']);
  });
});
