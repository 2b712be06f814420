import type { DeliveryView } from '../../../../../shared/api/prefs';
import { ATTEMPT_OUTCOME, DELIVERY_STATUS, formatInstant } from '../../history-words';
import { CHANNEL_LABEL } from '../../notification-form';

/** One alert's deliveries, one row per channel, with every attempt (time, outcome, provider id, error). */
export function DeliveryTable({ deliveries, label }: { deliveries: DeliveryView[]; label: string }) {
  if (deliveries.length === 0) return <p class="muted">Not sent on any channel (all were off, or the case was muted).</p>;
  return (
    <table class="case-table delivery-table" aria-label={label}>
      <thead>
        <tr>
          <th scope="col">Channel</th>
          <th scope="col">Status</th>
          <th scope="col" class="num">
            Tries
          </th>
          <th scope="col">Provider id</th>
          <th scope="col">Last error</th>
          <th scope="col">Attempts</th>
        </tr>
      </thead>
      <tbody>
        {deliveries.map((d) => (
          <tr key={d.id}>
            <td>{CHANNEL_LABEL[d.channel]}</td>
            <td>
              {DELIVERY_STATUS[d.status]}
              {d.nextAttemptAt && <span class="muted"> · next {formatInstant(d.nextAttemptAt)}</span>}
            </td>
            <td class="num">{d.tries}</td>
            <td class="mono">{d.providerId ?? '—'}</td>
            <td>{d.lastError ?? '—'}</td>
            <td>
              {d.attempts.length === 0 ? (
                '—'
              ) : (
                <ol class="attempts">
                  {d.attempts.map((a, i) => (
                    <li key={i}>
                      {formatInstant(a.at)}: {ATTEMPT_OUTCOME[a.outcome]}
                      {a.providerId && <span class="mono"> ({a.providerId})</span>}
                      {a.error && <span class="muted"> — {a.error}</span>}
                    </li>
                  ))}
                </ol>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
