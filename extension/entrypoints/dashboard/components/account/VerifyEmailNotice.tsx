import type { Api } from '../../../../lib/ui/api';
import { ErrorBanner, StatusNote } from '../../../../lib/ui/Banner';
import { useAction } from '../../use-action';

type Props = { api: Api<'resendVerification'>; email: string; message: string };

/** After sign-up (or signing in unverified): the address must be verified first; the link can be sent again. */
export function VerifyEmailNotice({ api, email, message }: Props) {
  const { busy, error, status, run } = useAction();
  const resend = () =>
    void run(async () => {
      await api('resendVerification', { email });
      return `Sent a new link to ${email}.`;
    });

  return (
    <section class="notice" aria-labelledby="verify-heading">
      <h3 id="verify-heading">Check your email to verify your address</h3>
      <p>{message}</p>
      <div class="row">
        <button type="button" class="button button--plain" disabled={busy} onClick={resend}>
          Send the link again
        </button>
        <StatusNote>{status}</StatusNote>
      </div>
      <ErrorBanner message={error} />
    </section>
  );
}
