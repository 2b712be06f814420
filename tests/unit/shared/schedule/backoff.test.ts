import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backoffDelay, cappedExponential, parseRetryAfter, SIX_HOURS_MS } from '../../../../shared/schedule/backoff';

describe('cappedExponential', () => {
  it('doubles from the base and stops at the cap', () => {
    expect([0, 1, 2, 3, 10, 1e6].map((a) => cappedExponential(a, 1_000, 5_000))).toEqual([1_000, 2_000, 4_000, 5_000, 5_000, 5_000]);
    expect(cappedExponential(-3, 1_000, 5_000)).toBe(1_000);
  });
});

describe('backoffDelay', () => {
  it('draws up to base · 2^attempt (full jitter)', () => {
    expect(backoffDelay(3, { baseMs: 1_000, capMs: 60_000, random: () => 0.999999 })).toBe(7_999);
    expect(backoffDelay(3, { baseMs: 1_000, capMs: 60_000, random: () => 0 })).toBe(0);
    expect(backoffDelay(2, { baseMs: 1_000, capMs: 60_000, random: () => 0.5 })).toBe(2_000);
  });

  it('never exceeds the cap, however many attempts', () => {
    expect(backoffDelay(500, { baseMs: 1_000, capMs: 60_000, random: () => 0.999999 })).toBeLessThan(60_000);
  });

  it('defaults to a 30 s base and a 6 h cap', () => {
    expect(backoffDelay(1, { random: () => 0.5 })).toBe(30_000);
    expect(backoffDelay(100, { random: () => 0.999999 })).toBeLessThan(SIX_HOURS_MS);
    expect(backoffDelay(100, { random: () => 0.999999 })).toBeGreaterThan(SIX_HOURS_MS - 100_000);
  });

  it('stays within [0, min(cap, base·2^attempt)) (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 1, max: 1e8 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (attempt, baseMs, capMs, r) => {
        const d = backoffDelay(attempt, { baseMs, capMs, random: () => r });
        expect(d).toBeGreaterThanOrEqual(0);
        expect(d).toBeLessThan(Math.max(1, Math.min(capMs, baseMs * 2 ** attempt)));
        expect(Number.isInteger(d)).toBe(true);
      }),
    );
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-10-21T07:00:00Z');

  it('reads delay-seconds', () => {
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
  });

  it('reads an HTTP-date relative to now; a past date means no wait', () => {
    expect(parseRetryAfter('Wed, 21 Oct 2026 07:28:00 GMT', now)).toBe(28 * 60_000);
    expect(parseRetryAfter('Wed, 21 Oct 2026 06:28:00 GMT', now)).toBe(0);
  });

  it('caps at 6 hours', () => {
    expect(parseRetryAfter('86400', now)).toBe(SIX_HOURS_MS);
    expect(parseRetryAfter('Fri, 01 Jan 2027 00:00:00 GMT', now)).toBe(SIX_HOURS_MS);
  });

  it.each([null, '', '-5', '1.5', 'soon', '2026-10-21T07:28:00Z', 'Wed, 99 Foo 2026 GMT', '12abc'])('gives null for %j', (h) => {
    expect(parseRetryAfter(h, now)).toBeNull();
  });
});
