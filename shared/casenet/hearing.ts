import { centralParts } from '../schedule/window';

/** `04/10/2015; 1:30 PM ; JUDGE; Boone` (a "Scheduled For" line) → `2015-04-10`; null when no date leads the text. */
export function hearingDate(scheduledFor: string): string | null {
  const m = /^(\d{2})\/(\d{2})\/(\d{4})/.exec(scheduledFor.trim());
  return m ? `${m[3]}-${m[1]}-${m[2]}` : null;
}

/** The calendar date in Missouri (Central time) at `ts`, `YYYY-MM-DD`: the day hearing reminders count from. */
export function centralToday(ts: number): string {
  const { year, month, day } = centralParts(ts);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Whole days from `today` to `date` (both `YYYY-MM-DD`); negative when the date has passed. */
export function daysUntil(today: string, date: string): number {
  return Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

/**
 * Which reminder is due for a hearing `days` away, given the user's "days before" list (e.g. [10, 2]):
 * the smallest listed day count that is still ≥ `days`, so a hearing learned of late gets one
 * reminder, not several; null when none applies (past, or further off than every listed count).
 */
export function reminderDue(days: number, daysBefore: readonly number[]): number | null {
  if (days < 0) return null;
  const fitting = daysBefore.filter((n) => n >= days);
  return fitting.length ? Math.min(...fitting) : null;
}
