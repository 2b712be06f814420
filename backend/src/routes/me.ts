import { createRoute } from '@hono/zod-openapi';
import { isAPIError } from 'better-auth/api';
import { z } from 'zod';
import { CaseRecord } from '../../../shared/api/cases';
import { NotificationPrefs, NotificationView } from '../../../shared/api/prefs';
import { ErrorCodes } from '../../../shared/api/errors';
import { deleteAccount } from '../accounts/delete-account';
import type { Auth } from '../auth/auth';
import type { Devices } from '../auth/devices';
import { MAX_CASES_PER_USER, type CaseStore } from '../cases/case-store';
import type { Db } from '../db/connection';
import { jsonError } from '../http/errors';
import type { Notifier } from '../notify/notifier';
import { bearerSecurity, errorResponse, jsonBody, jsonResponse, openApiRouter } from './openapi-app';

const Me = z.object({ id: z.string(), email: z.string(), emailVerified: z.boolean(), createdAt: z.string() });
const SessionView = z.object({
  id: z.string(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  expiresAt: z.string(),
  ipAddress: z.string().nullable(),
  userAgent: z.string().nullable(),
  current: z.boolean(),
});
const Export = z.object({
  format: z.literal('docket-watch-account'),
  exportedAt: z.string(),
  account: Me,
  sessions: z.array(SessionView),
  trustedDevices: z.array(z.object({ label: z.string(), createdAt: z.string(), expiresAt: z.string() })),
  cases: z.array(CaseRecord),
  notificationSettings: NotificationPrefs,
  notifications: z.array(NotificationView),
});
const DeleteBody = z.strictObject({ password: z.string().min(1).max(200) });
const iso = (d: Date | string) => new Date(d).toISOString();

const meRoute = createRoute({ method: 'get', path: '/', summary: 'The signed-in account', security: bearerSecurity, responses: { 200: jsonResponse('The account', Me), 401: errorResponse('Not signed in') } });
const sessionsRoute = createRoute({
  method: 'get',
  path: '/sessions',
  summary: 'Browsers and devices signed in to the account',
  security: bearerSecurity,
  responses: { 200: jsonResponse('Active sessions', z.object({ sessions: z.array(SessionView) })), 401: errorResponse('Not signed in') },
});
const revokeRoute = createRoute({
  method: 'delete',
  path: '/sessions/{id}',
  summary: 'Sign one session out',
  security: bearerSecurity,
  request: { params: z.object({ id: z.string().min(1).max(200) }) },
  responses: { 204: { description: 'Signed out' }, 401: errorResponse('Not signed in'), 404: errorResponse('No such session of this account') },
});
const exportRoute = createRoute({
  method: 'get',
  path: '/export',
  summary: 'Download everything stored about the account',
  security: bearerSecurity,
  responses: { 200: jsonResponse('All of the account data', Export), 401: errorResponse('Not signed in') },
});
const deleteRoute = createRoute({
  method: 'delete',
  path: '/',
  summary: 'Delete the account and everything of it, confirmed by password',
  security: bearerSecurity,
  request: { body: jsonBody(DeleteBody) },
  responses: { 200: jsonResponse('Deleted', z.object({ deleted: z.literal(true) })), 401: errorResponse('Not signed in'), 403: errorResponse('Wrong password') },
});

/** `/api/v1/me`: the account page's data. */
/** The newest alerts (with deliveries and attempts) a data download includes. */
const EXPORT_NOTIFICATIONS = 10_000;

export function meRoutes(deps: { auth: Auth; db: Db; cases: CaseStore; devices: Devices; notifier: Notifier }) {
  const { auth } = deps;
  const app = openApiRouter();
  const sessionsOf = async (headers: Headers, currentId: string) => {
    const sessions = await auth.api.listSessions({ headers });
    return sessions.map((s) => ({
      id: s.id,
      createdAt: iso(s.createdAt),
      lastSeenAt: iso(s.updatedAt),
      expiresAt: iso(s.expiresAt),
      ipAddress: s.ipAddress ?? null,
      userAgent: s.userAgent ?? null,
      current: s.id === currentId,
      token: s.token,
    }));
  };
  const withoutToken = <T extends { token: string }>({ token: _token, ...rest }: T) => rest;
  const me = (u: { id: string; email: string; emailVerified: boolean; createdAt: Date }) => ({ id: u.id, email: u.email, emailVerified: u.emailVerified, createdAt: iso(u.createdAt) });

  app.openapi(meRoute, (c) => c.json(me(c.get('user')), 200));
  app.openapi(sessionsRoute, async (c) => c.json({ sessions: (await sessionsOf(c.req.raw.headers, c.get('session').id)).map(withoutToken) }, 200));
  app.openapi(revokeRoute, async (c) => {
    const target = (await sessionsOf(c.req.raw.headers, c.get('session').id)).find((s) => s.id === c.req.valid('param').id);
    if (!target) return jsonError(c, 404, ErrorCodes.notFound, 'No such session of this account.');
    await auth.api.revokeSession({ headers: c.req.raw.headers, body: { token: target.token } });
    return c.body(null, 204);
  });
  app.openapi(exportRoute, async (c) => {
    const user = c.get('user');
    c.header('Content-Disposition', 'attachment; filename="docket-watch-account.json"');
    return c.json(
      {
        format: 'docket-watch-account' as const,
        exportedAt: new Date().toISOString(),
        account: me(user),
        sessions: (await sessionsOf(c.req.raw.headers, c.get('session').id)).map(withoutToken),
        trustedDevices: deps.devices.list(user.id),
        cases: deps.cases.list(user.id, MAX_CASES_PER_USER),
        notificationSettings: deps.notifier.prefsOf(user.id),
        notifications: deps.notifier.history.page(user.id, EXPORT_NOTIFICATIONS)?.notifications ?? [],
      },
      200,
    );
  });
  app.openapi(deleteRoute, async (c) => {
    const { password } = c.req.valid('json');
    try {
      await auth.api.verifyPassword({ headers: c.req.raw.headers, body: { password } });
    } catch (err) {
      if (isAPIError(err)) return jsonError(c, 403, ErrorCodes.invalidPassword, 'That password is not right; the account was not deleted.');
      throw err;
    }
    await deleteAccount(auth, deps.db, c.get('user').id);
    return c.json({ deleted: true as const }, 200);
  });
  return app;
}
