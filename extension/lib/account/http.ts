import type { z } from 'zod';
import { ErrorCodes } from '../../../shared/api/errors';
import { ErrorBody } from './schemas';

/** A request to the sync server failed; `message` is fit for the user. `status` is null when no answer came. */
export class AccountError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
    readonly body: ErrorBody = {},
  ) {
    super(message);
    this.name = 'AccountError';
  }
}

export type ServerOptions = {
  /** The sync server's base URL (Settings `serverUrl`). */
  baseUrl: string;
  /** This browser's device id, sent with every request as `x-device-id`. */
  deviceId: string;
  fetch: typeof fetch;
  timeoutMs?: number;
};

export type ServerCall<S extends z.ZodType> = {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  body?: unknown;
  /** Bearer token for authenticated requests. */
  token?: string;
  /** The schema of a successful answer's body (undefined when the body is empty). */
  schema: S;
};

const TIMEOUT_MS = 20_000;

/**
 * Make one JSON request to the sync server and validate the answer. Never leaks a raw network
 * error: no answer, an unreadable answer and an error status all become an `AccountError`.
 */
export async function callServer<S extends z.ZodType>(opts: ServerOptions, call: ServerCall<S>): Promise<{ data: z.output<S>; headers: Headers }> {
  const server = opts.baseUrl.replace(/\/+$/, '');
  const timeoutMs = opts.timeoutMs ?? TIMEOUT_MS;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const headers: Record<string, string> = { accept: 'application/json', 'x-device-id': opts.deviceId };
  if (call.body !== undefined) headers['content-type'] = 'application/json';
  if (call.token !== undefined) headers.authorization = `Bearer ${call.token}`;
  let status: number;
  let responseHeaders: Headers;
  let text: string;
  try {
    const res = await opts.fetch(`${server}${call.path}`, {
      method: call.method,
      headers,
      body: call.body === undefined ? undefined : JSON.stringify(call.body),
      credentials: 'omit',
      signal: controller.signal,
    });
    status = res.status;
    responseHeaders = res.headers;
    text = await res.text();
  } catch {
    throw new AccountError(
      controller.signal.aborted ? `The sync server at ${server} did not answer within ${timeoutMs / 1000} seconds.` : `Cannot reach the sync server at ${server}.`,
      null,
    );
  } finally {
    clearTimeout(timer);
  }
  const json = parseJson(text);
  const unreadable = () => new AccountError(`The sync server at ${server} sent an answer Docket Watch cannot read (HTTP ${status}).`, status);
  if (json === INVALID) throw unreadable();
  if (status < 200 || status > 299) {
    const parsed = ErrorBody.safeParse(json);
    const body = parsed.success ? parsed.data : {};
    throw new AccountError(body.message || fallbackMessage(status, body, server), status, body);
  }
  const parsed = call.schema.safeParse(json);
  if (!parsed.success) throw unreadable();
  return { data: parsed.data, headers: responseHeaders };
}

const INVALID = Symbol('invalid JSON');

/** An empty body is `undefined`; text that is not JSON is `INVALID`. */
function parseJson(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return INVALID;
  }
}

/** Words for an error that came without a message of its own. */
function fallbackMessage(status: number, body: ErrorBody, server: string): string {
  const wait = body.retryAfter === undefined ? 'a little while' : waitWords(body.retryAfter);
  if (body.code === ErrorCodes.rateLimited || status === 429) return `Too many requests. Try again in ${wait}.`;
  if (body.code === ErrorCodes.accountLocked) return `This account is locked after too many failed sign-ins. Try again in ${wait}, or reset the password.`;
  if (body.code === ErrorCodes.unauthorized || status === 401) return 'Not signed in: sign in again.';
  return `The sync server at ${server} refused the request (HTTP ${status}).`;
}

/** 45 → "45 seconds", 600 → "10 minutes". */
function waitWords(seconds: number): string {
  if (seconds < 90) return `${Math.max(1, Math.ceil(seconds))} seconds`;
  return `${Math.ceil(seconds / 60)} minutes`;
}
