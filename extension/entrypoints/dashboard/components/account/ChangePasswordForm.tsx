import { useState } from 'preact/hooks';
import type { Api } from '../../../../lib/ui/api';
import { ErrorBanner, StatusNote } from '../../../../lib/ui/Banner';
import { newPasswordProblem } from '../../account-form';
import { useAction } from '../../use-action';
import { PasswordField } from './Field';

type Props = { api: Api<'changePassword'>; onChanged: () => void; onFailed: (message: string) => void };

/** A new password (the rule checked as it is typed); every other device is signed out. */
export function ChangePasswordForm({ api, onChanged, onFailed }: Props) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const { busy, error, status, run, setError } = useAction(onFailed);

  const submit = (e: Event) => {
    e.preventDefault();
    const problem = current === '' ? 'Enter your current password.' : newPasswordProblem(next, confirm);
    if (problem) return setError(problem);
    void run(async () => {
      await api('changePassword', { currentPassword: current, newPassword: next });
      setCurrent('');
      setNext('');
      setConfirm('');
      onChanged();
      return 'Password changed. Every other device was signed out.';
    });
  };

  return (
    <section aria-labelledby="password-heading">
      <h3 id="password-heading">Change password</h3>
      <form class="account-form" onSubmit={submit} noValidate>
        <PasswordField id="password-current" label="Current password" autocomplete="current-password" value={current} onValue={setCurrent} />
        <PasswordField id="password-new" label="New password" autocomplete="new-password" rules value={next} onValue={setNext} />
        <PasswordField id="password-confirm" label="Confirm new password" autocomplete="new-password" value={confirm} onValue={setConfirm} />
        <div class="row">
          <button type="submit" class="button" disabled={busy}>
            Change password
          </button>
          <StatusNote>{status}</StatusNote>
        </div>
        <ErrorBanner message={error} />
      </form>
    </section>
  );
}
