import type { CaseDetail } from '../../../lib/protocol';
import { formatIsoDate } from '../../../lib/ui/format';

/** Upcoming hearings, soonest first, as the background lists them. */
export function HearingList({ hearings }: { hearings: CaseDetail['hearings'] }) {
  if (hearings.length === 0) return <p class="muted">No upcoming hearings on the stored docket.</p>;
  return (
    <ul class="hearings">
      {hearings.map((h, i) => (
        <li key={`${h.scheduledFor}|${i}`}>
          <strong>{h.scheduledFor}</strong> — {h.title} <span class="muted">(entered {formatIsoDate(h.date)})</span>
        </li>
      ))}
    </ul>
  );
}
