import type { CaseSummary } from '../protocol';

/** "Tracked" (checked for new entries) or "Saved" (kept in the folder only). */
export function CaseBadge({ c }: { c: Pick<CaseSummary, 'tracked'> }) {
  return c.tracked ? <span class="badge badge--tracked">Tracked</span> : <span class="badge badge--saved">Saved</span>;
}

/** "3 unread", or nothing. */
export function UnreadCount({ n }: { n: number }) {
  if (n <= 0) return null;
  return <span class="badge badge--unread">{n} unread</span>;
}
