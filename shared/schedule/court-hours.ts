import { centralParts } from './window';

/**
 * How often the server polls a tracked case: every 15 minutes in court hours (Monday–Friday,
 * 7 a.m.–6 p.m. Central, DST-correct), hourly otherwise. `overrideSeconds` (development, tests)
 * replaces both.
 */
export const COURT_HOURS = { startHour: 7, endHour: 18, busyMs: 15 * 60_000, quietMs: 60 * 60_000 } as const;

const WEEKDAY = new Intl.DateTimeFormat('en-US', { timeZone: 'America/Chicago', weekday: 'short' });

export function inCourtHours(ts: number): boolean {
  const day = WEEKDAY.format(ts);
  if (day === 'Sat' || day === 'Sun') return false;
  const { hour } = centralParts(ts);
  return hour >= COURT_HOURS.startHour && hour < COURT_HOURS.endHour;
}

/** When a case checked at `now` is due again. */
export function pollInterval(now: number, overrideSeconds?: number): number {
  if (overrideSeconds !== undefined) return overrideSeconds * 1000;
  return inCourtHours(now) ? COURT_HOURS.busyMs : COURT_HOURS.quietMs;
}
