import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { ErrorCodes } from '../../../shared/api/errors';
import { ClientId, PULL_PAGE, PullResponse, PushRequest, PushResponse } from '../../../shared/sync/protocol';
import { jsonError } from '../http/errors';
import { MutationGapError, type SyncStore } from '../sync/sync-store';
import { bearerSecurity, errorResponse, jsonBody, jsonResponse, openApiRouter } from './openapi-app';

const push = createRoute({
  method: 'post',
  path: '/push',
  summary: "Apply a client's mutations, each at most once, in one transaction",
  description:
    'Mutation ids are per client and consecutive. Ids already applied are skipped (a replay is a no-op); a first id beyond last+1 is refused with 409 MUTATION_GAP and `lastMutationId`. Merge: per-field last-writer-wins by arrival; a removal wins over later edits; only putCase revives a removed case.',
  security: bearerSecurity,
  request: { body: jsonBody(PushRequest) },
  responses: {
    200: jsonResponse('Applied up to lastMutationId', PushResponse),
    400: errorResponse('Invalid mutation (nothing applied)'),
    401: errorResponse('Not signed in'),
    409: errorResponse('Gap in mutation ids (nothing applied); resend from lastMutationId + 1'),
  },
});
const pull = createRoute({
  method: 'get',
  path: '/pull',
  summary: 'Changes after a cursor (the user version), with tombstones for removals and the alerts the server raised',
  security: bearerSecurity,
  request: {
    query: z.object({
      cursor: z.coerce.number().int().min(0).default(0),
      limit: z.coerce.number().int().min(1).max(PULL_PAGE).default(PULL_PAGE),
      /** The pulling browser: the alerts it is handed are recorded as delivered to it. */
      clientId: ClientId.optional(),
    }),
  },
  responses: { 200: jsonResponse('Changes; pull again at once while `more`', PullResponse), 401: errorResponse('Not signed in') },
});

/** `/api/v1/sync`: push and pull of the signed-in user's folder. */
export function syncRoutes(store: SyncStore, now: () => number = Date.now) {
  const app = openApiRouter();
  app.openapi(push, (c) => {
    try {
      return c.json(store.push(c.get('user').id, c.req.valid('json'), now()), 200);
    } catch (err) {
      if (err instanceof MutationGapError) return jsonError(c, 409, ErrorCodes.mutationGap, err.message, { lastMutationId: err.lastMutationId });
      throw err;
    }
  });
  app.openapi(pull, (c) => {
    const { cursor, limit, clientId } = c.req.valid('query');
    return c.json(store.pull(c.get('user').id, cursor, limit, clientId ?? null, now()), 200);
  });
  return app;
}
