import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { centralParts, isInWindow, nextRefreshAt, type RefreshPlan } from '../../../../shared/schedule/window';

const at = (iso: string) => Date.parse(iso);
const iso = (ts: number) => new Date(ts).toISOString();
const MIN = 60_000;
const HOUR = 60 * MIN;
const plan = (p: Partial<RefreshPlan>): RefreshPlan => ({ lastCheckedAt: null, refreshMinutes: 30, windowStartHour: 6, windowEndHour: 22, failures: 0, ...p });

describe('centralParts', () => {
  it('reads Central wall time in winter (UTC−6) and summer (UTC−5)', () => {
    expect(centralParts(at('2026-01-15T12:34:56Z'))).toEqual({ year: 2026, month: 1, day: 15, hour: 6, minute: 34, second: 56 });
    expect(centralParts(at('2026-07-04T05:00:00Z'))).toEqual({ year: 2026, month: 7, day: 4, hour: 0, minute: 0, second: 0 });
  });

  it('crosses the date line at Central midnight, not UTC midnight', () => {
    expect(centralParts(at('2026-01-01T03:00:00Z'))).toMatchObject({ year: 2025, month: 12, day: 31, hour: 21 });
  });
});

describe('isInWindow', () => {
  const w = { startHour: 6, endHour: 22 };
  it('is inclusive at the start and exclusive at the end, in Central time', () => {
    expect(isInWindow(at('2026-01-15T12:00:00Z'), w)).toBe(true); // 6:00 CST
    expect(isInWindow(at('2026-01-15T11:59:59Z'), w)).toBe(false); // 5:59 CST
    expect(isInWindow(at('2026-01-16T03:59:59Z'), w)).toBe(true); // 21:59 CST
    expect(isInWindow(at('2026-01-16T04:00:00Z'), w)).toBe(false); // 22:00 CST
    expect(isInWindow(at('2026-07-15T11:00:00Z'), w)).toBe(true); // 6:00 CDT
  });

  it('supports a window across midnight, and start = end as all day', () => {
    const night = { startHour: 22, endHour: 6 };
    expect(isInWindow(at('2026-01-16T05:00:00Z'), night)).toBe(true); // 23:00 CST
    expect(isInWindow(at('2026-01-15T18:00:00Z'), night)).toBe(false); // 12:00 CST
    expect(isInWindow(at('2026-01-15T18:00:00Z'), { startHour: 0, endHour: 0 })).toBe(true);
  });
});

