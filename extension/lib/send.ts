import browser from 'webextension-polyfill';
import type { Reply, RequestName, RequestOf, Responses } from './protocol';

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
