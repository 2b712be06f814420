import browser, { type Runtime } from 'webextension-polyfill';
import { Requests, type Reply, type RequestName, type RequestOf, type Responses } from './protocol';

/** Thrown by `send` when the background refused or failed a request; `message` is fit for the user. */
export class RequestError extends Error {}

/** Send one typed request to the background and unwrap its reply. */
export async function send<N extends RequestName>(type: N, data: RequestOf<N>): Promise<Responses[N]> {
  const reply = (await browser.runtime.sendMessage({ type, data })) as Reply<Responses[N]> | undefined;
  if (!reply || typeof reply !== 'object' || !('ok' in reply)) {
    throw new RequestError('The extension background did not answer. Reload the extension and try again.');
  }
  if (!reply.ok) throw new RequestError(reply.error);
  return reply.data;
}

export type Handlers = { [N in RequestName]: (data: import('zod').infer<(typeof Requests)[N]>, sender: Runtime.MessageSender) => Promise<Responses[N]> };

/** Requests a content script may make; everything else must come from our own extension pages. */
const CONTENT_ALLOWED: ReadonlySet<RequestName> = new Set(['pageSeen', 'savePage', 'saveRow']);

/**
 * Validate and dispatch one incoming message. Pure of `browser.*` so tests call it directly.
 * Unknown types, bad payloads and foreign senders get `{ok:false, error}`; nothing is changed.
 */
export async function dispatch(handlers: Handlers, message: unknown, sender: Runtime.MessageSender, extensionId: string): Promise<Reply<unknown>> {
  if (sender.id !== extensionId) return { ok: false, error: 'Message from another extension refused.' };
  if (!message || typeof message !== 'object' || typeof (message as { type?: unknown }).type !== 'string') {
    return { ok: false, error: 'Malformed message.' };
  }
  const type = (message as { type: string }).type;
  if (!Object.hasOwn(Requests, type)) return { ok: false, error: `Unknown request "${type.slice(0, 40)}".` };
  const name = type as RequestName;
  const fromTab = sender.tab !== undefined;
  if (fromTab && !CONTENT_ALLOWED.has(name)) return { ok: false, error: `"${name}" is not allowed from a web page.` };
  const parsed = Requests[name].safeParse((message as { data?: unknown }).data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, error: `Invalid ${name} request: ${issue ? `${issue.path.join('.') || 'input'}: ${issue.message}` : 'bad input'}.` };
  }
  try {
    const handler = handlers[name] as (d: unknown, s: Runtime.MessageSender) => Promise<unknown>;
    return { ok: true, data: await handler(parsed.data, sender) };
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}
