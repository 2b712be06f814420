import type { Api } from '../../../../lib/ui/api';
import { ErrorBanner, StatusNote } from '../../../../lib/ui/Banner';
import { emailProblem } from '../../account-form';
import { useAction } from '../../use-action';
import { EmailField } from './Field';

type Props = { api: Api<'forgotPassword'>; email: string; onEmail: (email: string) => void; onBack: () => void };

/** Asks the server to email a reset link; the link opens the server's own page. */
export function ForgotPasswordForm({ api, email, onEmail, onBack }: Props) {
  const { busy, error, status, run, setError } = useAction();

  const submit = (e: Event) => {
    e.preventDefault();
    const problem = emailProblem(email);
    if (problem) return setError(problem);
    void run(async () => {
      const { email: sentTo } = await api('forgotPassword', { email: email.trim() });
      return `If ${sentTo} has an account, a link to set a new password is on its way. Open it, then sign in here with the new password.`;
    });
  };

  return (
    <form class="account-form" onSubmit={submit} noValidate aria-labelledby="forgot-heading">
      <h3 id="forgot-heading">Reset your password</h3>
      <p class="note">We email you a link to set a new password.</p>
      <EmailField id="forgot-email" value={email} onValue={onEmail} />
      <div class="row">
        <button type="submit" class="button" disabled={busy}>
          Send reset link
        </button>
        <button type="button" class="link-button" onClick={onBack}>
          Back to sign in
        </button>
      </div>
      <StatusNote>{status}</StatusNote>
      <ErrorBanner message={error} />
    </form>
  );
}
