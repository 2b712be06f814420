/** One outgoing email. `idempotencyKey` makes a retried send deliver once (Resend's Idempotency-Key). */
export type Email = {
  to: string;
  subject: string;
  text: string;
  html: string;
  idempotencyKey: string;
  /** What kind of message this is (verify-email, device-code, …), for logs and tests. */
  kind: string;
  headers?: Record<string, string>;
};

export type SentEmail = Email & { id: string; from: string; sentAt: string };

/** Where email goes: Resend in production, the dev outbox when no key is configured. */
export interface Mailer {
  send(email: Email): Promise<{ id: string }>;
}

export class MailError extends Error {}
