import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { ErrorCodes } from '../../../shared/api/errors';
import { NotificationPage } from '../../../shared/api/prefs';
import { jsonError } from '../http/errors';
import type { NotificationHistory } from '../notify/history';
import { bearerSecurity, errorResponse, jsonResponse, openApiRouter } from './openapi-app';

const HistoryQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: z.string().min(1).max(100).optional().meta({ description: 'The `nextBefore` of the previous page (an alert id)' }),
});

const listRoute = createRoute({
  method: 'get',
  path: '/',
  summary: "The caller's alerts, newest first, each with its deliveries (channel, status) and every attempt (time, result, provider id)",
  security: bearerSecurity,
  request: { query: HistoryQuery },
  responses: {
    200: jsonResponse('A page of notification history', NotificationPage),
    400: errorResponse('Bad limit, or `before` is not one of your alerts'),
    401: errorResponse('Not signed in'),
  },
});

/** `/api/v1/notifications`: notification history, the caller's own only. */
export function notificationsRoutes(history: NotificationHistory) {
  const app = openApiRouter();
  app.openapi(listRoute, (c) => {
    const { limit, before } = c.req.valid('query');
    const page = history.page(c.get('user').id, limit, before);
    if (!page) return jsonError(c, 400, ErrorCodes.invalidInput, 'before: not one of your alerts (use nextBefore from the previous page).');
    return c.json(page, 200);
  });
  return app;
}
