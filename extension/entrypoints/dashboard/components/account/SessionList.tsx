import { useEffect, useState } from 'preact/hooks';
import type { SessionView } from '../../../../lib/protocol';
import type { Api } from '../../../../lib/ui/api';
import { ErrorBanner, StatusNote } from '../../../../lib/ui/Banner';
import { formatEpochDate, timeAgo } from '../../../../lib/ui/format';
import { deviceLabel } from '../../../../../shared/accounts/device-label';
import { useAction } from '../../use-action';

type Props = {
  api: Api<'listSessions' | 'revokeSession'>;
  now: number;
  /** Changes when the list changed elsewhere (a password change signs the others out), to reload it. */
  version: number;
  onFailed: (message: string) => void;
};

/** Every device signed in to the account; any but this browser can be signed out from here. */
export function SessionList({ api, now, version, onFailed }: Props) {
  const [sessions, setSessions] = useState<SessionView[] | null>(null);
  const { busy, error, status, run } = useAction(onFailed);
  const load = async () => setSessions(await api('listSessions', {}));

  useEffect(() => {
    void run(async () => {
      await load();
      return '';
    });
  }, [api, version]);

  const revoke = (label: string, id: string) =>
    void run(async () => {
      await api('revokeSession', { id });
      await load();
      return `Signed out ${label}.`;
    });

  return (
    <section aria-labelledby="devices-heading">
      <h3 id="devices-heading">Signed-in devices</h3>
      <ErrorBanner message={error} />
      {!sessions && !error && <p class="muted">Loading…</p>}
      {sessions && (
        <table class="case-table">
          <thead>
            <tr>
              <th scope="col">Device</th>
              <th scope="col">Address</th>
              <th scope="col">Last active</th>
              <th scope="col">Signed in</th>
              <th scope="col">
                <span class="visually-hidden">Action</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {sessions.map((s) => {
              const label = deviceLabel(s.userAgent) ?? 'Unknown device';
              return (
                <tr key={s.id}>
                  <td id={`session-${s.id}`}>
                    {label}
                    {s.current && <strong> (this browser)</strong>}
                  </td>
                  <td>{s.ipAddress ?? '—'}</td>
                  <td>{s.lastSeenAt === null ? '—' : timeAgo(s.lastSeenAt, now)}</td>
                  <td>{s.createdAt === null ? '—' : formatEpochDate(s.createdAt)}</td>
                  <td>
                    {!s.current && (
                      <button type="button" class="button button--plain" disabled={busy} aria-describedby={`session-${s.id}`} onClick={() => revoke(label, s.id)}>
                        Revoke
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <StatusNote>{status}</StatusNote>
    </section>
  );
}
