import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { ErrorCodes } from '../../../shared/api/errors';
import { parseCaseKey } from '../../../shared/casenet/key';
import { CheckResult, SnapshotBody, SnapshotResult, WatchState } from '../../../shared/api/watch';
import type { CaseStore } from '../cases/case-store';
import type { Db } from '../db/connection';
import { jsonError } from '../http/errors';
import { RateLimiter } from '../http/rate-limit';
import type { AlertSink } from '../watch/alerts';
import { acceptBrowserSnapshot } from '../watch/browser-snapshot';
import { checkStatesOf } from '../watch/check-state';
import type { Watcher } from '../watch/watcher';
import { bearerSecurity, errorResponse, jsonBody, jsonResponse, openApiRouter } from './openapi-app';

const KeyParam = z.object({
  key: z.string().max(100).refine((k) => parseCaseKey(k) !== null, 'not a case key (COURT|CASE-NUMBER, e.g. CT22|22SL-CC00807)').meta({ param: { name: 'key', in: 'path' } }),
});

const snapshot = createRoute({
  method: 'post',
  path: '/{key}/snapshot',
  summary: "A docket read by the caller's browser; it may only alert the caller",
  security: bearerSecurity,
  request: { params: KeyParam, body: jsonBody(SnapshotBody) },
  responses: { 200: jsonResponse('Judged (accepted or quarantined)', SnapshotResult), 400: errorResponse('Invalid body'), 401: errorResponse('Not signed in'), 404: errorResponse('The caller does not track this case') },
});
const check = createRoute({
  method: 'post',
  path: '/{key}/check',
  summary: 'Ask the server to check one tracked case on Case.net now',
  security: bearerSecurity,
  request: { params: KeyParam },
  responses: {
    200: jsonResponse('Checked', CheckResult),
    401: errorResponse('Not signed in'),
    404: errorResponse('The caller does not track this case'),
    429: errorResponse('Too many checks (3 a minute per user)'),
    503: errorResponse('Server-side watching is off (CASENET_BASE_URL not set)'),
  },
});

const state = createRoute({
  method: 'get',
  path: '/',
  summary: "The server's last check of each case the caller tracks: when, why it failed (plain words), when next",
  security: bearerSecurity,
  responses: { 200: jsonResponse('Check state per tracked case, in key order; times ISO 8601 or null', WatchState), 401: errorResponse('Not signed in') },
});

/** `/api/v1/cases/:key/snapshot` and `/check`: the caller's tracked cases only. */
export function watchRoutes(deps: { db: Db; cases: CaseStore; watch: Watcher; sink: AlertSink }, now: () => number = Date.now) {
  const app = openApiRouter();
  const checks = new RateLimiter(3, 60_000);
  const tracked = (userId: string, key: string) => deps.cases.get(userId, key)?.tracked === true;

  app.openapi(snapshot, (c) => {
    const { key } = c.req.valid('param');
    const userId = c.get('user').id;
    if (!tracked(userId, key)) return jsonError(c, 404, ErrorCodes.notFound, `You do not track ${key}.`);
    deps.watch.store.refresh(now());
    return c.json(acceptBrowserSnapshot({ db: deps.db, store: deps.watch.store, sink: deps.sink }, userId, key, c.req.valid('json').entries, now()), 200);
  });
  app.openapi(check, async (c) => {
    const { key } = c.req.valid('param');
    const userId = c.get('user').id;
    if (!tracked(userId, key)) return jsonError(c, 404, ErrorCodes.notFound, `You do not track ${key}.`);
    const poller = deps.watch.poller;
    if (!poller) return jsonError(c, 503, 'WATCHING_OFF', 'This server does not watch Case.net (CASENET_BASE_URL is not set); your browser still checks your cases.');
    const verdict = checks.hit(userId, now());
    if (!verdict.allowed) {
      c.header('Retry-After', String(verdict.retryAfter));
      return jsonError(c, 429, ErrorCodes.rateLimited, `Too many checks; try again in ${verdict.retryAfter} s.`, { retryAfter: verdict.retryAfter });
    }
    const outcome = await poller.checkNow(key);
    if (!outcome) return jsonError(c, 404, ErrorCodes.notFound, `You do not track ${key}.`);
    return c.json({ ok: outcome.ok, message: outcome.message, alerts: outcome.alerts }, 200);
  });
  return app;
}

/** `/api/v1/watch`: what the server's own reads of the caller's tracked cases found. */
export function watchStateRoutes(deps: { db: Db; watch: Watcher }) {
  const app = openApiRouter();
  const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
  app.openapi(state, (c) => {
    const watching = deps.watch.poller !== null;
    const cases = checkStatesOf(deps.db, c.get('user').id).map((s) => ({
      key: s.key,
      lastCheckedAt: iso(s.lastCheckedAt),
      lastError: s.lastError,
      nextCheckAt: watching ? iso(s.nextCheckAt) : null,
    }));
    return c.json({ watching, cases }, 200);
  });
  return app;
}
