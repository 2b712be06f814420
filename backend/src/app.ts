import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { ErrorCodes } from '../../shared/api/errors';
import { AUTH_BASE_PATH, CLIENT_IP_HEADER } from './auth/auth';
import { clientIp } from './http/client-ip';
import { corsForExtension } from './http/cors';
import type { AppEnv } from './http/env';
import { jsonError } from './http/errors';
import { RateLimiter } from './http/rate-limit';
import { requireUser } from './http/require-user';
import { accountPages } from './routes/account-pages';
import { casesRoutes } from './routes/cases';
import { meRoutes } from './routes/me';
import { notificationsRoutes } from './routes/notifications';
import { openApiRouter } from './routes/openapi-app';
import { prefsRoutes } from './routes/prefs';
import { syncRoutes } from './routes/sync';
import { unsubscribeRoutes } from './routes/unsubscribe';
import { watchRoutes, watchStateRoutes } from './routes/watch';
import type { Services } from './services';

/** Request bodies above this are refused (413) before anything reads them. */
export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * The failure that locks an account is answered by our after-hook, but better-auth keeps the status
 * of the error it replaces (401): give ACCOUNT_LOCKED its own status, 423, whatever the path.
 */
async function lockedAsLocked(res: Response): Promise<Response> {
  if (res.status !== 401) return res;
  const body = await res.clone().json().catch(() => null) as { code?: unknown } | null;
  return body?.code === ErrorCodes.accountLocked ? new Response(res.body, { status: 423, headers: res.headers }) : res;
}

/**
 * A body we answer without reading (refused first: 401, 404, 413…) is drained by the Node adapter
 * for at most 0.5 s, then the socket is dropped, although the answer said keep-alive: a client that
 * reuses the connection sees its next request fail. Such answers say `Connection: close` instead.
 */
function bodyLeftUnread(c: Context<AppEnv>): boolean {
  const incoming = c.env?.incoming;
  if (!incoming || incoming.readableEnded) return false;
  const length = c.req.header('content-length');
  return length === undefined ? c.req.header('transfer-encoding') !== undefined : length !== '0';
}

/** Build the HTTP app (no port: tests call `app.request()`); `server.ts` is the only listener. */
export function buildApp(s: Services, now: () => number = Date.now): Hono<AppEnv> {
  const { config, logger, auth } = s;
  const app = new Hono<AppEnv>();

  app.use('*', async (c, next) => {
    const started = performance.now();
    await next();
    // The path only: query strings carry verification and reset tokens.
    logger.info({ method: c.req.method, path: c.req.path, status: c.res.status, ms: Math.round(performance.now() - started) }, 'request');
    // Set on the response itself: c.header() after next() would rebuild every response (~1 ms per 250 kB).
    c.res.headers.set('X-Content-Type-Options', 'nosniff');
    if (bodyLeftUnread(c)) c.res.headers.set('Connection', 'close');
  });
  app.use('/api/*', corsForExtension(config.publicUrl));
  app.use('/api/*', bodyLimit({ maxSize: MAX_BODY_BYTES, onError: (c) => jsonError(c, 413, ErrorCodes.tooLarge, `Request body over ${MAX_BODY_BYTES} bytes.`) }));

  app.get('/healthz', (c) => {
    s.db.prepare('SELECT 1').get();
    return c.json({ ok: true, service: 'docket-watch', time: new Date().toISOString() });
  });

  // better-auth, behind a per-address, per-route limit; it learns the address from our header only.
  const authLimiter = new RateLimiter(config.authRateLimitPerMinute, 60_000);
  app.on(['GET', 'POST'], `${AUTH_BASE_PATH}/*`, async (c): Promise<Response> => {
    const ip = clientIp(c, config.trustProxy);
    const verdict = authLimiter.hit(`${ip} ${c.req.path}`, now());
    if (!verdict.allowed) {
      c.header('Retry-After', String(verdict.retryAfter));
      return jsonError(c, 429, ErrorCodes.rateLimited, `Too many requests; try again in ${verdict.retryAfter} s.`, { retryAfter: verdict.retryAfter });
    }
    const headers = new Headers(c.req.raw.headers);
    headers.set(CLIENT_IP_HEADER, ip);
    return lockedAsLocked(await auth.handler(new Request(c.req.raw, { headers })));
  });

  const api = openApiRouter();
  const signedIn = requireUser(auth, s.db);
  for (const path of ['/me', '/me/*', '/cases', '/cases/*', '/sync/*', '/prefs', '/prefs/*', '/notifications', '/notifications/*', '/watch']) api.use(path, signedIn);
  api.route('/me', meRoutes(s));
  api.route('/cases', casesRoutes(s.cases, now));
  api.route('/cases', watchRoutes({ db: s.db, cases: s.cases, watch: s.watch, sink: s.notifier }, now));
  api.route('/watch', watchStateRoutes({ db: s.db, watch: s.watch }));
  api.route('/sync', syncRoutes(s.sync, now));
  api.route('/prefs', prefsRoutes(s.notifier.settings, now));
  api.route('/notifications', notificationsRoutes(s.notifier.history));
  api.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer', description: 'The token from `set-auth-token` after sign-in' });
  api.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Docket Watch API',
      version: '1',
      description: `The signed-in user's own data. Sign-in and the other account steps are better-auth's routes under ${AUTH_BASE_PATH} (see README "API"). Errors are {code, message}.`,
    },
    servers: [{ url: `${config.publicUrl}/api/v1` }],
  });
  app.route('/api/v1', api);
  app.route('/account', accountPages());
  app.route('/unsubscribe', unsubscribeRoutes(s.notifier, now));
  if (s.devOutbox) {
    const outbox = s.devOutbox;
    app.get('/dev/outbox', (c) => c.json({ emails: outbox.list() }));
  }

  app.notFound((c) => jsonError(c, 404, ErrorCodes.notFound, `No route for ${c.req.method} ${c.req.path}`));
  app.onError((err, c) => {
    if (err instanceof HTTPException) {
      const status = err.status === 413 ? 413 : err.status >= 400 && err.status < 500 ? 400 : 500;
      return jsonError(c, status, status === 413 ? ErrorCodes.tooLarge : status === 400 ? ErrorCodes.invalidInput : 'INTERNAL', err.message || 'Bad request');
    }
    logger.error({ err: { message: err.message, name: err.name } }, 'unhandled error');
    return jsonError(c, 500, 'INTERNAL', 'Internal error');
  });
  return app;
}
