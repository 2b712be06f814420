import { useMemo, useState } from 'preact/hooks';
import { CHANNELS, DIGEST_CHANNELS, type PrefsView } from '../../../../../shared/api/prefs';
import { errorText, type Api } from '../../../../lib/ui/api';
import { ErrorBanner, StatusNote } from '../../../../lib/ui/Banner';
import { Field } from '../account/Field';
import { anyDigest, browserTimeZone, modeField, serverFieldErrors, toForm, validatePrefs, type PrefsErrors, type PrefsForm as Form } from '../../notification-form';
import { useAction } from '../../use-action';
import { HourSelect } from './HourSelect';
import { ChannelToggle } from './ChannelToggle';
import { ModeChoice } from './ModeChoice';

type Props = {
  api: Api<'savePrefs' | 'getPrefs'>;
  view: PrefsView;
  onSaved: (view: PrefsView) => void;
  /** Saving failed: the server may have signed this browser out. */
  onFailed: (message: string) => void;
};

/** Every IANA zone this browser knows, with `current` added when it is not among them. */
function timeZones(current: string): string[] {
  const zones = Intl.supportedValuesOf('timeZone');
  return zones.includes(current) ? zones : [current, ...zones];
}

/** A field's problem under it (announced), or nothing. */
function Problem({ id, message }: { id: string; message: string | undefined }) {
  return message ? (
    <p id={id} class="field-error">
      {message}
    </p>
  ) : null;
}

/** Channels, each channel's mode (immediate or daily digest) and the digest hour, time zone, quiet hours and hearing reminders; Save sends them all. */
export function PrefsForm({ api, view, onSaved, onFailed }: Props) {
  const localZone = useMemo(browserTimeZone, []);
  const [form, setForm] = useState<Form>(() => toForm(view, localZone));
  const [errors, setErrors] = useState<PrefsErrors>({});
  const { busy, error, status, run, setError } = useAction(onFailed);
  const zones = useMemo(() => timeZones(form.timeZone), [form.timeZone]);
  const set = (patch: Partial<Form>) => setForm({ ...form, ...patch });
  const zoneIsBrowsers = form.timeZone !== view.timeZone && form.timeZone === localZone;

  const submit = (e: Event) => {
    e.preventDefault();
    const checked = validatePrefs(form, view.cases);
    setErrors(checked.ok ? {} : checked.errors);
    if (!checked.ok) return setError('Some settings need fixing; see the marked fields.');
    void run(async () => {
      try {
        // Per-case choices are not on this form: keep the server's, which may have changed since this
        // page opened (a case muted from an email's unsubscribe link, or from a case page).
        const current = await api('getPrefs', {});
        onSaved(await api('savePrefs', { ...checked.prefs, cases: current.cases }));
      } catch (err) {
        const fields = serverFieldErrors(errorText(err));
        if (!fields) throw err;
        setErrors(fields);
        throw new Error('The server did not accept some settings; see the marked fields.', { cause: err });
      }
      return 'Saved.';
    });
  };

  return (
    <form class="settings prefs-form" onSubmit={submit} noValidate aria-labelledby="prefs-heading">
      <h3 id="prefs-heading">Settings</h3>
      <fieldset>
        <legend>Send alerts by</legend>
        {CHANNELS.map((c) => (
          <ChannelToggle
            key={c}
            channel={c}
            checked={form.channels[c]}
            available={view.available[c]}
            note={(c === 'sms' || c === 'call') && !view.phone.number ? 'Sent only to a confirmed phone number (see Phone for SMS and calls below).' : null}
            problem={errors[c] ?? null}
            onChange={(on) => set({ channels: { ...form.channels, [c]: on } })}
          />
        ))}
      </fieldset>
      {DIGEST_CHANNELS.map((c) => (
        <ModeChoice key={c} channel={c} mode={form.modes[c]} problem={errors[modeField(c)]} onMode={(mode) => set({ modes: { ...form.modes, [c]: mode } })} />
      ))}
      <HourSelect
        id="prefs-digest-hour"
        label="Digest hour"
        value={form.digestHour}
        disabled={!anyDigest(form)}
        problemId={errors.digestHour && 'prefs-digest-hour-error'}
        noteId="prefs-digest-hour-note"
        onValue={(digestHour) => set({ digestHour })}
      />
      <p id="prefs-digest-hour-note" class="note">
        The hour of every daily digest: email, SMS and call, for each channel set to a daily digest (SMS and calls wait until quiet hours end).
      </p>
      <Problem id="prefs-digest-hour-error" message={errors.digestHour} />
      <div class="field">
        <label for="prefs-time-zone">Time zone</label>
        <select
          id="prefs-time-zone"
          value={form.timeZone}
          aria-invalid={errors.timeZone ? true : undefined}
          aria-describedby="prefs-time-zone-note"
          onChange={(e) => set({ timeZone: e.currentTarget.value })}
        >
          {zones.map((z) => (
            <option key={z} value={z}>
              {z}
            </option>
          ))}
        </select>
        <p id="prefs-time-zone-note" class={errors.timeZone ? 'field-error' : 'note'}>
          {errors.timeZone ?? (zoneIsBrowsers ? "This browser's time zone; it is kept when you save." : 'Digest and quiet hours are in this time zone.')}
        </p>
      </div>
      <fieldset>
        <legend>Quiet hours for SMS and calls</legend>
        <label class="check">
          <input type="checkbox" checked={form.quiet} onChange={(e) => set({ quiet: e.currentTarget.checked })} />
          Hold SMS and calls during quiet hours (they are sent when quiet hours end)
        </label>
        <div class="row">
          <HourSelect id="prefs-quiet-start" label="Quiet from" value={form.quietStart} disabled={!form.quiet} problemId={errors.quietHours && 'prefs-quiet-error'} onValue={(quietStart) => set({ quietStart })} />
          <HourSelect id="prefs-quiet-end" label="Quiet until" value={form.quietEnd} disabled={!form.quiet} problemId={errors.quietHours && 'prefs-quiet-error'} onValue={(quietEnd) => set({ quietEnd })} />
        </div>
        <Problem id="prefs-quiet-error" message={errors.quietHours} />
      </fieldset>
      <Field
        id="prefs-reminder-days"
        label="Hearing reminders (days before each hearing)"
        inputMode="numeric"
        value={form.reminderDays}
        onValue={(reminderDays) => set({ reminderDays })}
        invalid={!!errors.reminderDays}
        hint={errors.reminderDays ?? 'Up to 5 numbers from 1 to 90, separated by commas; empty for no reminders.'}
      />
      <div class="row">
        <button type="submit" class="button" disabled={busy}>
          Save notification settings
        </button>
        <StatusNote>{status}</StatusNote>
      </div>
      <ErrorBanner message={error} />
    </form>
  );
}
