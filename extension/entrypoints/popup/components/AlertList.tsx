import type { AlertView } from '../../../lib/protocol';
import { captionOf, formatIsoDate, KIND_LABEL } from '../../../lib/ui/format';

type Props = {
  alerts: AlertView[];
  onOpen: (alert: AlertView) => void;
  onMarkAllRead: () => void;
  busy: boolean;
};

/** Unread alerts, newest first as the background sends them; each opens its case page. */
export function AlertList({ alerts, onOpen, onMarkAllRead, busy }: Props) {
  if (alerts.length === 0) return null;
  return (
    <section class="alerts" aria-labelledby="alerts-heading">
      <div class="section-head">
        <h2 id="alerts-heading">Unread alerts ({alerts.length})</h2>
        <button type="button" class="link-button" onClick={onMarkAllRead} disabled={busy}>
          Mark all read
        </button>
      </div>
      <ul class="alert-list">
        {alerts.map((a) => (
          <li key={a.id}>
            <button type="button" class="alert" onClick={() => onOpen(a)} disabled={busy}>
              <span class="alert__top">
                <span class={`kind kind--${a.kind}`}>{KIND_LABEL[a.kind]}</span>
                <span class="alert__case">{a.caseNumber}</span>
                <span class="alert__date">{formatIsoDate(a.date)}</span>
              </span>
              <span class="alert__caption">{captionOf(a)}</span>
              <span class="alert__title">{a.title}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
