import { useState } from 'preact/hooks';
import type { AccountState } from '../../../../lib/protocol';
import type { Api } from '../../../../lib/ui/api';
import { ErrorBanner } from '../../../../lib/ui/Banner';
import { useAction } from '../../use-action';
import { PasswordField } from './Field';

type Props = { api: Api<'deleteAccount'>; onDeleted: (account: AccountState) => void; onFailed: (message: string) => void };

/** Deletes the account on the server, confirmed by the password; the local case folder stays. */
export function DeleteAccountForm({ api, onDeleted, onFailed }: Props) {
  const [password, setPassword] = useState('');
  const { busy, error, run, setError } = useAction(onFailed);

  const submit = (e: Event) => {
    e.preventDefault();
    if (password === '') return setError('Enter your password to delete the account.');
    void run(async () => {
      onDeleted(await api('deleteAccount', { password }));
      return '';
    });
  };

  return (
    <section class="confirm" aria-labelledby="delete-heading">
      <h3 id="delete-heading">Delete account</h3>
      <p>
        Deletes your account and everything the sync server keeps for it. This cannot be undone. The case folder in this browser stays.
      </p>
      <form class="account-form" onSubmit={submit} noValidate>
        <PasswordField id="delete-password" label="Password" autocomplete="current-password" value={password} onValue={setPassword} />
        <div class="row">
          <button type="submit" class="button button--danger" disabled={busy}>
            Delete account
          </button>
        </div>
        <ErrorBanner message={error} />
      </form>
    </section>
  );
}
