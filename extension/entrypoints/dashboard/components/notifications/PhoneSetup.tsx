import { useEffect, useRef, useState } from 'preact/hooks';
import { E164, type PrefsView } from '../../../../../shared/api/prefs';
import type { Api } from '../../../../lib/ui/api';
import { ErrorBanner, StatusNote } from '../../../../lib/ui/Banner';
import { deviceCode } from '../../account-form';
import { maskPhone } from '../../notification-form';
import { useAction } from '../../use-action';
import { CodeField, Field } from '../account/Field';

type Props = {
  api: Api<'startPhoneVerification' | 'confirmPhone' | 'removePhone'>;
  phone: PrefsView['phone'];
  /** The server can send SMS (and so confirm a number). */
  available: boolean;
  onChanged: (view: PrefsView) => void;
  onFailed: (message: string) => void;
};

/** The number SMS and calls go to: entered, confirmed with the code texted to it, or removed. */
export function PhoneSetup({ api, phone, available, onChanged, onFailed }: Props) {
  const [number, setNumber] = useState('');
  const [code, setCode] = useState('');
  const [pending, setPending] = useState<string | null>(phone.pending);
  /** What is wrong with the number or the code as typed, shown under that field. */
  const [problem, setProblem] = useState<{ field: 'number' | 'code'; message: string } | null>(null);
  const { busy, error, status, run, setError } = useAction(onFailed);
  // Each step replaces the form (and the focused button): focus goes to the next thing to fill in or read.
  const step = phone.number ? 'confirmed' : pending ? 'code' : 'number';
  const shownStep = useRef(step);
  useEffect(() => {
    // Once the step changed and the form is usable again (a disabled button takes no focus).
    if (step === shownStep.current || busy) return;
    shownStep.current = step;
    document.getElementById(step === 'code' ? 'phone-code' : step === 'number' ? 'phone-number' : 'phone-remove')?.focus();
  }, [step, busy]);
  const refuse = (field: 'number' | 'code', message: string) => {
    setProblem({ field, message });
    setError(message);
    document.getElementById(field === 'number' ? 'phone-number' : 'phone-code')?.focus();
  };

  const sendCode = (e: Event) => {
    e.preventDefault();
    const phoneNumber = number.replace(/[\s().-]/g, '');
    if (!E164.safeParse(phoneNumber).success) return refuse('number', 'Enter the number with its country code, like +13145550123.');
    setProblem(null);
    void run(async () => {
      const sent = await api('startPhoneVerification', { phone: phoneNumber });
      setPending(sent.pending);
      setCode('');
      return `Sent a code to ${sent.pending}; it works for 10 minutes.`;
    });
  };
  const confirm = (e: Event) => {
    e.preventDefault();
    const digits = deviceCode(code);
    if (!digits) return refuse('code', 'Enter the 6-digit code from the text message.');
    setProblem(null);
    void run(async () => {
      onChanged(await api('confirmPhone', { code: digits }));
      setPending(null);
      return 'Phone number confirmed.';
    });
  };
  const remove = () =>
    void run(async () => {
      onChanged(await api('removePhone', {}));
      return 'Phone number removed; SMS and calls stop.';
    });

  return (
    <section aria-labelledby="phone-heading">
      <h3 id="phone-heading">Phone for SMS and calls</h3>
      {!available ? (
        <p class="muted">SMS and calls are not available on this server (no Twilio account configured), so no phone number can be confirmed.</p>
      ) : phone.number ? (
        <div class="row">
          <p>
            Confirmed: <strong>{maskPhone(phone.number)}</strong>
          </p>
          <button id="phone-remove" type="button" class="button button--plain" disabled={busy} onClick={remove}>
            Remove
          </button>
        </div>
      ) : pending ? (
        <form class="account-form" onSubmit={confirm} noValidate>
          <CodeField
            id="phone-code"
            label="Code from the text message"
            hint={problem?.field === 'code' ? problem.message : `Sent to ${pending}. Nothing is sent to a number until it is confirmed.`}
            invalid={problem?.field === 'code'}
            value={code}
            onValue={setCode}
          />
          <div class="row">
            <button type="submit" class="button" disabled={busy}>
              Confirm
            </button>
            <button type="button" class="link-button" onClick={() => setPending(null)}>
              Use another number
            </button>
          </div>
        </form>
      ) : (
        <form class="account-form" onSubmit={sendCode} noValidate>
          <Field
            id="phone-number"
            label="Phone number"
            type="tel"
            autocomplete="tel"
            hint={problem?.field === 'number' ? problem.message : 'With the country code, like +13145550123. A 6-digit code is texted to it.'}
            invalid={problem?.field === 'number'}
            value={number}
            onValue={setNumber}
          />
          <div class="row">
            <button type="submit" class="button" disabled={busy}>
              Send code
            </button>
          </div>
        </form>
      )}
      <StatusNote>{status}</StatusNote>
      <ErrorBanner message={error} />
    </section>
  );
}
