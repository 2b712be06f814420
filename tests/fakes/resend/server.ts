import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import { z } from 'zod';

/**
 * A local server that speaks the part of Resend's REST API we use (`POST /emails`,
 * `POST /emails/batch`), so the real `resend` SDK runs against it (RESEND_BASE_URL). It checks the
 * API key, validates the body, honours `Idempotency-Key` like Resend (same key + same body → the
 * same id, nothing sent twice; same key + other body → 409), and keeps what it "sent".
 * Control: `GET /__fake/emails`, `POST /__fake/fail-next {status, count?}`.
 */
export type CapturedEmail = {
  id: string;
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
  tags: { name: string; value: string }[];
  idempotencyKey: string | null;
};

const EmailBody = z.object({
  from: z.string().min(3),
  to: z.union([z.string(), z.array(z.string()).min(1).max(50)]),
  subject: z.string().min(1),
  text: z.string().optional(),
  html: z.string().optional(),
  headers: z.record(z.string(), z.string()).optional(),
  tags: z.array(z.object({ name: z.string(), value: z.string() })).optional(),
});

export type FakeResend = {
  url: string;
  apiKey: string;
  emails: CapturedEmail[];
  /** The newest email to `to` whose subject matches; throws naming what was sent otherwise. */
  lastEmail(to: string, subject?: RegExp): Promise<CapturedEmail>;
  close(): Promise<void>;
};

export async function startFakeResend(opts: { apiKey?: string; port?: number } = {}): Promise<FakeResend> {
  const apiKey = opts.apiKey ?? 're_test_local';
  const emails: CapturedEmail[] = [];
  const byKey = new Map<string, { body: string; id: string }>();
  let failures: { status: number; count: number } | null = null;
  let seq = 0;
  const app = new Hono();

  const accept = (raw: unknown, idempotencyKey: string | null): { id: string } | { error: string } => {
    const parsed = EmailBody.safeParse(raw);
    if (!parsed.success) return { error: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') };
    const e = parsed.data;
    if (!e.text && !e.html) return { error: 'text or html is required' };
    const id = `fake-${++seq}`;
    emails.push({
      id,
      from: e.from,
      to: typeof e.to === 'string' ? [e.to] : e.to,
      subject: e.subject,
      text: e.text ?? '',
      html: e.html ?? '',
      headers: e.headers ?? {},
      tags: e.tags ?? [],
      idempotencyKey,
    });
    return { id };
  };

  app.use('/emails*', async (c, next) => {
    if (c.req.header('authorization') !== `Bearer ${apiKey}`) return c.json({ statusCode: 401, name: 'missing_api_key', message: 'API key is invalid' }, 401);
    if (failures && failures.count > 0) {
      failures.count -= 1;
      return c.json({ statusCode: failures.status, name: 'application_error', message: 'injected failure' }, failures.status as 500);
    }
    await next();
  });
  app.post('/emails', async (c) => {
    const text = await c.req.text();
    const key = c.req.header('idempotency-key') ?? null;
    if (key) {
      const earlier = byKey.get(key);
      if (earlier && earlier.body === text) return c.json({ id: earlier.id });
      if (earlier) return c.json({ statusCode: 409, name: 'invalid_idempotent_request', message: 'Same idempotency key used with a different request body.' }, 409);
    }
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      return c.json({ statusCode: 422, name: 'validation_error', message: 'Invalid JSON' }, 422);
    }
    const result = accept(raw, key);
    if ('error' in result) return c.json({ statusCode: 422, name: 'validation_error', message: result.error }, 422);
    if (key) byKey.set(key, { body: text, id: result.id });
    return c.json({ id: result.id });
  });
  app.post('/emails/batch', async (c) => {
    const raw: unknown = await c.req.json().catch(() => null);
    if (!Array.isArray(raw) || raw.length === 0 || raw.length > 100) return c.json({ statusCode: 422, name: 'validation_error', message: 'Expected 1–100 emails' }, 422);
    const results = raw.map((r) => accept(r, null));
    const failed = results.find((r) => 'error' in r);
    if (failed && 'error' in failed) return c.json({ statusCode: 422, name: 'validation_error', message: failed.error }, 422);
    return c.json({ data: results });
  });
  app.get('/__fake/emails', (c) => c.json({ emails }));
  app.post('/__fake/fail-next', async (c) => {
    const body = z.object({ status: z.number().int().min(400).max(599), count: z.number().int().min(1).default(1) }).parse(await c.req.json());
    failures = body;
    return c.json({ ok: true });
  });

  const server: ServerType = await new Promise((done) => {
    const s = serve({ fetch: app.fetch, port: opts.port ?? 0, hostname: '127.0.0.1' }, () => done(s));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    apiKey,
    emails,
    async lastEmail(to, subject) {
      const match = emails.filter((e) => e.to.includes(to) && (!subject || subject.test(e.subject))).at(-1);
      if (!match) throw new Error(`no email to ${to}${subject ? ` matching ${subject}` : ''} (have: ${emails.map((e) => e.subject).join(' | ')})`);
      return match;
    },
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}