describe('nextRefreshAt', () => {
  it('is due right away when never checked, inside the window', () => {
    const now = at('2026-01-15T18:00:00Z');
    expect(nextRefreshAt(now, plan({}))).toBe(now);
  });

  it('adds the refresh interval to the last check', () => {
    const last = at('2026-01-15T18:00:00Z');
    expect(nextRefreshAt(last + MIN, plan({ lastCheckedAt: last }))).toBe(last + 30 * MIN);
  });

  it('is never earlier than now', () => {
    const now = at('2026-01-15T20:00:00Z');
    expect(nextRefreshAt(now, plan({ lastCheckedAt: at('2026-01-15T12:00:00Z') }))).toBe(now);
  });

  it('doubles the interval per failure, capped at 6 hours', () => {
    const last = at('2026-06-15T13:00:00Z'); // 8:00 CDT
    const after = (failures: number) => (nextRefreshAt(last, plan({ lastCheckedAt: last, failures })) - last) / MIN;
    expect([0, 1, 2, 3, 4, 10, 1000].map(after)).toEqual([30, 60, 120, 240, 360, 360, 360]);
  });

  it('keeps an interval longer than 6 hours as chosen', () => {
    const last = at('2026-06-15T13:00:00Z');
    expect(nextRefreshAt(last, plan({ lastCheckedAt: last, refreshMinutes: 12 * 60, windowStartHour: 0, windowEndHour: 24, failures: 3 }))).toBe(last + 12 * HOUR);
  });

  it('waits for this morning when due before the window opens', () => {
    const now = at('2026-01-15T09:00:00Z'); // 3:00 CST
    expect(iso(nextRefreshAt(now, plan({})))).toBe('2026-01-15T12:00:00.000Z');
  });

  it('moves to the next morning when due after the window closes', () => {
    const last = at('2026-01-16T03:50:00Z'); // 21:50 CST
    expect(iso(nextRefreshAt(last, plan({ lastCheckedAt: last })))).toBe('2026-01-16T12:00:00.000Z');
  });

  it('crosses a month end', () => {
    const last = at('2026-02-01T03:50:00Z'); // Jan 31, 21:50 CST
    expect(iso(nextRefreshAt(last, plan({ lastCheckedAt: last })))).toBe('2026-02-01T12:00:00.000Z');
  });

  it('lands on 6:00 a.m. Central across the March 2026 change (CST → CDT)', () => {
    const last = at('2026-03-08T03:50:00Z'); // Sat Mar 7, 21:50 CST
    const next = nextRefreshAt(last, plan({ lastCheckedAt: last }));
    expect(iso(next)).toBe('2026-03-08T11:00:00.000Z'); // Sun Mar 8, 6:00 CDT
    expect(centralParts(next)).toMatchObject({ month: 3, day: 8, hour: 6, minute: 0, second: 0 });
  });

  it('lands on 6:00 a.m. Central across the November 2026 change (CDT → CST)', () => {
    const last = at('2026-11-01T02:50:00Z'); // Sat Oct 31, 21:50 CDT
    const next = nextRefreshAt(last, plan({ lastCheckedAt: last }));
    expect(iso(next)).toBe('2026-11-01T12:00:00.000Z'); // Sun Nov 1, 6:00 CST
    expect(centralParts(next)).toMatchObject({ month: 11, day: 1, hour: 6, minute: 0, second: 0 });
  });

  it('on the change nights themselves, 1–3 a.m., still waits for 6:00 local', () => {
    expect(iso(nextRefreshAt(at('2026-03-08T08:30:00Z'), plan({})))).toBe('2026-03-08T11:00:00.000Z'); // 2:30 CST → 3:30 CDT
    expect(iso(nextRefreshAt(at('2026-11-01T06:30:00Z'), plan({})))).toBe('2026-11-01T12:00:00.000Z'); // 1:30 CDT
    expect(iso(nextRefreshAt(at('2026-11-01T07:30:00Z'), plan({})))).toBe('2026-11-01T12:00:00.000Z'); // 1:30 CST
  });

  it('opens a 2 a.m. window at 3:00 CDT on the night 2:00 does not exist', () => {
    const now = at('2026-03-08T06:30:00Z'); // 0:30 CST
    expect(iso(nextRefreshAt(now, plan({ windowStartHour: 2, windowEndHour: 5 })))).toBe('2026-03-08T08:00:00.000Z');
  });

  const windowProperty = (from: number, spanMinutes: number) =>
    fc.property(
      fc.integer({ min: 0, max: spanMinutes }),
      fc.option(fc.integer({ min: 0, max: 48 * 60 }), { nil: null }),
      fc.integer({ min: 15, max: 24 * 60 }),
      fc.integer({ min: 0, max: 23 }),
      fc.integer({ min: 1, max: 24 }),
      fc.integer({ min: 0, max: 8 }),
      (nowMin, agoMin, refreshMinutes, windowStartHour, windowEndHour, failures) => {
        const now = from + nowMin * MIN;
        const next = nextRefreshAt(now, plan({ lastCheckedAt: agoMin === null ? null : now - agoMin * MIN, refreshMinutes, windowStartHour, windowEndHour, failures }));
        expect(next).toBeGreaterThanOrEqual(now);
        // Due after at most one (backed-off, capped) interval; the window then opens within 2 days,
        // even when a DST night skips it (a 2–3 a.m. window does not exist on 8 March).
        expect(next - now).toBeLessThanOrEqual(Math.max(refreshMinutes * MIN, 6 * HOUR) + 48 * HOUR);
        expect(isInWindow(next, { startHour: windowStartHour, endHour: windowEndHour })).toBe(true);
      },
    );

  it('always returns a time inside the window, not before now (property)', () => {
    fc.assert(windowProperty(at('2025-01-01T00:00:00Z'), 2 * 365 * 24 * 60));
  });

  it('holds on and around both 2026 DST changes (property)', () => {
    fc.assert(windowProperty(at('2026-03-06T00:00:00Z'), 4 * 24 * 60), { numRuns: 500 });
    fc.assert(windowProperty(at('2026-10-30T00:00:00Z'), 4 * 24 * 60), { numRuns: 500 });
  });
});
