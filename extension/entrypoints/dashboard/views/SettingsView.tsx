import { useEffect, useState } from 'preact/hooks';
import { errorText, type Api } from '../../../lib/ui/api';
import { ErrorBanner, StatusNote } from '../../../lib/ui/Banner';
import { toForm, validateSettings, type SettingsErrors, type SettingsForm } from '../settings-form';

type Props = { api: Api<'getSettings' | 'saveSettings'> };

type NumberField = 'refreshMinutes' | 'windowStartHour' | 'windowEndHour';
const NUMBER_FIELDS: { name: NumberField; label: string; min: number; max: number }[] = [
  { name: 'refreshMinutes', label: 'Check tracked cases every (minutes)', min: 15, max: 1440 },
  { name: 'windowStartHour', label: 'Check from hour (Central time)', min: 0, max: 23 },
  { name: 'windowEndHour', label: 'Until hour (Central time)', min: 1, max: 24 },
];

/** Refresh interval, refresh window, browser notifications and the sync server. */
export function SettingsView({ api }: Props) {
  const [form, setForm] = useState<SettingsForm | null>(null);
  const [errors, setErrors] = useState<SettingsErrors>({});
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState('');

  useEffect(() => {
    api('getSettings', {}).then(
      (s) => setForm(toForm(s)),
      (err: unknown) => setError(errorText(err)),
    );
  }, [api]);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (!form) return;
    setStatus('');
    setError(null);
    const checked = validateSettings(form);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    try {
      setForm(toForm(await api('saveSettings', checked.settings)));
      setStatus('Settings saved.');
    } catch (err) {
      setError(errorText(err));
    }
  };

  return (
    <section class="panel" aria-labelledby="settings-heading">
      <h2 id="settings-heading">Settings</h2>
      <ErrorBanner message={error} />
      {form && (
        <form class="settings" onSubmit={submit} noValidate>
          {NUMBER_FIELDS.map((f) => (
            <div class="field" key={f.name}>
              <label for={`setting-${f.name}`}>{f.label}</label>
              <input
                id={`setting-${f.name}`}
                type="number"
                min={f.min}
                max={f.max}
                step={1}
                value={form[f.name]}
                aria-invalid={errors[f.name] ? true : undefined}
                aria-describedby={errors[f.name] ? `setting-${f.name}-error` : undefined}
                onInput={(e) => setForm({ ...form, [f.name]: e.currentTarget.value })}
              />
              {errors[f.name] && (
                <p id={`setting-${f.name}-error`} class="field-error">
                  {errors[f.name]}
                </p>
              )}
            </div>
          ))}
          <p class="note">Tracked cases are checked only inside this window, politely spaced, while the browser runs.</p>
          <label class="check">
            <input type="checkbox" checked={form.notifications} onChange={(e) => setForm({ ...form, notifications: e.currentTarget.checked })} />
            Browser notifications for new docket entries
          </label>
          <div class="field field--grow">
            <label for="setting-serverUrl">Sync server</label>
            <input
              id="setting-serverUrl"
              type="url"
              inputMode="url"
              spellcheck={false}
              value={form.serverUrl}
              aria-invalid={errors.serverUrl ? true : undefined}
              aria-describedby={errors.serverUrl ? 'setting-serverUrl-error' : 'setting-serverUrl-note'}
              onInput={(e) => setForm({ ...form, serverUrl: e.currentTarget.value })}
            />
            {errors.serverUrl ? (
              <p id="setting-serverUrl-error" class="field-error">
                {errors.serverUrl}
              </p>
            ) : (
              <p id="setting-serverUrl-note" class="note">
                Where your account lives (see Account). The default, http://127.0.0.1:8787, is a Docket Watch server on this computer.
              </p>
            )}
          </div>
          <div class="row">
            <button type="submit" class="button">
              Save settings
            </button>
            <StatusNote>{status}</StatusNote>
          </div>
        </form>
      )}
    </section>
  );
}
