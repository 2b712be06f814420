import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { AccountState } from '../../../../lib/protocol';
import type { Api } from '../../../../lib/ui/api';
import { ErrorBanner, StatusNote } from '../../../../lib/ui/Banner';
import { useAction } from '../../use-action';
import { ChangePasswordForm } from './ChangePasswordForm';
import { DeleteAccountForm } from './DeleteAccountForm';
import { SessionList } from './SessionList';

type SignedInApi = Api<'signOut' | 'listSessions' | 'revokeSession' | 'changePassword' | 'exportAccount' | 'deleteAccount'>;

type Props = {
  api: SignedInApi;
  email: string;
  now: number;
  download: (text: string, filename: string) => void;
  /** Signed out here (Sign out, or the account was deleted). */
  onSignedOut: (account: AccountState) => void;
  /** An action failed: the server may have signed this browser out. */
  onFailed: (message: string) => void;
  /** Shown under the account line (the sync status). */
  children?: ComponentChildren;
};

/** The signed-in account: sync, devices, password, data download, notifications (later), deletion, sign-out. */
export function SignedInPanel({ api, email, now, download, onSignedOut, onFailed, children }: Props) {
  const [sessionsVersion, setSessionsVersion] = useState(0);
  const { busy, error, status, run } = useAction(onFailed);

  const downloadData = () =>
    void run(async () => {
      const { json, filename } = await api('exportAccount', {});
      download(json, filename);
      return `Saved your account data to ${filename}.`;
    });
  const signOut = () =>
    void run(async () => {
      onSignedOut(await api('signOut', {}));
      return '';
    });

  return (
    <>
      <p>
        Signed in as <strong>{email}</strong>.
      </p>
      <div class="actions">
        <button type="button" class="button" disabled={busy} onClick={downloadData}>
          Download my data
        </button>
        <button type="button" class="button button--plain" disabled={busy} onClick={signOut}>
          Sign out
        </button>
      </div>
      <StatusNote>{status}</StatusNote>
      <ErrorBanner message={error} />
      {children}
      <SessionList api={api} now={now} version={sessionsVersion} onFailed={onFailed} />
      <ChangePasswordForm api={api} onChanged={() => setSessionsVersion((v) => v + 1)} onFailed={onFailed} />
      <section aria-labelledby="notifications-heading">
        <h3 id="notifications-heading">Notifications</h3>
        <p>Email, SMS and call alerts arrive with a later update.</p>
      </section>
      <DeleteAccountForm api={api} onDeleted={onSignedOut} onFailed={onFailed} />
    </>
  );
}
