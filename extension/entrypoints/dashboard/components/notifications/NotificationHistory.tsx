import { useEffect, useState } from 'preact/hooks';
import type { NotificationView } from '../../../../../shared/api/prefs';
import type { Api } from '../../../../lib/ui/api';
import { ErrorBanner } from '../../../../lib/ui/Banner';
import { useAction } from '../../use-action';
import { NotificationItem } from './NotificationItem';

type Props = { api: Api<'getNotifications'>; onFailed: (message: string) => void };

/** Every alert of the account, newest first, with every delivery attempt; older pages on demand. */
export function NotificationHistory({ api, onFailed }: Props) {
  const [items, setItems] = useState<NotificationView[] | null>(null);
  const [nextBefore, setNextBefore] = useState<string | null>(null);
  const { busy, error, run } = useAction(onFailed);

  const load = (before?: string) =>
    run(async () => {
      const page = await api('getNotifications', before === undefined ? {} : { before });
      setItems((shown) => (before === undefined ? page.notifications : [...(shown ?? []), ...page.notifications]));
      setNextBefore(page.nextBefore);
      return '';
    });

  useEffect(() => void load(), [api]);

  return (
    <section aria-labelledby="history-heading">
      <h3 id="history-heading">History</h3>
      <ErrorBanner message={error} />
      {!items && !error && <p class="muted">Loading…</p>}
      {items?.length === 0 && <p class="muted">No alerts yet. When a tracked case changes, the alert and every attempt to deliver it are listed here.</p>}
      {items && items.length > 0 && (
        <ol class="alert-list">
          {items.map((n) => (
            <NotificationItem key={n.id} n={n} />
          ))}
        </ol>
      )}
      {nextBefore && (
        <button type="button" class="button button--plain" disabled={busy} onClick={() => void load(nextBefore)}>
          Load more
        </button>
      )}
    </section>
  );
}
