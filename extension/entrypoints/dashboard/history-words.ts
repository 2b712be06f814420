import type { DeliveryView, NotificationView } from '../../../shared/api/prefs';
import { formatEpochDate } from '../../lib/ui/format';

/** Words for the notification history (shared/api/prefs `NotificationPage`). */

export const ALERT_KIND: Record<NotificationView['kind'], string> = {
  new: 'New entry',
  changed: 'Corrected entry',
  removed: 'Removed entry',
  hearing: 'Hearing reminder',
};

/** A delivery's state: the server's word, explained where it is not plain. */
export const DELIVERY_STATUS: Record<DeliveryView['status'], string> = {
  pending: 'pending (to be sent or retried)',
  digest: 'digest (waits for the daily digest)',
  ready: 'ready to send',
  sent: 'sent',
  'maybe-sent': 'maybe sent (no answer in time; never resent)',
  dead: 'dead (gave up after repeated failures)',
  cancelled: 'cancelled',
};

export const ATTEMPT_OUTCOME: Record<DeliveryView['attempts'][number]['outcome'], string> = {
  sent: 'sent',
  retry: 'failed, will retry',
  dead: 'failed, gave up',
  'maybe-sent': 'maybe sent',
};

/** An ISO instant as local date and time: `Nov 25, 2026 14:05`; anything unreadable as given. */
export function formatInstant(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${formatEpochDate(d.getTime())} ${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}
