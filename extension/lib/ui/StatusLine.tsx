import type { CaseSummary } from '../protocol';
import { checkStatus } from './format';

type Props = { c: Pick<CaseSummary, 'lastCheckedAt' | 'lastCheckedBy' | 'lastError'>; now: number };

/** A case's most recent check in one line (when, by this browser or the server); a warning when it failed. */
export function StatusLine({ c, now }: Props) {
  return <p class={c.lastError ? 'status-line status-line--error' : 'status-line'}>{checkStatus(c, now)}</p>;
}
