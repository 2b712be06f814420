import { Resend } from 'resend';
import type { Email, Mailer } from './mailer';
import { MailError } from './mailer';

/** Email through Resend's API (or any Resend-compatible server at `baseUrl`). */
export function createResendMailer(opts: { apiKey: string; baseUrl: string | undefined; from: string }): Mailer {
  const resend = new Resend(opts.apiKey, opts.baseUrl ? { baseUrl: opts.baseUrl.replace(/\/$/, '') } : undefined);
  return {
    async send(email: Email) {
      const { data, error } = await resend.emails.send(
        {
          from: opts.from,
          to: [email.to],
          subject: email.subject,
          text: email.text,
          html: email.html,
          ...(email.headers ? { headers: email.headers } : {}),
          tags: [{ name: 'kind', value: email.kind }],
        },
        { idempotencyKey: email.idempotencyKey },
      );
      if (error || !data) throw new MailError(`Resend refused the email: ${error?.message ?? 'no answer'}`);
      return { id: data.id };
    },
  };
}
