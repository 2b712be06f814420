import { cappedExponential, SIX_HOURS_MS } from './backoff';
import { zonedHourStart, zonedParts, type ZonedParts } from './zoned';

const HOUR_MS = 60 * 60 * 1000;

/**
 * Refresh timing in Missouri's time zone (America/Chicago), DST-correct: the refresh window is
 * local wall-clock hours, so 6 a.m. stays 6 a.m. across the March and November changes.
 */

const CENTRAL = 'America/Chicago';

export type CentralParts = ZonedParts;

/** Central wall-clock time of a timestamp (month 1–12, hour 0–23). */
export const centralParts = (ts: number): CentralParts => zonedParts(ts, CENTRAL);

/** The timestamp of `hour`:00 Central on a calendar day (`day` may overflow into the next month). */
const centralWallTime = (year: number, month: number, day: number, hour: number): number => zonedHourStart(year, month, day, hour, CENTRAL);

export type RefreshWindow = {
  /** Central hour the window opens (inclusive). */
  startHour: number;
  /** Central hour it closes (exclusive); may be below `startHour` for a window across midnight; equal means all day. */
  endHour: number;
};

export function isInWindow(ts: number, { startHour, endHour }: RefreshWindow): boolean {
  if (startHour === endHour) return true;
  const { hour } = centralParts(ts);
  return startHour < endHour ? hour >= startHour && hour < endHour : hour >= startHour || hour < endHour;
}

/**
 * `ts` if it is inside the window, else the window's next opening (`startHour`:00 Central). On the
 * spring-forward night an opening at 2:00, which does not exist, becomes 3:00 CDT, and a window
 * that does not exist that night (2–3 a.m.) opens the next night.
 */
export function nextWindowStart(ts: number, window: RefreshWindow): number {
  if (isInWindow(ts, window)) return ts;
  const p = centralParts(ts);
  for (let day = p.day; day <= p.day + 2; day++) {
    const wall = centralWallTime(p.year, p.month, day, window.startHour);
    for (const t of [wall, wall + HOUR_MS]) if (t >= ts && isInWindow(t, window)) return t;
  }
  throw new Error(`no refresh window opening after ${new Date(ts).toISOString()}`); // unreachable for a real window
}

export type RefreshPlan = {
  lastCheckedAt: number | null;
  refreshMinutes: number;
  windowStartHour: number;
  windowEndHour: number;
  /** Consecutive failed checks: each doubles the interval, up to 6 h. */
  failures: number;
};

/**
 * When a case is next due: its last check plus the interval (doubled per failure, at most 6 h or
 * the interval itself if that is longer), moved to the next window opening when it falls outside
 * the window, and never earlier than `now`. Never checked → now (or the next window opening).
 */
export function nextRefreshAt(now: number, plan: RefreshPlan): number {
  const base = plan.refreshMinutes * 60_000;
  const interval = cappedExponential(plan.failures, base, Math.max(base, SIX_HOURS_MS));
  const due = plan.lastCheckedAt === null ? now : Math.max(now, plan.lastCheckedAt + interval);
  return nextWindowStart(due, { startHour: plan.windowStartHour, endHour: plan.windowEndHour });
}
