/**
 * Wall-clock hours in any IANA time zone, DST-correct, with Intl only (no time-zone library):
 * "7 a.m. in America/Chicago" stays 7 a.m. across the March and November changes. Used for digest
 * times and quiet hours, which users set in their own zone.
 */

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const formats = new Map<string, Intl.DateTimeFormat>();

function formatFor(timeZone: string): Intl.DateTimeFormat {
  let f = formats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      hourCycle: 'h23',
    });
    formats.set(timeZone, f);
  }
  return f;
}

/** Whether Intl knows the zone (`America/Chicago`, `UTC`); `Mars/Olympus` and `` are not. */
export function isTimeZone(timeZone: string): boolean {
  if (!timeZone || timeZone.length > 64) return false;
  try {
    formatFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

export type ZonedParts = { year: number; month: number; day: number; hour: number; minute: number; second: number };

/** The wall-clock time of `ts` in `timeZone` (month 1–12, hour 0–23). */
export function zonedParts(ts: number, timeZone: string): ZonedParts {
  const parts: Record<string, number> = {};
  for (const p of formatFor(timeZone).formatToParts(ts)) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  return {
    year: parts['year'] ?? 0,
    month: parts['month'] ?? 0,
    day: parts['day'] ?? 0,
    hour: (parts['hour'] ?? 0) % 24,
    minute: parts['minute'] ?? 0,
    second: parts['second'] ?? 0,
  };
}

/** The zone's offset from UTC at `ts`, in ms (Chicago: −6 h in winter, −5 h in summer). */
function offsetAt(ts: number, timeZone: string): number {
  const p = zonedParts(ts, timeZone);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(ts / 1000) * 1000;
}

/**
 * The instant of `hour`:00 on a local calendar day (`day` may overflow into the next month). An hour
 * that happens twice (the fall-back night) gives its first occurrence; an hour that does not exist
 * (the spring-forward night) gives the moment the clocks jump, e.g. 3:00 for 2:00 in Chicago.
 */
export function zonedHourStart(year: number, month: number, day: number, hour: number, timeZone: string): number {
  const wall = Date.UTC(year, month - 1, day, hour);
  const before = wall - offsetAt(wall - DAY_MS, timeZone);
  const after = wall - offsetAt(wall + DAY_MS, timeZone);
  const matches = [before, after].filter((t) => {
    const p = zonedParts(t, timeZone);
    return Date.UTC(p.year, p.month - 1, p.day, p.hour) === wall && p.minute === 0;
  });
  return matches.length ? Math.min(...matches) : before;
}

/**
 * The first start of `hour`:00 local time strictly after `after`: once per local day, whatever the
 * DST changes do to the length of that day.
 */
export function nextZonedHour(after: number, hour: number, timeZone: string): number {
  const p = zonedParts(after, timeZone);
  for (let day = p.day; day <= p.day + 2; day++) {
    const t = zonedHourStart(p.year, p.month, day, hour, timeZone);
    if (t > after) return t;
  }
  throw new Error(`no ${hour}:00 in ${timeZone} after ${new Date(after).toISOString()}`); // unreachable for a real zone
}

/** The last start of `hour`:00 local time at or before `at` (within the day before it). */
export function lastZonedHour(at: number, hour: number, timeZone: string): number {
  let last = nextZonedHour(at - 26 * 3_600_000, hour, timeZone);
  for (let next = nextZonedHour(last, hour, timeZone); next <= at; next = nextZonedHour(next, hour, timeZone)) last = next;
  return last;
}

export type HourRange = { startHour: number; endHour: number };

/** Whether `ts` falls in [startHour, endHour) local time; a range across midnight (22 → 7) works. Equal hours: never. */
export function inZonedHours(ts: number, range: HourRange, timeZone: string): boolean {
  const { startHour, endHour } = range;
  if (startHour === endHour) return false;
  const { hour } = zonedParts(ts, timeZone);
  return startHour < endHour ? hour >= startHour && hour < endHour : hour >= startHour || hour < endHour;
}

/** `ts` when it is outside the range, else the range's end (the next `endHour`:00 local). */
export function afterZonedHours(ts: number, range: HourRange, timeZone: string): number {
  return inZonedHours(ts, range, timeZone) ? nextZonedHour(ts, range.endHour, timeZone) : ts;
}
