import type { CaseSummary } from '../protocol';
import { checkStatus } from './format';

type Props = { c: Pick<CaseSummary, 'lastCheckedAt' | 'lastError'>; now: number };

/** A case's check status in one line; shown as a warning when the last check failed. */
export function StatusLine({ c, now }: Props) {
  return <p class={c.lastError ? 'status-line status-line--error' : 'status-line'}>{checkStatus(c, now)}</p>;
}
