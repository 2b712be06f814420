import { isCasenetUrl } from '../../../shared/casenet/detect/url';
import { interpretAnswer, type ReadResult } from '../../../shared/casenet/read';
import type { CaseSource } from '../../../shared/casenet/types';
import type { CasenetRequest } from '../../lib/browser/fetch';
import type { Ctx } from './context';

export { describeFailure, docketOf, type ReadFailure, type ReadResult } from '../../../shared/casenet/read';

/**
 * Fetch one Case.net request through the polite queue and read the answer (shared/casenet/read).
 * Only allowlisted Case.net URLs are fetched. On 429/503 the queue pauses for Retry-After (or a
 * backoff delay sized by `attempt`, the consecutive failures so far). Never throws.
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
  const { result, pauseUntil } = interpretAnswer(res, request, source, attempt, ctx.now());
  if (pauseUntil !== null) ctx.queue.pauseUntil(pauseUntil);
  return result;
}
