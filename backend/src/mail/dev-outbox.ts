import { randomUUID } from 'node:crypto';
import type pino from 'pino';
import type { Email, Mailer, SentEmail } from './mailer';

const KEEP = 200;

/**
 * Development without an email provider: messages are kept in memory (the last 200, listed at
 * `GET /dev/outbox`) and announced in the log by recipient and subject only — the body holds
 * links and codes, which never go to a log.
 */
export class DevOutbox implements Mailer {
  private readonly sent: SentEmail[] = [];
  private readonly byIdempotencyKey = new Map<string, string>();

  constructor(
    private readonly from: string,
    private readonly logger: pino.Logger,
  ) {}

  async send(email: Email): Promise<{ id: string }> {
    const earlier = this.byIdempotencyKey.get(email.idempotencyKey);
    if (earlier) return { id: earlier };
    const id = randomUUID();
    this.sent.push({ ...email, id, from: this.from, sentAt: new Date().toISOString() });
    if (this.sent.length > KEEP) this.sent.shift();
    this.byIdempotencyKey.set(email.idempotencyKey, id);
    this.logger.info({ to: email.to, subject: email.subject, kind: email.kind, id }, 'email kept in the dev outbox (GET /dev/outbox)');
    return { id };
  }

  /** Newest first. */
  list(): SentEmail[] {
    return [...this.sent].reverse();
  }
}
