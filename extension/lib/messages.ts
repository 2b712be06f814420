import type { Runtime } from 'webextension-polyfill';
import { isCasenetUrl } from '../../shared/casenet/detect/url';
import { AccountRequests, NotificationRequests, Requests, ServerCheckRequests, SyncRequests, type Reply, type RequestName, type Responses } from './protocol';

// `send` lives in ./send (no zod, so the content script stays small); re-exported for the UI.
export { RequestError, send } from './send';

export type Handlers = { [N in RequestName]: (data: import('zod').infer<(typeof Requests)[N]>, sender: Runtime.MessageSender) => Promise<Responses[N]> };

/** Requests a content script may make; everything else must come from our own extension pages. */
const CONTENT_ALLOWED: ReadonlySet<RequestName> = new Set(['pageSeen', 'savePage', 'saveRow', 'searchSeen', 'pageCaseAction']);

/** Requests carrying passwords or tokens, or about the account: only a frame of our own origin (dashboard, popup) may send them. */
const OWN_PAGES_ONLY: ReadonlySet<string> = new Set([...Object.keys(AccountRequests), ...Object.keys(SyncRequests), ...Object.keys(NotificationRequests), ...Object.keys(ServerCheckRequests)]);

/**
 * Validate and dispatch one incoming message. Pure of `browser.*` so tests call it directly.
 * Unknown types, bad payloads and foreign senders get `{ok:false, error}`; nothing is changed.
 */
export async function dispatch(
  handlers: Handlers,
  message: unknown,
  sender: Runtime.MessageSender,
  extensionId: string,
  /** Our pages' origin (`browser.runtime.getURL('/')`); Firefox's differs from the id. */
  extensionOrigin = `chrome-extension://${extensionId}/`,
): Promise<Reply<unknown>> {
  if (sender.id !== extensionId) return { ok: false, error: 'Message from another extension refused.' };
  if (!message || typeof message !== 'object' || typeof (message as { type?: unknown }).type !== 'string') {
    return { ok: false, error: 'Malformed message.' };
  }
  const type = (message as { type: string }).type;
  if (!Object.hasOwn(Requests, type)) return { ok: false, error: `Unknown request "${type.slice(0, 40)}".` };
  const name = type as RequestName;
  // The dashboard runs in a tab too: only a frame outside our own origin is a web page.
  const fromTab = sender.tab !== undefined && !(sender.url ?? '').startsWith(extensionOrigin);
  if (fromTab && !CONTENT_ALLOWED.has(name)) return { ok: false, error: `"${name}" is not allowed from a web page.` };
  if (fromTab && !isCasenetSender(sender)) return { ok: false, error: 'Messages are accepted only from Case.net pages.' };
  if (OWN_PAGES_ONLY.has(name) && !(sender.url ?? '').startsWith(extensionOrigin)) return { ok: false, error: `"${name}" is accepted only from the extension's own pages.` };
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

/** A content-script sender must be a Case.net frame. */
function isCasenetSender(sender: Runtime.MessageSender): boolean {
  try {
    return sender.url !== undefined && isCasenetUrl(new URL(sender.url));
  } catch {
    return false;
  }
}
