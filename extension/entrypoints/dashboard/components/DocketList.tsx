import type { AlertView, StoredEntryView } from '../../../lib/protocol';
import { formatIsoDate, KIND_LABEL } from '../../../lib/ui/format';

type Props = { entries: StoredEntryView[]; alerts: AlertView[] };

/**
 * The stored docket, newest first, with a mark on entries that have an unread alert.
 * Alerts name their entry by date and title (AlertView carries no fingerprint).
 */
export function DocketList({ entries, alerts }: Props) {
  const unread = alerts.filter((a) => a.readAt === null);
  const markOf = new Map(unread.filter((a) => a.kind !== 'removed').map((a) => [`${a.date}\n${a.title}`, a.kind]));
  const removed = unread.filter((a) => a.kind === 'removed');
  const sorted = newestFirst(entries);
  return (
    <>
      {removed.length > 0 && (
        <div class="removed">
          <h4>Removed from the docket since you last looked</h4>
          <ul>
            {removed.map((a) => (
              <li key={a.id}>
                {formatIsoDate(a.date)} — {a.title}
              </li>
            ))}
          </ul>
        </div>
      )}
      {sorted.length === 0 ? (
        <p class="muted">No docket entries stored yet.</p>
      ) : (
        <ol class="docket">
          {sorted.map((e) => {
            const mark = markOf.get(`${e.date}\n${e.title}`);
            return (
              <li key={e.fingerprint} class={mark ? 'entry entry--unread' : 'entry'}>
                <div class="entry__head">
                  <span class="entry__date">{formatIsoDate(e.date)}</span>
                  <span class="entry__title">{e.title}</span>
                  {mark && <span class={`kind kind--${mark}`}>{KIND_LABEL[mark]} since you last looked</span>}
                </div>
                {e.text && <p class="entry__text">{e.text}</p>}
                <dl class="entry__facts">
                  {e.filedBy && <Fact label="Filed by" value={e.filedBy} />}
                  {e.onBehalfOf && <Fact label="On behalf of" value={e.onBehalfOf} />}
                  {e.scheduledFor && <Fact label="Scheduled for" value={e.scheduledFor} />}
                </dl>
              </li>
            );
          })}
        </ol>
      )}
    </>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

/** Entries by date, newest first; entries of one day keep their stored order. */
function newestFirst(entries: StoredEntryView[]): StoredEntryView[] {
  return [...entries].sort((a, b) => b.date.localeCompare(a.date));
}
