import { passwordMessage } from '../../../shared/accounts/password-policy';

/** Checks the account forms make before sending; each returns a sentence for the user, or null. */

export function emailProblem(email: string): string | null {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim()) ? null : 'Enter your email address, like name@example.com.';
}

/** A new password must follow the rule (shared/accounts/password-policy) and be typed twice alike. */
export function newPasswordProblem(password: string, confirm: string): string | null {
  return passwordMessage(password) ?? (password === confirm ? null : 'The two passwords do not match.');
}

/** The device code with spaces removed, or null when it is not 6 digits. */
export function deviceCode(text: string): string | null {
  const code = text.replace(/\s+/g, '');
  return /^\d{6}$/.test(code) ? code : null;
}
