import { useEffect, useState } from 'preact/hooks';
import type { CaseOverride } from '../../../../shared/api/prefs';
import type { Api } from '../../../lib/ui/api';
import { ErrorBanner, StatusNote } from '../../../lib/ui/Banner';
import { prefsOf } from '../notification-form';
import { useAction } from '../use-action';

type Choice = CaseOverride | 'default';
const CHOICES: { value: Choice; label: string }[] = [
  { value: 'default', label: 'Default (your notification settings)' },
  { value: 'immediate', label: 'Immediate (even when email is a daily digest)' },
  { value: 'mute', label: 'Muted (no alerts on any channel)' },
];

type Props = { api: Api<'getAccount' | 'getPrefs' | 'savePrefs'>; caseKey: string };

/** "Alerts for this case" on the account (signed in only): the notification settings' per-case override. */
export function NotificationOverride({ api, caseKey }: Props) {
  const [choice, setChoice] = useState<Choice | null>(null);
  const { busy, error, status, run } = useAction();

  useEffect(() => {
    setChoice(null);
    let live = true;
    void (async () => {
      // Signed out, or the server cannot answer: the case page simply has no such setting.
      const account = await api('getAccount', {}).catch(() => null);
      if (!account?.signedIn) return;
      const view = await api('getPrefs', {}).catch(() => null);
      if (live && view) setChoice(view.cases[caseKey] ?? 'default');
    })();
    return () => {
      live = false;
    };
  }, [api, caseKey]);

  if (choice === null) return null;

  /** Read the settings again, change this case only, save (another page may have changed the rest). */
  const save = (next: Choice) =>
    void run(async () => {
      const prefs = prefsOf(await api('getPrefs', {}));
      const cases = { ...prefs.cases };
      if (next === 'default') delete cases[caseKey];
      else cases[caseKey] = next;
      const saved = await api('savePrefs', { ...prefs, cases });
      setChoice(saved.cases[caseKey] ?? 'default');
      return 'Saved.';
    });

  return (
    <div class="field notification-override">
      <label for="case-alerts">Alerts for this case</label>
      <div class="row">
        <select id="case-alerts" value={choice} disabled={busy} onChange={(e) => save(CHOICES.find((c) => c.value === e.currentTarget.value)?.value ?? 'default')}>
          {CHOICES.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
        <StatusNote>{status}</StatusNote>
      </div>
      <ErrorBanner message={error} />
    </div>
  );
}
