import { ErrorBanner } from '../../../lib/ui/Banner';
import { plural, timeAgo } from '../../../lib/ui/format';
import type { SyncControl } from '../use-sync-state';

type Props = { sync: SyncControl; now: number; /** One line for the folder header; the Account view shows it all. */ compact?: boolean };

/** Where sync stands: last round, changes waiting, the server's refusal if any, and "Sync now". */
export function SyncStatus({ sync, now, compact = false }: Props) {
  const { state } = sync;
  if (!state || (!state.enabled && !state.lastError)) return null;
  const error = sync.error ?? state.lastError;
  if (!state.enabled) return <ErrorBanner message={error} />;

  const facts = [
    state.running || sync.busy ? 'Syncing…' : state.lastSyncedAt === null ? 'Not synced yet' : `Last synced ${timeAgo(state.lastSyncedAt, now)}`,
    ...(state.pending > 0 ? [`${plural(state.pending, 'change')} waiting`] : []),
  ];
  const button = (
    <button type="button" class="button button--plain" disabled={sync.busy} onClick={sync.syncNow}>
      Sync now
    </button>
  );

  if (compact) {
    return (
      <div class="sync-line">
        <p class="row note">
          <span>{facts.join(' · ')}</span>
          {button}
        </p>
        <ErrorBanner message={error} />
      </div>
    );
  }
  return (
    <section aria-labelledby="sync-heading">
      <h3 id="sync-heading">Sync</h3>
      <p>Your cases, notes, tags, read alerts and settings follow you to every browser signed in to this account.</p>
      <ul class="sync-facts">
        {facts.map((f) => (
          <li key={f}>{f}</li>
        ))}
        {state.merged !== null && state.merged > 0 && <li>Added from this browser when you signed in: {plural(state.merged, 'case')}.</li>}
      </ul>
      <ErrorBanner message={error} />
      <div class="actions">{button}</div>
    </section>
  );
}
