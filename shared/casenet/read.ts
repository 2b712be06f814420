import { parsePage, type PageResult } from './parse-page';
import type { CaseSource, FailureReason } from './types';
import type { CasenetRequest } from './urls';
import { backoffDelay, parseRetryAfter } from '../schedule';

/**
 * Reading a Case.net answer, the same in the extension and on the server: what a status means,
 * when to slow down, what a page is, and how a failure reads in plain words.
 */

/** What a fetch adapter returns (it never throws): an answer, or why there was none. */
export type FetchResult = { ok: true; status: number; headers: Record<string, string>; text: string } | { ok: false; status: null; message: string };
export type FetchCasenet = (request: CasenetRequest, opts?: { timeoutMs?: number }) => Promise<FetchResult>;

export type ReadFailure = { ok: false; reason: FailureReason; message: string };
export type ReadResult = { ok: true; page: PageResult } | ReadFailure;

/** Statuses after which every request to the host waits (Retry-After, else backoff). */
const SLOW_DOWN = new Set([429, 503]);
/** Shortest pause after a 429/503 without Retry-After (backoff is fully jittered and may be ~0). */
const MIN_PAUSE_MS = 10_000;

/**
 * The meaning of one answer to `request` for the case `source`. `attempt` (consecutive failures so
 * far) sizes the backoff; `pauseUntil` is set when the host asked us to slow down.
 */
export function interpretAnswer(res: FetchResult, request: CasenetRequest, source: CaseSource, attempt: number, now: number): { result: ReadResult; pauseUntil: number | null } {
  if (!res.ok) return { result: { ok: false, reason: 'network-error', message: res.message }, pauseUntil: null };
  if (SLOW_DOWN.has(res.status)) {
    const until = now + (parseRetryAfter(res.headers['retry-after'] ?? null, now) ?? Math.max(MIN_PAUSE_MS, backoffDelay(attempt)));
    const what = res.status === 429 ? 'Case.net asked us to slow down (429)' : 'Case.net is unavailable (503)';
    const at = new Date(until).toLocaleTimeString('en-US', { hour: '2-digit', minute: '2-digit', timeZone: 'America/Chicago' });
    return { result: { ok: false, reason: 'http-error', message: `${what}; not asking again before ${at} Central` }, pauseUntil: until };
  }
  if (res.status < 200 || res.status >= 300) return { result: { ok: false, reason: 'http-error', message: `Case.net answered with error ${res.status}` }, pauseUntil: null };
  // POST bodies carry the case in form values; put them in the URL the parser sees.
  const url = new URL(request.url);
  if (!url.searchParams.has('caseNumber') && !url.searchParams.has('inputVO.caseNumber')) {
    url.searchParams.set('caseNumber', source.caseNumber);
    url.searchParams.set('courtId', source.courtId);
  }
  return { result: { ok: true, page: parsePage(res.text, url) }, pauseUntil: null };
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

/** The docket out of a read, or the failure that stands in its way. */
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
