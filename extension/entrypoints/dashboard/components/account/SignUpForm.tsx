import { useState } from 'preact/hooks';
import type { Api } from '../../../../lib/ui/api';
import { ErrorBanner } from '../../../../lib/ui/Banner';
import { emailProblem, newPasswordProblem } from '../../account-form';
import { useAction } from '../../use-action';
import { EmailField, PasswordField } from './Field';

type Props = { api: Api<'signUp'>; email: string; onEmail: (email: string) => void; onCreated: (email: string) => void };

/** Email, password (the rule checked as it is typed) and the password again. */
export function SignUpForm({ api, email, onEmail, onCreated }: Props) {
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const { busy, error, run, setError } = useAction();

  const submit = (e: Event) => {
    e.preventDefault();
    const problem = emailProblem(email) ?? newPasswordProblem(password, confirm);
    if (problem) return setError(problem);
    void run(async () => {
      onCreated((await api('signUp', { email: email.trim(), password })).email);
      return '';
    });
  };

  return (
    <form class="account-form" onSubmit={submit} noValidate>
      <EmailField id="signup-email" value={email} onValue={onEmail} />
      <PasswordField id="signup-password" label="Password" autocomplete="new-password" rules value={password} onValue={setPassword} />
      <PasswordField id="signup-confirm" label="Confirm password" autocomplete="new-password" value={confirm} onValue={setConfirm} />
      <div class="row">
        <button type="submit" class="button" disabled={busy}>
          Create account
        </button>
      </div>
      <ErrorBanner message={error} />
    </form>
  );
}
