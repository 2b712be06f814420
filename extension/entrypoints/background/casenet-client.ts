import { isCasenetUrl } from '../../../shared/casenet/detect/url';
import { parsePage, type PageResult } from '../../../shared/casenet/parse-page';
import type { CaseSource, FailureReason } from '../../../shared/casenet/types';
import { backoffDelay, parseRetryAfter } from '../../../shared/schedule';
import type { CasenetRequest } from '../../lib/browser/fetch';
import type { Ctx } from './context';

export type ReadFailure = { ok: false; reason: FailureReason; message: string };
export type ReadResult = { ok: true; page: PageResult } | ReadFailure;

/** Statuses after which the whole queue waits (Retry-After, else backoff) before the next request. */
const SLOW_DOWN = new Set([429, 503]);
/** Shortest pause after a 429/503 without Retry-After (backoff is fully jittered and may be ~0). */
const MIN_PAUSE_MS = 10_000;

/**
 * Fetch one Case.net request through the polite queue and parse the answer. Only allowlisted
 * Case.net URLs are fetched. On 429/503 the queue pauses for Retry-After (or a backoff delay).
 * `attempt` (consecutive failures so far) sizes that backoff. Never throws.
 */
export async function readCasenet(ctx: Ctx, request: CasenetRequest, source: CaseSource, attempt = 0): Promise<ReadResult> {
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return { ok: false, reason: 'not-a-case-page', message: 'the Case.net address is not valid' };
  }
  if (!isCasenetUrl(url)) return { ok: false, reason: 'not-a-case-page', message: 'the address is not a Case.net page' };
  const res = await ctx.queue.run(() => ctx.fetchCasenet(request, { timeoutMs: 30_000 }));
  if (!res.ok) return { ok: false, reason: 'network-error', message: res.message };
  if (SLOW_DOWN.has(res.status)) {
    const now = ctx.now();
    const until = now + (parseRetryAfter(res.headers['retry-after'] ?? null, now) ?? Math.max(MIN_PAUSE_MS, backoffDelay(attempt)));
    ctx.queue.pauseUntil(until);
    const what = res.status === 429 ? 'Case.net asked us to slow down (429)' : 'Case.net is unavailable (503)';
    const at = new Date(until).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
    return { ok: false, reason: 'http-error', message: `${what}; not asking again before ${at}` };
  }
  if (res.status < 200 || res.status >= 300) return { ok: false, reason: 'http-error', message: `Case.net answered with error ${res.status}` };
  // POST bodies carry the case in form values; put them in the URL the parser sees.
  if (!url.searchParams.has('caseNumber') && !url.searchParams.has('inputVO.caseNumber')) {
    url.searchParams.set('caseNumber', source.caseNumber);
    url.searchParams.set('courtId', source.courtId);
  }
  return { ok: true, page: parsePage(res.text, url) };
}

const REASON_WORDS: Record<FailureReason, string> = {
  'not-found': 'Case.net says no such case was found',
  maintenance: 'Case.net is down for maintenance',
  'bot-check': 'Case.net refused the request as automated traffic; open Case.net in a tab, then try again',
  truncated: 'the page was cut off before its end',
  'layout-changed': 'the page layout has changed and could not be read',
  'not-a-case-page': "Case.net answered with a page that is not this case's docket",
  'http-error': 'Case.net answered with an error',
  'network-error': 'Case.net could not be reached',
};

/** A failure in plain words: "could not read the docket: Case.net is down for maintenance". */
export function describeFailure(what: string, failure: { reason: FailureReason; message?: string }): string {
  const detail = failure.reason === 'http-error' || failure.reason === 'network-error' ? (failure.message ?? REASON_WORDS[failure.reason]) : REASON_WORDS[failure.reason];
  return `could not read the ${what}: ${detail}`;
}

/** The docket out of a parse result, or the failure that stands in its way. */
export function docketOf(result: ReadResult): { ok: true; page: Extract<PageResult, { kind: 'docket' }> } | ReadFailure {
  if (!result.ok) return result;
  const { page } = result;
  switch (page.kind) {
    case 'docket':
      return { ok: true, page };
    case 'error':
      return { ok: false, reason: page.reason, message: page.message };
    case 'not-found':
    case 'maintenance':
      return { ok: false, reason: page.kind, message: page.kind };
    default:
      return { ok: false, reason: 'layout-changed', message: `expected a docket, got a ${page.kind} page` };
  }
}
