import { useState } from 'preact/hooks';
import type { SignInResult } from '../../../../lib/protocol';
import type { Api } from '../../../../lib/ui/api';
import { ErrorBanner } from '../../../../lib/ui/Banner';
import { emailProblem } from '../../account-form';
import { useAction } from '../../use-action';
import { EmailField, PasswordField } from './Field';

type Props = {
  api: Api<'signIn'>;
  email: string;
  onEmail: (email: string) => void;
  /** Signed in, or the next step: the emailed device code, or a verified address first. */
  onResult: (result: SignInResult) => void;
  onForgot: () => void;
};

export function SignInForm({ api, email, onEmail, onResult, onForgot }: Props) {
  const [password, setPassword] = useState('');
  const { busy, error, run, setError } = useAction();

  const submit = (e: Event) => {
    e.preventDefault();
    const problem = emailProblem(email) ?? (password === '' ? 'Enter your password.' : null);
    if (problem) return setError(problem);
    void run(async () => {
      onResult(await api('signIn', { email: email.trim(), password }));
      return '';
    });
  };

  return (
    <form class="account-form" onSubmit={submit} noValidate>
      <EmailField id="signin-email" value={email} onValue={onEmail} />
      <PasswordField id="signin-password" label="Password" autocomplete="current-password" value={password} onValue={setPassword} />
      <div class="row">
        <button type="submit" class="button" disabled={busy}>
          Sign in
        </button>
        <button type="button" class="link-button" onClick={onForgot}>
          Forgot password?
        </button>
      </div>
      <ErrorBanner message={error} />
    </form>
  );
}
