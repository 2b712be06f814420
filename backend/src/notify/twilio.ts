import type { TwilioConfig } from '../config';

/**
 * The two Twilio REST calls we make, with fetch: `POST /2010-04-01/Accounts/{Sid}/Messages.json`
 * (SMS) and `…/Calls.json` (a call reading TwiML), form-encoded, HTTP basic auth, and
 * `I-Twilio-Idempotency-Token` so a repeated request sends nothing twice. `baseUrl` lets tests and
 * development point at a local Twilio-speaking server.
 */

/**
 * What became of one request. `maybe-sent`: the request may have reached Twilio but no answer came
 * (timeout, connection cut): the caller must not repeat it. `retry`: Twilio refused for now (429,
 * 5xx) or was never reached. `rejected`: Twilio refused for good (bad number, bad credentials).
 */
export type TwilioResult =
  | { kind: 'sent'; sid: string }
  | { kind: 'maybe-sent'; error: string }
  | { kind: 'retry'; error: string }
  | { kind: 'rejected'; error: string };

export type TwilioClient = {
  sendSms(to: string, body: string, idempotencyToken: string): Promise<TwilioResult>;
  call(to: string, twiml: string, idempotencyToken: string): Promise<TwilioResult>;
};

/** Errors of a connection that never opened: nothing reached Twilio, so a retry is safe. */
const NOT_CONNECTED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);

function causeCode(err: unknown): string | undefined {
  const cause = (err as { cause?: { code?: unknown } } | null)?.cause;
  return typeof cause?.code === 'string' ? cause.code : undefined;
}

async function errorText(res: Response): Promise<string> {
  const body = (await res.json().catch(() => null)) as { code?: unknown; message?: unknown } | null;
  const code = typeof body?.code === 'number' || typeof body?.code === 'string' ? ` ${body.code}` : '';
  const message = typeof body?.message === 'string' ? `: ${body.message.slice(0, 300)}` : '';
  return `Twilio HTTP ${res.status}${code}${message}`;
}

export function createTwilioClient(config: TwilioConfig, timeoutMs: number): TwilioClient {
  const auth = `Basic ${Buffer.from(`${config.accountSid}:${config.authToken}`).toString('base64')}`;
  const base = `${config.baseUrl}/2010-04-01/Accounts/${encodeURIComponent(config.accountSid)}`;

  async function post(resource: 'Messages' | 'Calls', fields: Record<string, string>, token: string): Promise<TwilioResult> {
    let res: Response;
    try {
      res = await fetch(`${base}/${resource}.json`, {
        method: 'POST',
        headers: { authorization: auth, 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json', 'I-Twilio-Idempotency-Token': token },
        body: new URLSearchParams({ From: config.from, ...fields }).toString(),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (err) {
      const name = (err as Error).name;
      if (name === 'TimeoutError' || name === 'AbortError') return { kind: 'maybe-sent', error: `no answer from Twilio within ${timeoutMs} ms` };
      const code = causeCode(err);
      if (code && NOT_CONNECTED.has(code)) return { kind: 'retry', error: `cannot reach Twilio (${code})` };
      return { kind: 'maybe-sent', error: `connection to Twilio failed mid-request (${code ?? name})` };
    }
    if (res.ok) {
      let body: { sid?: unknown } | null;
      try {
        body = (await res.json()) as { sid?: unknown } | null;
      } catch (err) {
        // Twilio answered 2xx: it took the request; only its answer was cut.
        return { kind: 'maybe-sent', error: `Twilio's answer was unreadable (${(err as Error).name})` };
      }
      return typeof body?.sid === 'string' ? { kind: 'sent', sid: body.sid } : { kind: 'maybe-sent', error: 'Twilio answered without a sid' };
    }
    const error = await errorText(res);
    return res.status === 429 || res.status >= 500 ? { kind: 'retry', error } : { kind: 'rejected', error };
  }

  return {
    sendSms: (to, body, token) => post('Messages', { To: to, Body: body }, token),
    call: (to, twiml, token) => post('Calls', { To: to, Twiml: twiml }, token),
  };
}
