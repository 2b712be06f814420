import { randomBytes } from 'node:crypto';
import { serve, type ServerType } from '@hono/node-server';
import { Hono, type Context } from 'hono';
import { z } from 'zod';

/**
 * A local server that speaks the part of Twilio's REST API we use (`POST
 * /2010-04-01/Accounts/{Sid}/Messages.json` and `…/Calls.json`, form-encoded), so the backend's
 * Twilio client runs against it (TWILIO_BASE_URL). It checks HTTP basic auth and the account SID in
 * the path, validates the form, honours `I-Twilio-Idempotency-Token` (same token → the same
 * resource, nothing sent twice), and keeps what it "sent".
 * Faults: `failNext({status, count, code})` answers with a Twilio error; `delayNext({ms, count})`
 * records the message, then answers late (a client that times out has in fact sent it).
 * Control over HTTP too: `GET /__fake/messages`, `GET /__fake/calls`, `POST /__fake/fail-next`, `POST /__fake/delay-next`.
 */
export type CapturedSms = { sid: string; to: string; from: string; body: string; idempotencyToken: string | null };
export type CapturedCall = { sid: string; to: string; from: string; twiml: string; idempotencyToken: string | null };

export type FakeTwilio = {
  url: string;
  accountSid: string;
  authToken: string;
  from: string;
  messages: CapturedSms[];
  calls: CapturedCall[];
  /** Every request that reached a resource route (after auth), replays included. */
  requests: { resource: 'Messages' | 'Calls'; idempotencyToken: string | null }[];
  /** The environment that points the backend here. */
  env: Record<string, string>;
  failNext(opts: { status: number; count?: number; code?: number }): void;
  delayNext(opts: { ms: number; count?: number }): void;
  close(): Promise<void>;
};

const E164 = /^\+[1-9]\d{7,14}$/;
const MessageForm = z.object({ To: z.string().regex(E164), From: z.string().regex(E164), Body: z.string().min(1).max(1600) });
const CallForm = z
  .object({ To: z.string().regex(E164), From: z.string().regex(E164), Twiml: z.string().max(4000).optional(), Url: z.url().optional() })
  .refine((f) => (f.Twiml ? 1 : 0) + (f.Url ? 1 : 0) === 1, 'exactly one of Twiml or Url');

const twilioError = (c: Context, status: number, code: number, message: string) =>
  c.json({ code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status }, status as 400);

const sid = (prefix: string) => `${prefix}${randomBytes(16).toString('hex')}`;

export async function startFakeTwilio(opts: { accountSid?: string; authToken?: string; from?: string; port?: number } = {}): Promise<FakeTwilio> {
  const accountSid = opts.accountSid ?? `AC${'0123456789abcdef'.repeat(2)}`;
  const authToken = opts.authToken ?? 'twilio-test-token';
  const from = opts.from ?? '+13145550100';
  const messages: CapturedSms[] = [];
  const calls: CapturedCall[] = [];
  const requests: FakeTwilio['requests'] = [];
  const byToken = new Map<string, { resource: string; answer: Record<string, unknown> }>();
  let failures: { status: number; count: number; code: number } | null = null;
  let delays: { ms: number; count: number } | null = null;
  const app = new Hono();

  app.use('/2010-04-01/*', async (c, next) => {
    const expected = `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString('base64')}`;
    if (c.req.header('authorization') !== expected) return twilioError(c, 401, 20003, 'Authenticate');
    await next();
  });

  const resource = (name: 'Messages' | 'Calls') => async (c: Context) => {
    if (c.req.param('sid') !== accountSid) return twilioError(c, 404, 20404, 'The requested resource was not found');
    if (!(c.req.header('content-type') ?? '').startsWith('application/x-www-form-urlencoded')) return twilioError(c, 400, 21601, 'Expected a form-encoded body');
    const token = c.req.header('i-twilio-idempotency-token') ?? null;
    requests.push({ resource: name, idempotencyToken: token });
    if (failures && failures.count > 0) {
      failures.count -= 1;
      return twilioError(c, failures.status, failures.code, 'injected failure');
    }
    const earlier = token ? byToken.get(`${name}:${token}`) : undefined;
    let answer = earlier?.answer;
    if (!answer) {
      const form = Object.fromEntries(new URLSearchParams(await c.req.text()));
      const parsed = (name === 'Messages' ? MessageForm : CallForm).safeParse(form);
      if (!parsed.success) return twilioError(c, 400, 21211, parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
      const created = sid(name === 'Messages' ? 'SM' : 'CA');
      if (name === 'Messages') {
        const f = parsed.data as z.infer<typeof MessageForm>;
        messages.push({ sid: created, to: f.To, from: f.From, body: f.Body, idempotencyToken: token });
      } else {
        const f = parsed.data as z.infer<typeof CallForm>;
        calls.push({ sid: created, to: f.To, from: f.From, twiml: f.Twiml ?? '', idempotencyToken: token });
      }
      answer = { sid: created, account_sid: accountSid, to: form['To'], from: form['From'], status: 'queued', date_created: new Date().toUTCString() };
      if (token) byToken.set(`${name}:${token}`, { resource: name, answer });
    }
    if (delays && delays.count > 0) {
      delays.count -= 1;
      await new Promise((r) => setTimeout(r, delays?.ms ?? 0));
    }
    return c.json(answer, 201);
  };
  app.post('/2010-04-01/Accounts/:sid/Messages.json', resource('Messages'));
  app.post('/2010-04-01/Accounts/:sid/Calls.json', resource('Calls'));

  const failNext: FakeTwilio['failNext'] = (o) => {
    failures = { status: o.status, count: o.count ?? 1, code: o.code ?? (o.status === 429 ? 20429 : 20500) };
  };
  const delayNext: FakeTwilio['delayNext'] = (o) => {
    delays = { ms: o.ms, count: o.count ?? 1 };
  };
  app.get('/__fake/messages', (c) => c.json({ messages }));
  app.get('/__fake/calls', (c) => c.json({ calls }));
  app.post('/__fake/fail-next', async (c) => {
    failNext(z.object({ status: z.number().int().min(400).max(599), count: z.number().int().min(1).optional(), code: z.number().int().optional() }).parse(await c.req.json()));
    return c.json({ ok: true });
  });
  app.post('/__fake/delay-next', async (c) => {
    delayNext(z.object({ ms: z.number().int().min(0).max(600_000), count: z.number().int().min(1).optional() }).parse(await c.req.json()));
    return c.json({ ok: true });
  });

  const server: ServerType = await new Promise((done) => {
    const s = serve({ fetch: app.fetch, port: opts.port ?? 0, hostname: '127.0.0.1' }, () => done(s));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    accountSid,
    authToken,
    from,
    messages,
    calls,
    requests,
    env: { TWILIO_ACCOUNT_SID: accountSid, TWILIO_AUTH_TOKEN: authToken, TWILIO_FROM: from, TWILIO_BASE_URL: url },
    failNext,
    delayNext,
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      }),
  };
}
