import { useEffect, useRef, useState } from 'preact/hooks';
import type { AccountState } from '../../../../lib/protocol';
import type { Api } from '../../../../lib/ui/api';
import { ErrorBanner } from '../../../../lib/ui/Banner';
import { deviceCode } from '../../account-form';
import { useAction } from '../../use-action';
import { CodeField } from './Field';

export type DeviceChallenge = { email: string; challengeId: string; message: string };

type Props = { api: Api<'verifyDevice'>; challenge: DeviceChallenge; onSignedIn: (account: AccountState) => void; onCancel: () => void };

/** First sign-in from this browser: the 6-digit code the server emailed. */
export function DeviceCodeForm({ api, challenge, onSignedIn, onCancel }: Props) {
  const [code, setCode] = useState('');
  const { busy, error, run, setError } = useAction();
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => form.current?.querySelector('input')?.focus(), []);

  const submit = (e: Event) => {
    e.preventDefault();
    const digits = deviceCode(code);
    if (!digits) return setError('Enter the 6-digit code from the email.');
    void run(async () => {
      onSignedIn(await api('verifyDevice', { challengeId: challenge.challengeId, code: digits }));
      return '';
    });
  };

  return (
    <form class="account-form" ref={form} onSubmit={submit} noValidate aria-labelledby="device-heading">
      <h3 id="device-heading">Confirm this browser</h3>
      <p>{challenge.message}</p>
      <CodeField
        id="device-code"
        label="Code from your email"
        pattern="[0-9]*"
        hint="Once confirmed, this browser is trusted for 30 days."
        value={code}
        onValue={setCode}
      />
      <div class="row">
        <button type="submit" class="button" disabled={busy}>
          Verify
        </button>
        <button type="button" class="link-button" onClick={onCancel}>
          Start over
        </button>
      </div>
      <ErrorBanner message={error} />
    </form>
  );
}
