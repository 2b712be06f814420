import { useEffect, useState } from 'preact/hooks';
import type { PrefsView } from '../../../../shared/api/prefs';
import type { AccountState, NotificationRequestName } from '../../../lib/protocol';
import { errorText, type Api } from '../../../lib/ui/api';
import { ErrorBanner } from '../../../lib/ui/Banner';
import { NotificationHistory } from '../components/notifications/NotificationHistory';
import { PhoneSetup } from '../components/notifications/PhoneSetup';
import { PrefsForm } from '../components/notifications/PrefsForm';
import { ACCOUNT_HASH } from '../route';

type Props = { api: Api<'getAccount' | NotificationRequestName> };

/** Alerts by email, SMS, call and browser: the account's settings, phone number and history. Needs a signed-in account. */
export function NotificationsView({ api }: Props) {
  const [account, setAccount] = useState<AccountState | null>(null);
  const [view, setView] = useState<PrefsView | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api('getAccount', {}).then(
      (a) => {
        setAccount(a);
        if (a.signedIn) api('getPrefs', {}).then(setView, (err: unknown) => recheck(errorText(err)));
      },
      (err: unknown) => setError(errorText(err)),
    );
  }, [api]);

  /** After a failure: if the server signed this browser out, show that instead of the settings. */
  const recheck = (message: string) => {
    setError(message);
    api('getAccount', {}).then(
      (next) => !next.signedIn && setAccount({ ...next, notice: next.notice ?? message }),
      () => undefined,
    );
  };

  return (
    <section class="panel" aria-labelledby="notifications-heading">
      <h2 id="notifications-heading">Notifications</h2>
      {account?.signedIn === false ? (
        <>
          {account.notice && (
            <p class="banner" role="status">
              {account.notice}
            </p>
          )}
          <p>
            Email, SMS, call and browser alerts come from your account on the sync server: <a href={ACCOUNT_HASH}>sign in on the Account page</a> to set
            them up.
          </p>
        </>
      ) : (
        <>
          <ErrorBanner message={error && !view ? `Could not read your notification settings: ${error}` : null} />
          {!view && !error && <p class="muted">Loading…</p>}
          {view && (
            <>
              <p class="note">
                Alerts for {account?.signedIn ? account.email : 'your account'}, sent by the sync server when a tracked case changes or a hearing nears.
              </p>
              <PrefsForm api={api} view={view} onSaved={setView} onFailed={recheck} />
              <PhoneSetup
                api={api}
                phone={view.phone}
                available={view.available.sms}
                onChanged={(next) => setView((v) => v && { ...v, phone: next.phone })}
                onFailed={recheck}
              />
              <NotificationHistory api={api} onFailed={recheck} />
            </>
          )}
        </>
      )}
    </section>
  );
}
