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
  /** The choice stored on the server (null: not signed in, or not read yet) and the one picked here. */
  const [choice, setChoice] = useState<Choice | null>(null);
  const [picked, setPicked] = useState<Choice>('default');
  const { busy, error, status, run } = useAction();

  useEffect(() => {
    setChoice(null);
    let live = true;
    void (async () => {
      // Signed out, or the server cannot answer: the case page simply has no such setting.
      const account = await api('getAccount', {}).catch(() => null);
      if (!account?.signedIn) return;
      const view = await api('getPrefs', {}).catch(() => null);
      if (live && view) {
        setChoice(view.cases[caseKey] ?? 'default');
        setPicked(view.cases[caseKey] ?? 'default');
      }
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
      setPicked(saved.cases[caseKey] ?? 'default');
      return 'Saved.';
    });

  return (
    <div class="field notification-override">
      <label for="case-alerts">Alerts for this case</label>
      <div class="row">
        {/* Saved with the button, not on change: arrowing through the list would save every step. */}
        <select id="case-alerts" value={picked} onChange={(e) => setPicked(CHOICES.find((c) => c.value === e.currentTarget.value)?.value ?? 'default')}>
          {CHOICES.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
        <button type="button" class="button button--plain" disabled={busy || picked === choice} onClick={() => save(picked)}>
          Save choice
        </button>
        <StatusNote>{status}</StatusNote>
      </div>
      <ErrorBanner message={error} />
    </div>
  );
}
