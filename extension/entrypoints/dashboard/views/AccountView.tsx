import { useEffect, useState } from 'preact/hooks';
import type { AccountRequestName, AccountState } from '../../../lib/protocol';
import { errorText, type Api } from '../../../lib/ui/api';
import { ErrorBanner } from '../../../lib/ui/Banner';
import { SignedInPanel } from '../components/account/SignedInPanel';
import { SignedOutPanel } from '../components/account/SignedOutPanel';
import { SyncStatus } from '../components/SyncStatus';
import { downloadText } from '../download';
import type { SyncControl } from '../use-sync-state';

export type AccountApi = Api<AccountRequestName>;

type Props = {
  api: AccountApi;
  now: number;
  /** Saves the data download; tests replace it. */
  download?: (text: string, filename: string) => void;
  sync: SyncControl;
};

/** The account on the sync server: sign up, sign in (with the new-device code), and once signed in its settings. */
export function AccountView({ api, now, download = downloadText, sync }: Props) {
  const [account, setAccount] = useState<AccountState | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api('getAccount', {}).then(setAccount, (err: unknown) => setError(errorText(err)));
  }, [api]);

  /** Signed in or out here: the sync state changes with it. */
  const changed = (next: AccountState) => {
    setAccount(next);
    sync.refresh();
  };

  /** After a failed action: if the server signed this browser out, show the sign-in with the reason. */
  const recheck = (message: string) => {
    api('getAccount', {}).then(
      (next) => changed(next.signedIn ? next : { ...next, notice: next.notice ?? message }),
      () => undefined,
    );
  };

  return (
    <section class="panel" aria-labelledby="account-heading">
      <h2 id="account-heading">Account</h2>
      <ErrorBanner message={error && `Could not read your account: ${error}`} />
      {!account && !error && <p class="muted">Loading…</p>}
      {account?.notice && (
        <p class="banner" role="status">
          {account.notice}
        </p>
      )}
      {account?.signedIn === true && (
        <SignedInPanel api={api} email={account.email} now={now} download={download} onSignedOut={changed} onFailed={recheck}>
          <SyncStatus sync={sync} now={now} />
        </SignedInPanel>
      )}
      {account?.signedIn === false && <SignedOutPanel api={api} onSignedIn={changed} />}
      {account && (
        <p class="note">
          Sync server: {account.server} (change it under Settings on <a href="#">Your cases</a>). Your case folder stays in this browser whether
          or not you are signed in.
        </p>
      )}
    </section>
  );
}
