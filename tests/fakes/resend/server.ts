import { serve, type HttpBindings, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import { z } from 'zod';

/**
 * A local server that speaks the part of Resend's REST API we use (`POST /emails`,
 * `POST /emails/batch`), so the real `resend` SDK runs against it (RESEND_BASE_URL). It checks the
 * API key, validates the body, honours `Idempotency-Key` like Resend (same key + same body → the
 * same id, nothing sent twice; same key + other body → 409), and keeps what it "sent".
 * Control: `GET /__fake/emails`, `POST /__fake/fail-next {status, count?}`; `hold()` keeps the
 * next send requests waiting (a provider that hangs) until released, so a test can kill the sender
 * while its request is in flight.
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

/**
 * Held `POST /emails` requests. `accept: 'on-arrival'`: the email counts as sent when the request
 * arrives and only the answer waits (Resend sent it, the answer was lost); `'on-release'` (default):
 * nothing is sent until `release('answer')`; `release('drop')` closes the connection without an
 * answer (and, for `'on-release'`, without sending).
 */
export type ResendHold = {
  /** Resolves when the first held request has arrived (body read, key known). */
  arrived: Promise<{ idempotencyKey: string | null }>;
  /** How many requests are waiting now. */
  waiting(): number;
  release(how?: 'answer' | 'drop'): void;
};

export type HoldAccept = 'on-arrival' | 'on-release';

export type FakeResend = {
  url: string;
  apiKey: string;
  emails: CapturedEmail[];
  /** Every `POST /emails` that passed auth, replays included, with its idempotency key. */
  requests: { idempotencyKey: string | null; at: number }[];
  /** Hold the next `count` (default 1) `POST /emails` requests until released (see ResendHold). */
  hold(opts?: { count?: number; accept?: HoldAccept | ((to: string[]) => HoldAccept) }): ResendHold;
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
  const requests: FakeResend['requests'] = [];
  type Hold = { remaining: number; accept: (to: string[]) => HoldAccept; waiting: number; arrive: (v: { idempotencyKey: string | null }) => void; released: Promise<'answer' | 'drop'> };
  let hold: Hold | null = null;
  const unreleased = new Set<(how: 'answer' | 'drop') => void>();
  const app = new Hono<{ Bindings: HttpBindings }>();

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
  /** One send, as Resend answers it: status and JSON body. */
  const send = (text: string, key: string | null): { status: 200 | 409 | 422; body: Record<string, unknown> } => {
    if (key) {
      const earlier = byKey.get(key);
      if (earlier && earlier.body === text) return { status: 200, body: { id: earlier.id } };
      if (earlier) return { status: 409, body: { statusCode: 409, name: 'invalid_idempotent_request', message: 'Same idempotency key used with a different request body.' } };
    }
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      return { status: 422, body: { statusCode: 422, name: 'validation_error', message: 'Invalid JSON' } };
    }
    const result = accept(raw, key);
    if ('error' in result) return { status: 422, body: { statusCode: 422, name: 'validation_error', message: result.error } };
    if (key) byKey.set(key, { body: text, id: result.id });
    return { status: 200, body: { id: result.id } };
  };
  app.post('/emails', async (c) => {
    const text = await c.req.text();
    const key = c.req.header('idempotency-key') ?? null;
    requests.push({ idempotencyKey: key, at: Date.now() });
    const h = hold && hold.remaining > 0 ? hold : null;
    if (!h) {
      const answer = send(text, key);
      return c.json(answer.body, answer.status);
    }
    h.remaining -= 1;
    const to = (() => {
      try {
        const parsed = EmailBody.shape.to.safeParse((JSON.parse(text) as { to?: unknown }).to);
        return parsed.success ? (typeof parsed.data === 'string' ? [parsed.data] : parsed.data) : [];
      } catch {
        return [];
      }
    })();
    const early = h.accept(to) === 'on-arrival' ? send(text, key) : null;
    h.waiting += 1;
    h.arrive({ idempotencyKey: key });
    const how = await h.released;
    h.waiting -= 1;
    if (how === 'drop') {
      c.env.incoming.socket.destroy();
      return c.body(null, 500);
    }
    const answer = early ?? send(text, key);
    return c.json(answer.body, answer.status);
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
    requests,
    hold(o = {}) {
      let arrive: Hold['arrive'] = () => undefined;
      let release: (how: 'answer' | 'drop') => void = () => undefined;
      const arrived = new Promise<{ idempotencyKey: string | null }>((done) => (arrive = done));
      const released = new Promise<'answer' | 'drop'>((done) => (release = done));
      const choice = o.accept ?? 'on-release';
      const h: Hold = { remaining: o.count ?? 1, accept: typeof choice === 'function' ? choice : () => choice, waiting: 0, arrive, released };
      hold = h;
      unreleased.add(release);
      return {
        arrived,
        waiting: () => h.waiting,
        release(how = 'answer') {
          if (hold === h) hold = null;
          unreleased.delete(release);
          release(how);
        },
      };
    },
    async lastEmail(to, subject) {
      const match = emails.filter((e) => e.to.includes(to) && (!subject || subject.test(e.subject))).at(-1);
      if (!match) throw new Error(`no email to ${to}${subject ? ` matching ${subject}` : ''} (have: ${emails.map((e) => e.subject).join(' | ')})`);
      return match;
    },
    close: () =>
      new Promise<void>((done) => {
        for (const release of unreleased) release('drop');
        unreleased.clear();
        server.close(() => done());
        (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      }),
  };
}
