import type { Email } from './mailer';
import { renderHtml, renderText, type MessageBody } from './layout';

/** The account emails (verify, device code, reset, lockout). Links point at PUBLIC_URL. */
const FOOTER = 'Docket Watch · you get this because someone used this address for a Docket Watch account.';

function email(kind: string, to: string, subject: string, idempotencyKey: string, body: MessageBody): Email {
  return { kind, to, subject, idempotencyKey, text: renderText(body), html: renderHtml({ ...body, footer: FOOTER }) };
}

const minutes = (ms: number) => Math.round(ms / 60_000);

export function verifyEmailMessage(to: string, url: string, key: string): Email {
  return email('verify-email', to, 'Confirm your email for Docket Watch', key, {
    paragraphs: ['Welcome to Docket Watch. Confirm this address to finish creating your account.', 'The link works for 24 hours. If you did not sign up, ignore this email.'],
    action: { label: 'Confirm my email', url },
  });
}

export function deviceCodeMessage(to: string, code: string, device: string, key: string): Email {
  return email('device-code', to, `${code} is your Docket Watch sign-in code`, key, {
    paragraphs: [
      `Someone signed in to your Docket Watch account from a browser it has not seen before (${device}). Enter this code to finish signing in:`,
      'The code works for 10 minutes. If this was not you, change your password now.',
    ],
    code,
  });
}

export function resetPasswordMessage(to: string, url: string, key: string): Email {
  return email('reset-password', to, 'Reset your Docket Watch password', key, {
    paragraphs: [
      'Someone asked to reset the password of your Docket Watch account.',
      'The link works once, for 1 hour. Resetting signs out every browser signed in to your account. If you did not ask for this, ignore this email.',
    ],
    action: { label: 'Choose a new password', url },
  });
}

export function accountLockedMessage(to: string, lockedForMs: number, resetUrl: string, key: string): Email {
  return email('account-locked', to, 'Your Docket Watch account is locked for now', key, {
    paragraphs: [
      `There were 5 failed sign-ins to your Docket Watch account in a short time, so sign-in is locked for ${minutes(lockedForMs)} minutes.`,
      'If it was you, wait and try again, or reset your password to unlock it now. If it was not you, reset your password.',
    ],
    action: { label: 'Reset my password', url: resetUrl },
  });
}
