import { isCasenetUrl } from '../../../shared/casenet/detect/url';
import type { FetchCasenet } from '../../../shared/casenet/read';

/**
 * The server's Case.net fetch: only requests built for Case.net's own hosts (shared/casenet/urls),
 * sent to CASENET_BASE_URL (the real site, or the local simulator) with a clear user agent. Never throws.
 */
export function serverFetch(opts: { baseUrl: string; userAgent: string }): FetchCasenet {
  const base = new URL(opts.baseUrl);
  return async (request, { timeoutMs = 30_000 } = {}) => {
    const url = new URL(request.url);
    if (!isCasenetUrl(url)) return { ok: false, status: null, message: 'refusing a URL that is not a Case.net page' };
    url.protocol = base.protocol;
    url.host = base.host;
    try {
      const res = await fetch(url, {
        method: request.method,
        body: request.body,
        headers: { 'user-agent': opts.userAgent, ...(request.body === undefined ? {} : { 'content-type': request.contentType ?? 'application/x-www-form-urlencoded' }) },
        redirect: 'follow',
        signal: AbortSignal.timeout(timeoutMs),
      });
      return { ok: true, status: res.status, headers: Object.fromEntries([...res.headers].map(([k, v]) => [k.toLowerCase(), v])), text: await res.text() };
    } catch (err) {
      const timedOut = err instanceof Error && err.name === 'TimeoutError';
      return { ok: false, status: null, message: timedOut ? `Case.net did not answer within ${Math.round(timeoutMs / 1000)} seconds` : 'Case.net could not be reached' };
    }
  };
}
