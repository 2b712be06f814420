import type { NotificationView } from '../../../../../shared/api/prefs';
import { captionOf, formatIsoDate } from '../../../../lib/ui/format';
import { ALERT_KIND, formatInstant } from '../../history-words';
import { caseHash } from '../../route';
import { DeliveryTable } from './DeliveryTable';

/** One alert: its case, what changed on the docket, and how it was delivered. */
export function NotificationItem({ n }: { n: NotificationView }) {
  const headingId = `alert-${n.id}`;
  return (
    <li class="alert-item" aria-labelledby={headingId}>
      <h4 id={headingId}>
        <a href={caseHash(n.caseKey)}>{n.caseNumber}</a> · {captionOf(n)}
      </h4>
      <p class="entry__head">
        <span class="alert-kind">{ALERT_KIND[n.kind]}</span>
        <span class="entry__date">{formatIsoDate(n.entry.date)}</span>
        <span class="entry__title">{n.entry.title}</span>
        {n.kind === 'hearing' && n.entry.scheduledFor && <span>scheduled for {n.entry.scheduledFor}</span>}
        <span class="muted">alert of {formatInstant(n.createdAt)}</span>
      </p>
      <DeliveryTable deliveries={n.deliveries} label={`Deliveries of the alert about ${n.caseNumber}: ${n.entry.title}`} />
    </li>
  );
}
