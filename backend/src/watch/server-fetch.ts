import { isCasenetUrl } from '../../../shared/casenet/detect/url';
import type { FetchCasenet } from '../../../shared/casenet/read';
import { httpRequest, HttpTooLargeError, HttpTimeoutError } from './http-request';

/** Redirects followed at most (fetch's own limit is 20; Case.net needs one or two). */
const MAX_REDIRECTS = 5;
/** A bigger answer is not a Case.net page (the 500-entry dockets are under 1 MB). */
const MAX_BYTES = 20 * 2 ** 20;

/**
 * The server's Case.net fetch: only requests built for Case.net's own hosts (shared/casenet/urls),
 * sent to CASENET_BASE_URL (the real site, or the local simulator) with a clear user agent; a
 * redirect is followed only to a Case.net URL, sent to the same base. Never throws.
 */
export function serverFetch(opts: { baseUrl: string; userAgent: string }): FetchCasenet {
  const base = new URL(opts.baseUrl);
  const toBase = (url: URL): URL => {
    const mapped = new URL(url);
    mapped.protocol = base.protocol;
    mapped.host = base.host;
    return mapped;
  };
  return async (request, { timeoutMs = 30_000 } = {}) => {
    let url = new URL(request.url);
    if (!isCasenetUrl(url)) return { ok: false, status: null, message: 'refusing a URL that is not a Case.net page' };
    let method = request.method;
    let body = request.body;
    const deadline = Date.now() + timeoutMs;
    try {
      for (let hop = 0; ; hop++) {
        const headers: Record<string, string> = { 'user-agent': opts.userAgent };
        if (body !== undefined) headers['content-type'] = request.contentType ?? 'application/x-www-form-urlencoded';
        const res = await httpRequest(toBase(url), { method, headers, body, timeoutMs: Math.max(1, deadline - Date.now()), maxBytes: MAX_BYTES });
        const location = res.headers['location'];
        if (res.status >= 300 && res.status < 400 && res.status !== 304 && location !== undefined) {
          if (hop >= MAX_REDIRECTS) return { ok: false, status: null, message: 'Case.net redirected too many times' };
          // Relative to the page as Case.net names it; a redirect off Case.net is not followed.
          const next = new URL(location, url);
          if (next.host === base.host) {
            next.protocol = url.protocol;
            next.host = url.host;
          }
          if (!isCasenetUrl(next)) return { ok: false, status: null, message: 'Case.net redirected to a page that is not on Case.net' };
          url = next;
          if (res.status !== 307 && res.status !== 308) {
            method = 'GET';
            body = undefined;
          }
          continue;
        }
        return { ok: true, status: res.status, headers: res.headers, text: res.body.toString('utf8') };
      }
    } catch (err) {
      if (err instanceof HttpTimeoutError) return { ok: false, status: null, message: `Case.net did not answer within ${Number((timeoutMs / 1000).toFixed(1))} seconds` };
      if (err instanceof HttpTooLargeError) return { ok: false, status: null, message: 'Case.net sent an answer far too large for a case page' };
      return { ok: false, status: null, message: 'Case.net could not be reached' };
    }
  };
}
