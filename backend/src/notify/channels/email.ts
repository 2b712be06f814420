import type { Email, Mailer } from '../../mail/mailer';
import type { SendOutcome } from '../outcome';

/**
 * One email through the Mailer (Resend with `Idempotency-Key`, or the dev outbox). Every failure may
 * be retried, a timeout too: the same key and the same body make Resend send it at most once.
 * Resend refusing a reused key with another body means the first request went through.
 */
export async function sendEmail(mailer: Mailer, email: Email, timeoutMs: number): Promise<SendOutcome> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((done) => {
    timer = setTimeout(() => done('timeout'), timeoutMs);
  });
  try {
    const result = await Promise.race([mailer.send(email), timeout]);
    if (result === 'timeout') return { kind: 'retry', error: `no answer from the email provider within ${timeoutMs} ms` };
    return { kind: 'sent', providerId: result.id };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    if (/idempotency key/i.test(message) && /different/i.test(message)) return { kind: 'sent', providerId: null };
    return { kind: 'retry', error: message.slice(0, 500) };
  } finally {
    clearTimeout(timer);
  }
}
