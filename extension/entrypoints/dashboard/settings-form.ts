import type { Settings } from '../../lib/protocol';

/** The settings form as typed: text, so a half-typed value is never silently coerced. */
export type SettingsForm = { refreshMinutes: string; windowStartHour: string; windowEndHour: string; notifications: boolean; serverUrl: string };
export type SettingsErrors = Partial<Record<keyof SettingsForm, string>>;

export function toForm(s: Settings): SettingsForm {
  return {
    refreshMinutes: String(s.refreshMinutes),
    windowStartHour: String(s.windowStartHour),
    windowEndHour: String(s.windowEndHour),
    notifications: s.notifications,
    serverUrl: s.serverUrl,
  };
}

function wholeNumber(text: string): number | null {
  return /^\s*\d+\s*$/.test(text) ? Number(text) : null;
}

/** An http(s) address without a trailing slash (`http://127.0.0.1:8787`), or null (also for credentials, query or hash in it). */
export function serverAddress(text: string): string | null {
  try {
    const url = new URL(text.trim());
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !url.hostname || url.username || url.password || url.search || url.hash) return null;
    return url.href.replace(/\/+$/, '');
  } catch {
    return null;
  }
}

/** Settings the background accepts (see protocol `Settings`), or a message per bad field. */
export function validateSettings(f: SettingsForm): { ok: true; settings: Settings } | { ok: false; errors: SettingsErrors } {
  const errors: SettingsErrors = {};
  const minutes = wholeNumber(f.refreshMinutes);
  const start = wholeNumber(f.windowStartHour);
  const end = wholeNumber(f.windowEndHour);
  const serverUrl = serverAddress(f.serverUrl);
  if (minutes === null || minutes < 15 || minutes > 1440) errors.refreshMinutes = 'Enter whole minutes from 15 to 1440 (24 hours).';
  if (start === null || start > 23) errors.windowStartHour = 'Enter an hour from 0 to 23.';
  if (end === null || end < 1 || end > 24) errors.windowEndHour = 'Enter an hour from 1 to 24.';
  else if (start !== null && start <= 23 && end <= start) errors.windowEndHour = 'The window must end after it starts.';
  if (serverUrl === null) errors.serverUrl = 'Enter the address of the sync server, starting with http:// or https:// (for example http://127.0.0.1:8787).';
  if (minutes === null || start === null || end === null || serverUrl === null || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, settings: { refreshMinutes: minutes, windowStartHour: start, windowEndHour: end, notifications: f.notifications, serverUrl } };
}
