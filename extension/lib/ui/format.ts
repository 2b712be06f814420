import type { CaseSummary } from '../protocol';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** `2015-03-04` → `Mar 4, 2015`; anything else is returned unchanged (never guessed at). */
export function formatIsoDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const month = m ? MONTHS[Number(m[2]) - 1] : undefined;
  if (!m || !month) return iso;
  return `${month} ${Number(m[3])}, ${m[1]}`;
}

/** Epoch milliseconds → local calendar date in the same style as `formatIsoDate`. */
export function formatEpochDate(ms: number): string {
  const d = new Date(ms);
  return `${MONTHS[d.getMonth()]} ${d.getDate()}, ${d.getFullYear()}`;
}

/** How long ago `then` was, in words: "just now", "12 min ago", "3 h ago", "2 days ago", or a date. */
export function timeAgo(then: number, now: number): string {
  const diff = Math.max(0, now - then);
  if (diff < MINUTE) return 'just now';
  if (diff < HOUR) return `${Math.floor(diff / MINUTE)} min ago`;
  if (diff < DAY) return `${Math.floor(diff / HOUR)} h ago`;
  const days = Math.floor(diff / DAY);
  if (days < 30) return days === 1 ? '1 day ago' : `${days} days ago`;
  return `on ${formatEpochDate(then)}`;
}

/** A count with thousands separators: 1234 → "1,234" (no Intl: its first use costs the popup ~50 ms). */
export function formatCount(n: number): string {
  return String(Math.trunc(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** "1 case" / "3 cases". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

/**
 * "Checked 12 min ago by this browser" (or "by the server"), with that check's error in plain words
 * ("… — could not read the docket: Case.net is down for maintenance"), or "Not checked yet".
 */
export function checkStatus(c: Pick<CaseSummary, 'lastCheckedAt' | 'lastCheckedBy' | 'lastError'>, now: number): string {
  const problem = !c.lastError ? '' : ` — ${/^could not /i.test(c.lastError) ? c.lastError : `could not read the docket: ${c.lastError}`}`;
  if (c.lastCheckedAt === null) return `Not checked yet${problem}`;
  const by = c.lastCheckedBy === 'server' ? ' by the server' : c.lastCheckedBy === 'browser' ? ' by this browser' : '';
  return `Checked ${timeAgo(c.lastCheckedAt, now)}${by}${problem}`;
}

/** What the user calls a case when it has no caption yet. */
export function captionOf(c: { caption: string | null }): string {
  return c.caption ?? '(no caption yet)';
}

/** The link to a case on Case.net, only when it really points there (never a `javascript:` URL). */
export function casenetHref(url: string | null): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    const hostOk = u.hostname === 'www.courts.mo.gov' || u.hostname === 'courts.mo.gov';
    return hostOk && (u.protocol === 'https:' || u.protocol === 'http:') ? u.href : null;
  } catch {
    return null;
  }
}

export const KIND_LABEL = { new: 'New', changed: 'Changed', removed: 'Removed', hearing: 'Hearing' } as const;
