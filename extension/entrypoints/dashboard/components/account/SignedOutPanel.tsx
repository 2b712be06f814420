import { useState } from 'preact/hooks';
import type { AccountState, SignInResult } from '../../../../lib/protocol';
import type { Api } from '../../../../lib/ui/api';
import { DeviceCodeForm, type DeviceChallenge } from './DeviceCodeForm';
import { ForgotPasswordForm } from './ForgotPasswordForm';
import { SignInForm } from './SignInForm';
import { SignUpForm } from './SignUpForm';
import { VerifyEmailNotice } from './VerifyEmailNotice';

type SignedOutApi = Api<'signUp' | 'resendVerification' | 'signIn' | 'verifyDevice' | 'forgotPassword'>;

type Props = { api: SignedOutApi; onSignedIn: (account: AccountState) => void };

type Tab = 'signIn' | 'signUp';
const TABS: { id: Tab; label: string }[] = [
  { id: 'signIn', label: 'Sign in' },
  { id: 'signUp', label: 'Create account' },
];

/** Sign in or create an account, then the steps either may need: a verified address, the device code. */
export function SignedOutPanel({ api, onSignedIn }: Props) {
  const [tab, setTab] = useState<Tab>('signIn');
  const [forgot, setForgot] = useState(false);
  const [email, setEmail] = useState('');
  const [verify, setVerify] = useState<{ email: string; message: string } | null>(null);
  const [challenge, setChallenge] = useState<DeviceChallenge | null>(null);

  if (challenge) return <DeviceCodeForm api={api} challenge={challenge} onSignedIn={onSignedIn} onCancel={() => setChallenge(null)} />;

  const onResult = (result: SignInResult) => {
    if (result.status === 'signedIn') onSignedIn(result.account);
    else if (result.status === 'deviceCode') setChallenge(result);
    else setVerify(result);
  };
  const onCreated = (created: string) => {
    setVerify({ email: created, message: `We sent a link to ${created}; it works for 24 hours. Open it, then sign in here.` });
    setTab('signIn');
  };
  const choose = (next: Tab) => {
    setTab(next);
    setForgot(false);
  };

  if (forgot) return <ForgotPasswordForm api={api} email={email} onEmail={setEmail} onBack={() => setForgot(false)} />;
  return (
    <>
      {verify && <VerifyEmailNotice api={api} email={verify.email} message={verify.message} />}
      <div class="tabs" role="tablist" aria-label="Account">
        {TABS.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={`account-tab-${t.id}`}
            class="tabs__tab"
            aria-selected={tab === t.id}
            aria-controls="account-tabpanel"
            tabIndex={tab === t.id ? 0 : -1}
            onClick={() => choose(t.id)}
            onKeyDown={(e) => {
              if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
              // Two tabs: either arrow moves to the other one.
              choose(t.id === 'signIn' ? 'signUp' : 'signIn');
              ((e.currentTarget.nextElementSibling ?? e.currentTarget.previousElementSibling) as HTMLElement | null)?.focus();
            }}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div id="account-tabpanel" role="tabpanel" aria-labelledby={`account-tab-${tab}`}>
        {tab === 'signIn' ? (
          <SignInForm api={api} email={email} onEmail={setEmail} onResult={onResult} onForgot={() => setForgot(true)} />
        ) : (
          <SignUpForm api={api} email={email} onEmail={setEmail} onCreated={onCreated} />
        )}
      </div>
    </>
  );
}
