import { CHANNELS, DEFAULT_PREFS, DIGEST_CHANNELS, NotificationPrefs, type Channel, type DeliveryMode, type DigestChannel, type PrefsView } from '../../../shared/api/prefs';

/**
 * The notification settings form: what the user edits, checked with the server's own schema
 * (shared/api/prefs) before it is sent, and the server's refusals mapped back to the same fields.
 */
export type PrefsForm = {
  channels: Record<Channel, boolean>;
  /** Immediately or a daily digest, per channel that has one (browser notifications are immediate). */
  modes: Record<DigestChannel, DeliveryMode>;
  /** The hour of every daily digest (each channel in digest mode). */
  digestHour: number;
  timeZone: string;
  /** Quiet hours for SMS and calls; off keeps the hours chosen last. */
  quiet: boolean;
  quietStart: number;
  quietEnd: number;
  /** Days before each hearing, as typed ("10, 2"). */
  reminderDays: string;
};

export type ModeField = `${DigestChannel}Mode`;
export const modeField = (c: DigestChannel): ModeField => `${c}Mode`;

export type PrefsField = Channel | ModeField | 'digestHour' | 'timeZone' | 'quietHours' | 'reminderDays';
export type PrefsErrors = Partial<Record<PrefsField, string>>;

export const CHANNEL_LABEL: Record<Channel, string> = { email: 'Email', sms: 'SMS (text message)', call: 'Phone call', browser: 'Browser notification' };

/** What is wrong with a field, in the user's words (whatever rule of the schema failed). */
export const FIELD_PROBLEM: Record<PrefsField, string> = {
  email: 'Email cannot be turned on here.',
  sms: 'SMS is not available on this server; turn it off.',
  call: 'Calls are not available on this server; turn them off.',
  browser: 'Browser notifications cannot be turned on here.',
  emailMode: 'Choose immediately or a daily digest for email.',
  smsMode: 'Choose immediately or a daily digest for SMS.',
  callMode: 'Choose immediately or a daily digest for calls.',
  digestHour: 'Choose the hour of the daily digests (0 to 23).',
  timeZone: 'Choose a time zone from the list.',
  quietHours: 'Quiet hours must start and end at different hours.',
  reminderDays: 'Enter up to 5 different whole numbers of days from 1 to 90, separated by commas (for example 10, 2).',
};

/** The settings part of what the server answered (without the phone and channel availability). */
export function prefsOf(view: PrefsView): NotificationPrefs {
  const { phone: _phone, available: _available, ...prefs } = view;
  return prefs;
}

/** Whether any channel waits for the daily digest (the digest hour matters). */
export const anyDigest = (form: PrefsForm): boolean => DIGEST_CHANNELS.some((c) => form.modes[c] === 'digest');

/** The time zone this browser is in. */
export const browserTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

/**
 * The form for the saved settings. An account still on the server's default zone starts with this
 * browser's zone instead (saved with the next Save; the view says so).
 */
export function toForm(view: PrefsView, localZone: string): PrefsForm {
  return {
    channels: { email: view.channels.email.enabled, sms: view.channels.sms.enabled, call: view.channels.call.enabled, browser: view.channels.browser.enabled },
    modes: { email: view.channels.email.mode, sms: view.channels.sms.mode, call: view.channels.call.mode },
    digestHour: view.digestHour,
    timeZone: view.timeZone === DEFAULT_PREFS.timeZone ? localZone : view.timeZone,
    quiet: view.quietHours !== null,
    quietStart: view.quietHours?.startHour ?? 21,
    quietEnd: view.quietHours?.endHour ?? 8,
    reminderDays: view.hearingReminders.daysBefore.join(', '),
  };
}

/** The settings to send (per-case overrides kept as they are), or a message per field that breaks the schema. */
export function validatePrefs(form: PrefsForm, cases: NotificationPrefs['cases']): { ok: true; prefs: NotificationPrefs } | { ok: false; errors: PrefsErrors } {
  const words = form.reminderDays.split(/[\s,]+/).filter((w) => w !== '');
  if (!words.every((w) => /^\d{1,3}$/.test(w))) return { ok: false, errors: { reminderDays: FIELD_PROBLEM.reminderDays } };
  const channel = (c: Channel) => ({ enabled: form.channels[c], mode: c === 'browser' ? ('immediate' as const) : form.modes[c] });
  const parsed = NotificationPrefs.safeParse({
    channels: Object.fromEntries(CHANNELS.map((c) => [c, channel(c)])),
    timeZone: form.timeZone,
    digestHour: form.digestHour,
    quietHours: form.quiet ? { startHour: form.quietStart, endHour: form.quietEnd } : null,
    cases,
    hearingReminders: { daysBefore: words.map(Number) },
  });
  if (parsed.success) return { ok: true, prefs: parsed.data };
  const errors: PrefsErrors = {};
  for (const issue of parsed.error.issues) {
    const field = fieldOf(issue.path.map(String));
    if (field) errors[field] = FIELD_PROBLEM[field];
  }
  return { ok: false, errors };
}

/**
 * The server's refusal as field messages, when its message names only fields of this form
 * (`"channels.sms: …; timeZone: …"`, see the backend's describeIssues); otherwise null.
 */
export function serverFieldErrors(message: string): PrefsErrors | null {
  const errors: PrefsErrors = {};
  // Split only before the next "path: " (a message itself may hold "; ").
  for (const part of message.split(/; (?=[A-Za-z][\w.]*: )/)) {
    const field = /^([A-Za-z][\w.]*): /.exec(part)?.[1];
    const known = field ? fieldOf(field.split('.')) : null;
    if (!known) return null;
    errors[known] = FIELD_PROBLEM[known];
  }
  return errors;
}

function fieldOf(path: string[]): PrefsField | null {
  const [head, second, third] = path;
  if (head === 'channels') {
    const digestChannel = DIGEST_CHANNELS.find((c) => c === second);
    if (digestChannel && third === 'mode') return modeField(digestChannel);
    return CHANNELS.find((c) => c === second) ?? null;
  }
  if (head === 'hearingReminders') return 'reminderDays';
  if (head === 'digestHour' || head === 'timeZone' || head === 'quietHours') return head;
  return null;
}

/** `+13145550123` → `+1••••••0123`: enough to recognise the number, not to read it off the screen. */
export function maskPhone(number: string): string {
  return `${number.slice(0, 2)}${'•'.repeat(Math.max(0, number.length - 6))}${number.slice(-4)}`;
}
