import type { FetchCasenet } from '../../../shared/casenet/read';

export type { CasenetRequest } from '../../../shared/casenet/urls';
export type { FetchCasenet, FetchResult } from '../../../shared/casenet/read';

/**
 * Fetch one Case.net URL with the user's cookies, giving up after `timeoutMs` (30 s).
 * Never throws: a network failure or timeout comes back as `{ok:false, message}`.
 */
export const fetchCasenet: FetchCasenet = async (request, opts = {}) => {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), opts.timeoutMs ?? 30_000);
  try {
    const init: RequestInit = { method: request.method, credentials: 'include', signal: controller.signal, redirect: 'follow' };
    if (request.body !== undefined) {
      init.body = request.body;
      init.headers = { 'Content-Type': request.contentType ?? 'application/x-www-form-urlencoded' };
    }
    const res = await fetch(request.url, init);
    const headers: Record<string, string> = {};
    res.headers.forEach((value, name) => {
      headers[name.toLowerCase()] = value;
    });
    return { ok: true, status: res.status, headers, text: await res.text() };
  } catch (err) {
    const timedOut = controller.signal.aborted;
    return { ok: false, status: null, message: timedOut ? 'Case.net did not answer within 30 seconds' : `no answer from Case.net (${err instanceof Error ? err.message : String(err)})` };
  } finally {
    clearTimeout(timer);
  }
};
